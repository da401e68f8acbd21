// Every message the Summary tab uses exists in English and German (plural('x') needs xOne and xOther), with the
// same placeholders. (test/unit/ui/locales.test.ts checks the rest of the popup and the options page.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLocale } from '../ui/helpers';

const ROOT = join(__dirname, '../../..');
const FILES = [
  ...readdirSync(join(ROOT, 'components/summary'))
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(ROOT, 'components/summary', f)),
  join(ROOT, 'components/popup/Tabs.tsx'),
  join(ROOT, 'components/popup/SummaryPanel.tsx'),
];
const placeholders = (m: { message: string }) => [...m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => x[1]!.toLowerCase()).sort();

describe('Summary tab messages', () => {
  const en = readLocale('en');
  const de = readLocale('de');

  it('every key used exists in both languages with the same placeholders', () => {
    const missing: string[] = [];
    const keys = new Set<string>();
    for (const file of FILES) {
      const text = readFileSync(file, 'utf8');
      // t('key' / plural('key', and keys held in constants ('popupAi…', 'popupTab…').
      for (const [, fn, k] of text.matchAll(/\b(t|plural)\('([A-Za-z]+)'/g)) (fn === 'plural' ? [`${k}One`, `${k}Other`] : [k!]).forEach((x) => keys.add(x));
      for (const [, k] of text.matchAll(/(?<!plural\()'(popup(?:Ai|Tab|Sum)[A-Za-z]+)'/g)) keys.add(k!);
    }
    expect(keys.size).toBeGreaterThan(30);
    for (const k of keys) {
      if (!en[k]) missing.push(`en ${k}`);
      else if (!de[k]) missing.push(`de ${k}`);
      else expect(placeholders(de[k]), k).toEqual(placeholders(en[k]));
    }
    expect(missing).toEqual([]);
  });
});
