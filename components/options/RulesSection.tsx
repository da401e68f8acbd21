import { useEffect, useRef, useState } from 'preact/hooks';
import type { Rule, Settings } from '@/lib/settings';
import { t } from '@/utils/i18n';
import { Section } from '@/components/ui/Section';
import type { OptionsApi } from './api';
import { RuleForm } from './RuleForm';

export interface RulesSectionProps {
  api: OptionsApi;
  settings: Settings;
  update(change: (s: Settings) => Settings): void;
  /** Open the form for this host right away (the popup's "tell Rethread where the comments are"). */
  startHost?: string | null;
}

type Editing = { rule: Partial<Rule>; saved: boolean } | null;

/** The reader's rules for sites the detector gets wrong: one per host. */
export function RulesSection({ api, settings, update, startHost }: RulesSectionProps) {
  const existing = (host?: string | null) => (host ? settings.rules.find((r) => r.host === host) : undefined);
  const [editing, setEditing] = useState<Editing>(() => {
    if (!startHost) return null;
    const rule = existing(startHost);
    return rule ? { rule, saved: true } : { rule: { host: startHost }, saved: false };
  });
  const [message, setMessage] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);

  useEffect(() => {
    if (startHost) document.getElementById('rules')?.scrollIntoView();
  }, [startHost]);
  useEffect(() => {
    // Back to "Add a rule" once the form closes.
    if (editing || !refocus.current) return;
    refocus.current = false;
    addButton.current?.focus();
  }, [editing]);

  const save = (rule: Rule) => {
    const replaced = editing?.saved ? editing.rule.host : undefined;
    update((s) => ({ ...s, rules: [...s.rules.filter((r) => r.host !== rule.host && r.host !== replaced), rule] }));
    refocus.current = true;
    setEditing(null);
    setMessage(t('ruleSaved', rule.host));
  };

  return (
    <Section id="rules" title={t('rulesHeading')} intro={t('rulesIntro')}>
      {settings.rules.length ? (
        <ul class="table rules" aria-label={t('rulesHeading')}>
          {settings.rules.map((rule) => (
            <li key={rule.host}>
              <span class="host">{rule.host}</span>
              <code class="selector">{rule.item}</code>
              <button type="button" class="btn" aria-label={t('ruleEditAria', rule.host)} onClick={() => setEditing({ rule, saved: true })}>
                {t('ruleEdit')}
              </button>
              <button
                type="button"
                class="btn danger"
                aria-label={t('remove', rule.host)}
                onClick={() => update((s) => ({ ...s, rules: s.rules.filter((r) => r.host !== rule.host) }))}
              >
                {t('removeShort')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('rulesEmpty')}</p>
      )}
      {message && (
        <p class="notice-ok" role="status">
          {message}
        </p>
      )}
      {editing ? (
        <RuleForm
          key={editing.rule.host ?? 'new'}
          initial={editing.rule}
          editing={editing.saved}
          onSave={save}
          onCancel={() => {
            refocus.current = true;
            setEditing(null);
          }}
          onTest={(rule) => api.testRule(rule)}
        />
      ) : (
        <button
          ref={addButton}
          type="button"
          name="addRule"
          class="btn"
          onClick={() => {
            setMessage(null);
            setEditing({ rule: {}, saved: false });
          }}
        >
          {t('ruleAdd')}
        </button>
      )}
    </Section>
  );
}
