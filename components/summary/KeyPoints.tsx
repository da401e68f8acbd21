import { useId, useState } from 'preact/hooks';
import type { CommentData } from '@/lib/messages';
import type { KeyPoint, Summary } from '@/lib/summary';
import { plural, t } from '@/utils/i18n';
import { CommentLink, type FocusComment } from './CommentLink';
import { authorName } from './format';

/** Supporting comments shown before "+N more". */
const SHOWN = 3;

function Point({ point, lang, byId, onFocus }: { point: KeyPoint; lang: string | undefined; byId: ReadonlyMap<string, CommentData>; onFocus: FocusComment }) {
  const [all, setAll] = useState(false);
  const [source, ...others] = point.support;
  const shown = all ? others : others.slice(0, SHOWN);
  const more = others.length - shown.length;
  return (
    <li class="key-point">
      <blockquote class="kp-text" lang={lang}>
        {point.text}
      </blockquote>
      <p class="kp-meta">
        {source && (
          <>
            <span aria-hidden="true">— </span>
            <CommentLink id={source} onFocus={onFocus} class="link source" title={t('popupSumSourceTitle')}>
              {authorName(byId.get(source))}
            </CommentLink>
            <span class="sep"> · </span>
          </>
        )}
        <span class="kp-count">{plural('popupSumSupport', point.support.length)}</span>
      </p>
      {others.length > 0 && (
        <div class="kp-also">
          <span class="muted">{t('popupSumAlso')}</span>
          <ul class="inline-links" aria-label={t('popupSumAlsoLabel')}>
            {shown.map((id) => (
              <li key={id}>
                <CommentLink id={id} onFocus={onFocus}>
                  {authorName(byId.get(id))}
                </CommentLink>
              </li>
            ))}
            {more > 0 && (
              <li>
                <button type="button" class="link more" onClick={() => setAll(true)}>
                  {t('popupSumMore', more)}
                </button>
              </li>
            )}
          </ul>
        </div>
      )}
    </li>
  );
}

/** The key points as sentences from the comments, each with who says it; then the key terms as chips. */
export function KeyPoints({ summary, byId, onFocus }: { summary: Summary; byId: ReadonlyMap<string, CommentData>; onFocus: FocusComment }) {
  const id = useId();
  const lang = summary.language === 'und' ? undefined : summary.language;
  return (
    <section class="sum-block points" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('popupSumKeyPoints')}</h2>
      {summary.keyPoints.length ? (
        <>
          <ol class="key-points">
            {summary.keyPoints.map((p) => (
              <Point key={p.support[0] ?? p.text} point={p} lang={lang} byId={byId} onFocus={onFocus} />
            ))}
          </ol>
          <p class="hint">{t('popupSumPointsNote')}</p>
        </>
      ) : (
        <p class="muted">{t('popupSumNoPoints')}</p>
      )}
      {summary.terms.length > 0 && (
        <>
          <h3 id={`${id}-terms`}>{t('popupSumTerms')}</h3>
          <ul class="terms" aria-labelledby={`${id}-terms`}>
            {summary.terms.map((term) => (
              <li key={term} class="term" lang={lang}>
                {term}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
