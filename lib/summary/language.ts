// The language of a discussion, from how many of its words are function words of each language (the maintained
// `stopword` lists). Function words make up a third to a half of running text in the language they belong to and
// a few percent in the others, so on a discussion's worth of text the margin is wide; on a few words it is not,
// and then the answer is 'und'. Italian, Portuguese, Dutch and Catalan compete too: text in one of them is 'und'
// rather than mistaken for Spanish, French or German.
import { cat, deu, eng, fra, ita, nld, por, spa } from 'stopword';

export type Language = 'de' | 'en' | 'fr' | 'es' | 'und';

const LISTS: Record<string, readonly string[]> = { de: deu, en: eng, fr: fra, es: spa, it: ita, pt: por, nl: nld, ca: cat };
const READ = new Set(['de', 'en', 'fr', 'es']);

let index: Map<string, string[]> | null = null;

/** word -> the languages whose function word it is. */
function stopIndex(): Map<string, string[]> {
  if (index) return index;
  index = new Map();
  for (const [lang, list] of Object.entries(LISTS)) {
    for (const w of list) {
      const key = w.toLowerCase().replace(/’/g, "'");
      const langs = index.get(key) ?? [];
      if (!langs.includes(lang)) langs.push(lang);
      index.set(key, langs);
    }
  }
  return index;
}

export interface LanguageGuess {
  language: Language;
  /** Share of the words that are function words of each language. */
  shares: Record<string, number>;
  words: number;
}

/** Fewer words than this are too little to tell. */
export const MIN_WORDS = 12;
const MAX_WORDS = 8_000;
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;

/** The language of these texts: de, en, fr, es, or 'und' when there is too little text or it is none of them. */
export function detectLanguage(texts: Iterable<string>): LanguageGuess {
  const stop = stopIndex();
  const hits: Record<string, number> = {};
  for (const l of Object.keys(LISTS)) hits[l] = 0;
  let n = 0;
  outer: for (const text of texts) {
    for (const m of text.matchAll(WORD)) {
      n++;
      const w = m[0].toLowerCase().replace(/’/g, "'");
      const langs = stop.get(w) ?? (w.includes("'") ? stop.get(w.slice(0, w.indexOf("'"))) : undefined);
      if (langs) for (const l of langs) hits[l]! += 1;
      if (n >= MAX_WORDS) break outer;
    }
  }
  const shares: Record<string, number> = {};
  for (const l of Object.keys(LISTS)) shares[l] = n ? Math.round((hits[l]! / n) * 1000) / 1000 : 0;
  const ranked = Object.keys(LISTS).sort((a, b) => hits[b]! - hits[a]! || a.localeCompare(b));
  const best = ranked[0]!;
  const second = ranked[1]!;
  const sure = n >= MIN_WORDS && hits[best]! >= 4 && shares[best]! >= 0.15 && hits[best]! >= 1.25 * hits[second]!;
  return { language: sure && READ.has(best) ? (best as Language) : 'und', shares, words: n };
}
