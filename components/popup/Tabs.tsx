import { t } from '@/utils/i18n';

export type PopupView = 'page' | 'summary';

const VIEWS: readonly PopupView[] = ['page', 'summary'];
const LABEL: Record<PopupView, string> = { page: 'popupTabPage', summary: 'popupTabSummary' };

export const tabId = (view: PopupView) => `popup-tab-${view}`;
export const panelId = (view: PopupView) => `popup-panel-${view}`;

/** "Page | Summary": a tab list (arrow keys, Home and End move between the tabs, as the ARIA pattern has it). */
export function Tabs({ selected, onSelect }: { selected: PopupView; onSelect(view: PopupView): void }) {
  const move = (e: KeyboardEvent) => {
    const i = VIEWS.indexOf(selected);
    const next =
      e.key === 'ArrowRight' ? VIEWS[(i + 1) % VIEWS.length] : e.key === 'ArrowLeft' ? VIEWS[(i + VIEWS.length - 1) % VIEWS.length] : e.key === 'Home' ? VIEWS[0] : e.key === 'End' ? VIEWS[VIEWS.length - 1] : undefined;
    if (!next) return;
    e.preventDefault();
    onSelect(next);
    (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#${tabId(next)}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={t('popupTabsLabel')} onKeyDown={move}>
      {VIEWS.map((view) => (
        <button
          key={view}
          type="button"
          role="tab"
          id={tabId(view)}
          name={`tab-${view}`}
          class="tab"
          aria-selected={selected === view}
          aria-controls={panelId(view)}
          tabIndex={selected === view ? 0 : -1}
          onClick={() => onSelect(view)}
        >
          {t(LABEL[view])}
        </button>
      ))}
    </div>
  );
}
