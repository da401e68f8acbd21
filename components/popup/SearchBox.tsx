import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { SearchReply } from '@/lib/messages';
import { t } from '@/utils/i18n';
import { IconDown, IconSearch, IconUp } from '@/components/ui/icons';

const DEBOUNCE_MS = 120;

/** "2 of 7" (the page counts from 0), "No matches", or nothing before the first answer. */
export function searchPosition(reply: SearchReply | null): string {
  if (!reply) return '';
  if (!reply.total) return t('searchNone');
  return t('searchPosition', Math.min(reply.index, reply.total - 1) + 1, reply.total);
}

/**
 * Finds comments on the page: typing jumps to the first match, ↑/↓ (or Shift+Enter/Enter) to the previous/next.
 */
export function SearchBox({ search }: { search(query: string, step: -1 | 0 | 1): Promise<SearchReply | null> }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [reply, setReply] = useState<SearchReply | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** Answers can arrive out of order: only the latest request's counts. */
  const latest = useRef(0);

  const run = async (q: string, step: -1 | 0 | 1) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const ticket = ++latest.current;
    const r = await search(q, step);
    if (ticket === latest.current) setReply(q.trim() ? r : null);
  };

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const onInput = (value: string) => {
    setQuery(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(value, 0), DEBOUNCE_MS);
  };

  // Enter right after typing searches first; after that it steps.
  const step = (direction: -1 | 1) => void run(query, timer.current || !reply ? 0 : direction);
  const position = searchPosition(reply);
  const canStep = !!reply && reply.total > 1;

  return (
    <form
      class="search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        step(1);
      }}
    >
      <label class="sr-only" for={id}>
        {t('searchLabel')}
      </label>
      <div class="search-box">
        <IconSearch />
        <input
          id={id}
          name="q"
          class="search-input"
          type="search"
          autocomplete="off"
          spellcheck={false}
          maxLength={500}
          placeholder={t('searchPlaceholder')}
          value={query}
          aria-describedby={`${id}-pos`}
          onInput={(e) => onInput(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.shiftKey) {
              e.preventDefault();
              step(-1);
            }
          }}
        />
        <span id={`${id}-pos`} class="position" aria-live="polite">
          {position}
        </span>
        <button type="button" name="previous" class="btn icon" aria-label={t('searchPrevious')} title={t('searchPrevious')} disabled={!canStep} onClick={() => step(-1)}>
          <IconUp />
        </button>
        <button type="button" name="next" class="btn icon" aria-label={t('searchNext')} title={t('searchNext')} disabled={!canStep} onClick={() => step(1)}>
          <IconDown />
        </button>
      </div>
    </form>
  );
}
