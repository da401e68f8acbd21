import type { PageStatus } from '@/lib/messages';
import { plural, t } from '@/utils/i18n';

const ADAPTERS: Record<string, string> = {
  hackernews: 'Hacker News',
  reddit: 'Reddit',
  wpdiscuz: 'wpDiscuz',
  discourse: 'Discourse',
};

/** "generic detection", "your rule for example.org", "Hacker News adapter". */
export function readerName(site: string): string {
  if (site === 'generic') return t('readerGeneric');
  if (site.startsWith('rule:')) return t('readerRule', site.slice(5));
  return t('readerAdapter', ADAPTERS[site] ?? site);
}

/** "38 comments · 9 threads · 14 replies linked", who read the page, and what the filters did. */
export function StatusCounts({ status }: { status: PageStatus }) {
  return (
    <>
      <p class="lead counts">
        <strong>{plural('comments', status.comments)}</strong>
        <span class="sep"> · </span>
        {plural('threads', status.threads)}
        <span class="sep"> · </span>
        {plural('linked', status.linked)}
      </p>
      <p class="muted">{t('readBy', readerName(status.site))}</p>
      {(status.unresolved > 0 || status.fresh > 0 || status.highlighted > 0) && (
        <ul class="facts">
          {status.fresh > 0 && <li class="fact fresh">{plural('fresh', status.fresh)}</li>}
          {status.highlighted > 0 && <li class="fact hl">{plural('highlighted', status.highlighted)}</li>}
          {status.unresolved > 0 && <li class="fact">{plural('unresolved', status.unresolved)}</li>}
        </ul>
      )}
    </>
  );
}
