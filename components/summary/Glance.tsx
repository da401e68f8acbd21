import { useId } from 'preact/hooks';
import type { CommentData } from '@/lib/messages';
import type { Summary } from '@/lib/summary';
import { plural, t } from '@/utils/i18n';
import { CommentLink, type FocusComment } from './CommentLink';
import { authorName, excerpt, spanText } from './format';

export interface GlanceProps {
  summary: Summary;
  byId: ReadonlyMap<string, CommentData>;
  /** Each author's first comment. */
  firstBy: ReadonlyMap<string, string>;
  onFocus: FocusComment;
}

/** A comment as one row: who, how many, and its first words; the whole row shows it on the page. */
function Row({ id, count, byId, onFocus }: { id: string; count: string; byId: GlanceProps['byId']; onFocus: FocusComment }) {
  const c = byId.get(id);
  return (
    <li>
      <CommentLink id={id} onFocus={onFocus} class="row-link">
        <span class="row-head">
          <span class="who">{authorName(c)}</span>{' '}
          <span class="n">{count}</span>
        </span>{' '}
        {c && (c.title || c.text) && <span class="excerpt">{excerpt(c.title && !c.text.startsWith(c.title) ? `${c.title} ${c.text}` : c.text || c.title!)}</span>}
      </CommentLink>
    </li>
  );
}

/** Counts, time span, the most active authors, the longest threads, the most replied-to comments. */
export function Glance({ summary, byId, firstBy, onFocus }: GlanceProps) {
  const id = useId();
  const span = spanText(summary.span);
  // One comment each is no "most active": only authors who wrote more than once.
  const active = summary.activeAuthors.filter((a) => a.comments > 1 && firstBy.has(a.author));
  return (
    <section class="sum-block glance" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('popupSumGlance')}</h2>
      <p class="figures">
        <strong data-figure="comments">{plural('comments', summary.comments)}</strong>
        <span class="sep"> · </span>
        <strong data-figure="participants">{plural('popupSumPeople', summary.participants)}</strong>
      </p>
      {span && <p class="muted span">{span}</p>}

      {active.length > 0 && (
        <>
          <h3 id={`${id}-active`}>{t('popupSumActive')}</h3>
          <ul class="people" aria-labelledby={`${id}-active`}>
            {active.map((a) => (
              <li key={a.author}>
                <CommentLink id={firstBy.get(a.author)!} onFocus={onFocus} class="person" title={t('popupSumFirstComment')}>
                  <span class="who">{a.author}</span>{' '}
                  <span class="n">{plural('comments', a.comments)}</span>
                </CommentLink>
              </li>
            ))}
          </ul>
        </>
      )}

      {summary.longestThreads.length > 0 && (
        <>
          <h3 id={`${id}-threads`}>{t('popupSumThreads')}</h3>
          <ul class="rows" aria-labelledby={`${id}-threads`} data-list="threads">
            {summary.longestThreads.map((th) => (
              <Row key={th.id} id={th.id} count={plural('comments', th.size)} byId={byId} onFocus={onFocus} />
            ))}
          </ul>
        </>
      )}

      {summary.mostReplied.length > 0 && (
        <>
          <h3 id={`${id}-replied`}>{t('popupSumReplied')}</h3>
          <ul class="rows" aria-labelledby={`${id}-replied`} data-list="replied">
            {summary.mostReplied.map((r) => (
              <Row key={r.id} id={r.id} count={plural('replies', r.replies)} byId={byId} onFocus={onFocus} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
