// The rule form's values and their checks: the settings schema (RuleSchema) and the browser's own selector parser.
import { RuleSchema, type Rule } from '@/lib/settings';
import { t } from '@/utils/i18n';
import { normalizeHost } from '@/utils/host-input';
import { selectorError } from '@/utils/selectors';

export const RULE_FIELDS = ['host', 'item', 'author', 'time', 'title', 'text'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];
export type RuleValues = Record<RuleField, string>;
export type RuleErrors = Partial<Record<RuleField, string>>;

export function valuesOf(rule?: Partial<Rule>): RuleValues {
  return {
    host: rule?.host ?? '',
    item: rule?.item ?? '',
    author: rule?.author ?? '',
    time: rule?.time ?? '',
    title: rule?.title ?? '',
    text: rule?.text ?? '',
  };
}

/** A valid rule, or an error per field (inline, in the reader's language). */
export function checkRule(values: RuleValues, doc: Document = document): { rule: Rule } | { errors: RuleErrors } {
  const errors: RuleErrors = {};
  const host = normalizeHost(values.host);
  if (!values.host.trim()) errors.host = t('errorRequired');
  else if (!host) errors.host = t('siteInvalid');
  if (!values.item.trim()) errors.item = t('errorRequired');
  const rule: Record<string, string> = { host: host ?? values.host.trim() };
  for (const field of RULE_FIELDS.slice(1)) {
    const selector = values[field].trim();
    if (!selector) continue;
    rule[field] = selector;
    if (selectorError(selector, doc) != null) errors[field] = t('errorSelector');
  }
  const parsed = RuleSchema.safeParse(rule);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as RuleField | undefined;
      if (field && !errors[field]) errors[field] = field === 'host' ? t('siteInvalid') : t('errorSelector');
    }
  }
  if (Object.keys(errors).length || !parsed.success) return { errors };
  return { rule: parsed.data };
}
