// Both languages have every message, with the same placeholders, and every key the popup and options pages use
// exists (plural('x') needs xOne and xOther).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLocale } from './helpers';

const ROOT = join(__dirname, '../../..');
const en = readLocale('en');
const de = readLocale('de');

const placeholders = (m: { message: string }) => [...m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => x[1]!.toLowerCase()).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const UI_SOURCES = [
  ...['components/popup', 'components/options', 'components/ui', 'entrypoints/popup', 'entrypoints/options'].flatMap((d) => sources(join(ROOT, d))),
  ...['utils/keywords.ts', 'utils/tabs.ts', 'utils/host-input.ts'].map((f) => join(ROOT, f)),
];

describe('locales', () => {
  it('English and German have the same keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message uses the placeholders it defines, the same in both languages', () => {
    for (const [key, m] of Object.entries(en)) {
      const other = de[key]!;
      expect(placeholders(other), key).toEqual(placeholders(m));
      for (const name of placeholders(m)) {
        expect(m.placeholders?.[name], `${key}: $${name.toUpperCase()}$ undefined`).toBeDefined();
        expect(other.placeholders?.[name], `de ${key}: $${name.toUpperCase()}$ undefined`).toBeDefined();
      }
    }
  });

  it('every key the popup and options pages use exists', () => {
    const missing: string[] = [];
    for (const file of UI_SOURCES) {
      const text = readFileSync(file, 'utf8');
      for (const [, fn, key] of text.matchAll(/\b(t|plural)\('([A-Za-z]+)'/g)) {
        const keys = fn === 'plural' ? [`${key}One`, `${key}Other`] : [key!];
        for (const k of keys) if (!en[k]) missing.push(`${file.slice(ROOT.length + 1)}: ${k}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
