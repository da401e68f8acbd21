import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { RuleTestReply } from '@/lib/messages';
import type { Rule } from '@/lib/settings';
import { t } from '@/utils/i18n';
import { checkRule, RULE_FIELDS, valuesOf, type RuleErrors, type RuleField, type RuleValues } from './ruleForm';
import { RuleTestResult } from './RuleTestResult';

export interface RuleFormProps {
  initial?: Partial<Rule>;
  /** True while editing a saved rule (the heading says so). */
  editing?: boolean;
  onSave(rule: Rule): void;
  onCancel(): void;
  onTest(rule: Rule): Promise<RuleTestReply | null>;
}

const LABELS: Record<RuleField, () => string> = {
  host: () => t('ruleHost'),
  item: () => t('ruleItem'),
  author: () => t('ruleAuthor'),
  time: () => t('ruleTime'),
  title: () => t('ruleTitle'),
  text: () => t('ruleText'),
};
const PLACEHOLDERS: Record<RuleField, string> = {
  host: 'example.org',
  item: '.comment',
  author: '.comment-author',
  time: 'time',
  title: '.comment-title',
  text: '.comment-body',
};

/** Host and CSS selectors of a custom site rule, checked inline, with a test on an open page. */
export function RuleForm({ initial, editing, onSave, onCancel, onTest }: RuleFormProps) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<RuleValues>(() => valuesOf(initial));
  const [errors, setErrors] = useState<RuleErrors>({});
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<{ reply: RuleTestReply | null } | null>(null);

  useEffect(() => {
    // Straight into the first field still to fill.
    const first = initial?.host ? 'item' : 'host';
    form.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  }, []);

  const check = (): Rule | null => {
    const checked = checkRule(values);
    if ('rule' in checked) {
      setErrors({});
      return checked.rule;
    }
    setErrors(checked.errors);
    const first = RULE_FIELDS.find((f) => checked.errors[f]);
    if (first) form.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
    return null;
  };

  const test = async () => {
    const rule = check();
    if (!rule) return;
    setTesting(true);
    setResult(null);
    try {
      setResult({ reply: await onTest(rule) });
    } finally {
      setTesting(false);
    }
  };

  return (
    <form
      ref={form}
      class="rule-form"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        const rule = check();
        if (rule) onSave(rule);
      }}
    >
      <h3 id={`${id}-title`}>{editing && initial?.host ? t('ruleEditHeading', initial.host) : t('ruleNewHeading')}</h3>
      <div class="fields">
        {RULE_FIELDS.map((field) => (
          <div class={`form-field ${field}`} key={field}>
            <label class="label" for={`${id}-${field}`}>
              {LABELS[field]()}
            </label>
            <input
              id={`${id}-${field}`}
              name={field}
              class={`field${field === 'host' ? '' : ' mono'}`}
              type="text"
              autocomplete="off"
              spellcheck={false}
              required={field === 'host' || field === 'item'}
              placeholder={PLACEHOLDERS[field]}
              value={values[field]}
              aria-invalid={errors[field] ? 'true' : undefined}
              aria-describedby={errors[field] ? `${id}-${field}-err` : `${id}-${field}-hint`}
              onInput={(e) => {
                const v = e.currentTarget.value;
                setValues((old) => ({ ...old, [field]: v }));
                if (errors[field]) setErrors((old) => ({ ...old, [field]: undefined }));
              }}
            />
            {errors[field] ? (
              <p id={`${id}-${field}-err`} class="error" role="alert">
                {errors[field]}
              </p>
            ) : (
              <p id={`${id}-${field}-hint`} class="hint">
                {field === 'host' ? t('ruleHostHint') : field === 'item' ? t('ruleItemHint') : t('rulePartHint')}
              </p>
            )}
          </div>
        ))}
      </div>
      <div class="buttons">
        <button type="submit" name="save" class="btn primary">
          {t('ruleSave')}
        </button>
        <button type="button" name="test" class="btn" disabled={testing} onClick={() => void test()}>
          {testing ? t('ruleTesting') : t('ruleTest')}
        </button>
        <button type="button" class="btn ghost" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      <div aria-live="polite">{result && <RuleTestResult reply={result.reply} />}</div>
    </form>
  );
}
