import type { RuleTestReply } from '@/lib/messages';
import { plural, shortTime, t } from '@/utils/i18n';

/** The page sends at most 160 characters: a cut text ends at a word, with an ellipsis. */
const snippet = (text: string) => (text.length < 150 ? text : `${text.slice(0, 150).replace(/\s+\S*$/, '')}…`);

/** What a rule found on the page: how many comments, and the first few as read. */
export function RuleTestResult({ reply }: { reply: RuleTestReply | null }) {
  if (!reply) return <p class="test-result warn-box">{t('ruleTestNoTab')}</p>;
  if (reply.error) return <p class="test-result error-box">{t('ruleTestError', reply.error)}</p>;
  if (!reply.matched) return <p class="test-result warn-box">{t('ruleTestNone')}</p>;
  return (
    <div class="test-result ok-box">
      <p>
        <strong>{plural('ruleTestMatched', reply.matched)}</strong>
      </p>
      <ol class="samples">
        {reply.comments.slice(0, 3).map((c, i) => (
          <li key={i}>
            <span class="who">{c.author ?? t('noAuthor')}</span>
            {c.time && <span class="when"> · {shortTime(c.time) ?? c.time}</span>}
            <p class="what">{c.text ? snippet(c.text) : t('noText')}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
