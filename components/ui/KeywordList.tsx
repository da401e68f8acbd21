import { useRef, useState } from 'preact/hooks';
import type { KeywordRule } from '@/lib/filters';
import { t } from '@/utils/i18n';
import { isRegexPattern, keywordProblem } from '@/utils/keywords';
import { AddField } from './AddField';
import { ChipList } from './ChipList';

export interface KeywordListProps {
  keywords: readonly KeywordRule[];
  onAdd(rule: KeywordRule): void;
  onRemove(rule: KeywordRule): void;
}

const keyOf = (k: KeywordRule) => `${k.mode}:${k.pattern}`;
const modeName = (mode: KeywordRule['mode']) => (mode === 'hide' ? t('modeHide') : t('modeHighlight'));

/**
 * Words, phrases and /regular expressions/, each to hide or to highlight. A regular expression that does not
 * compile is shown as such while it is typed, and never saved.
 */
export function KeywordList({ keywords, onAdd, onRemove }: KeywordListProps) {
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [mode, setMode] = useState<KeywordRule['mode']>('hide');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    const pattern = value.trim();
    if (!pattern) return;
    const problem = keywords.some((k) => k.pattern === pattern && k.mode === mode) ? t('duplicate') : keywordProblem(pattern);
    setError(problem);
    if (problem) return;
    onAdd({ pattern, mode });
    setValue('');
  };

  const select = (
    <select class="field" name="mode" aria-label={t('keywordMode')} value={mode} onChange={(e) => setMode(e.currentTarget.value as KeywordRule['mode'])}>
      <option value="hide">{t('modeHide')}</option>
      <option value="highlight">{t('modeHighlight')}</option>
    </select>
  );

  return (
    <div class="editor keywords">
      <AddField
        label={t('keywordsLabel')}
        name="keyword"
        placeholder={t('keywordPlaceholder')}
        value={value}
        error={error}
        inputRef={input}
        extra={select}
        onInput={(v) => {
          setValue(v);
          // A regular expression is checked as it is typed; other text when it is added.
          setError(isRegexPattern(v) ? keywordProblem(v) : null);
        }}
        onSubmit={submit}
      />
      <ChipList
        label={t('keywordsLabel')}
        chips={keywords.map((k) => ({
          key: keyOf(k),
          name: `${k.pattern} (${modeName(k.mode)})`,
          class: k.mode,
          content: (
            <>
              <span class="text">{isRegexPattern(k.pattern) ? <code>{k.pattern}</code> : k.pattern}</span>
              <span class="tag">{modeName(k.mode)}</span>
            </>
          ),
        }))}
        onRemove={(key) => {
          const rule = keywords.find((k) => keyOf(k) === key);
          if (rule) onRemove(rule);
          input.current?.focus();
        }}
      />
    </div>
  );
}
