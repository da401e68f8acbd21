import type { ComponentChildren } from 'preact';
import { t } from '@/utils/i18n';
import { IconClose } from './icons';

export interface Chip {
  key: string;
  /** Accessible name of the entry (for its remove button). */
  name: string;
  content: ComponentChildren;
  class?: string;
}

/** Entries as removable chips, or "None yet". */
export function ChipList({ label, chips, onRemove }: { label: string; chips: Chip[]; onRemove(key: string): void }) {
  if (!chips.length) return <p class="empty">{t('listEmpty')}</p>;
  return (
    <ul class="chips" aria-label={label}>
      {chips.map((c) => (
        <li class={`chip ${c.class ?? ''}`} key={c.key}>
          {c.content}
          <button type="button" aria-label={t('remove', c.name)} title={t('remove', c.name)} onClick={() => onRemove(c.key)}>
            <IconClose />
          </button>
        </li>
      ))}
    </ul>
  );
}
