// Checks a keyword filter the way the page will use it (lib/filters' compileRule): /.../flags is a regular
// expression, anything else words or a phrase.
import { compileRule } from '@/lib/filters';
import { t } from './i18n';

/** Looks like a regular expression (/.../flags): the reader means one, so it must compile. */
export const isRegexPattern = (pattern: string) => /^\/.+\/[a-z]*$/s.test(pattern.trim());

/** Null when the pattern can be used, else a message for the reader. */
export function keywordProblem(pattern: string): string | null {
  const p = pattern.trim();
  if (!p) return t('emptyPattern');
  if (p.length > 500) return t('tooLong');
  const compiled = compileRule({ pattern: p, mode: 'hide' });
  if (!('error' in compiled)) return null;
  if (!isRegexPattern(p)) return t('emptyPattern');
  // "Invalid regular expression: /(a/i: Unterminated group" -> "Unterminated group" (the flags shown are not the reader's).
  const reason = compiled.error.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  return t('invalidRegex', reason.charAt(0).toUpperCase() + reason.slice(1));
}
