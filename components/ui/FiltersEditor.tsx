import type { FilterSettings } from '@/lib/filters';
import { t } from '@/utils/i18n';
import { Checkbox } from './Checkbox';
import { KeywordList } from './KeywordList';
import { ListEditor } from './ListEditor';
import { MinLengthField } from './MinLengthField';

export type FiltersChange = (change: (f: FilterSettings) => FilterSettings) => void;

const without = <T,>(list: readonly T[], item: T) => list.filter((x) => x !== item);

/** Every filter setting: keywords, muted and highlighted authors, minimum length, only new comments. */
export function FiltersEditor({ filters, update }: { filters: FilterSettings; update: FiltersChange }) {
  return (
    <div class="filters-editor">
      <KeywordList
        keywords={filters.keywords}
        onAdd={(rule) => update((f) => ({ ...f, keywords: [...f.keywords, rule] }))}
        onRemove={(rule) => update((f) => ({ ...f, keywords: f.keywords.filter((k) => k.pattern !== rule.pattern || k.mode !== rule.mode) }))}
      />
      <ListEditor
        label={t('mutedLabel')}
        name="muted"
        placeholder={t('authorPlaceholder')}
        items={filters.muted}
        onAdd={(name) => update((f) => ({ ...f, muted: [...f.muted, name] }))}
        onRemove={(name) => update((f) => ({ ...f, muted: without(f.muted, name) }))}
        validate={(name) => (name.length > 200 ? t('tooLong') : null)}
      />
      <Checkbox name="muteReplies" checked={filters.muteReplies} onChange={(on) => update((f) => ({ ...f, muteReplies: on }))}>
        {t('muteReplies')}
      </Checkbox>
      <ListEditor
        label={t('highlightedLabel')}
        name="highlighted"
        placeholder={t('authorPlaceholder')}
        items={filters.highlighted}
        onAdd={(name) => update((f) => ({ ...f, highlighted: [...f.highlighted, name] }))}
        onRemove={(name) => update((f) => ({ ...f, highlighted: without(f.highlighted, name) }))}
        validate={(name) => (name.length > 200 ? t('tooLong') : null)}
      />
      <MinLengthField value={filters.minLength} onChange={(n) => update((f) => ({ ...f, minLength: n }))} />
      <Checkbox name="onlyNew" checked={filters.onlyNew} onChange={(on) => update((f) => ({ ...f, onlyNew: on }))}>
        {t('onlyNew')}
      </Checkbox>
    </div>
  );
}

/** How many filters are in use (for "Filters · 3 active"). */
export function activeFilters(f: FilterSettings): number {
  return f.keywords.length + f.muted.length + f.highlighted.length + (f.minLength > 0 ? 1 : 0) + (f.onlyNew ? 1 : 0);
}
