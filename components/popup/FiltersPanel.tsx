import { useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings';
import { plural, t } from '@/utils/i18n';
import { activeFilters, FiltersEditor, type FiltersChange } from '@/components/ui/FiltersEditor';

const OPEN_KEY = 'rethread.popup.filtersOpen';

function remembered(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) === '1';
  } catch {
    return false;
  }
}

/** The filters, folded away unless the reader opened them last time. */
export function FiltersPanel({ settings, update }: { settings: Settings | null; update: FiltersChange }) {
  const [open, setOpen] = useState(remembered);
  const active = settings ? activeFilters(settings.filters) : 0;
  return (
    <details
      class="filters"
      open={open}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        setOpen(now);
        try {
          localStorage.setItem(OPEN_KEY, now ? '1' : '0');
        } catch {
          // private mode: not remembered
        }
      }}
    >
      <summary>
        <span class="summary-title">{t('filtersHeading')}</span>
        {active > 0 && <span class="badge">{plural('filtersActive', active)}</span>}
      </summary>
      {settings ? <FiltersEditor filters={settings.filters} update={update} /> : <p class="muted">{t('statusLoading')}</p>}
    </details>
  );
}
