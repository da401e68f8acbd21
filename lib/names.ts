// Matching the names readers write ("Horst", "J. Franke", "@webbear", "Herr Quaas", "TonyM") to the display
// names of commenters ("Horst Flügge", "Jürgen Franke", "Dr. Webbaer", "GeorgQuaas", "Tony M").
import { memo } from './lazy';
import { HONORIFICS } from './vocabulary';

const UMLAUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', æ: 'ae', ø: 'oe', œ: 'oe' };
const HONORIFIC = new Set(HONORIFICS);

/** Lowercase, umlauts spelled out, other diacritics dropped: "Webbär" and "Webbaer" fold alike. */
const NON_ASCII = /[^\t\n\r\x20-\x7e]/;

export function fold(s: string): string {
  // Most text is plain ASCII: lowercase is all it needs.
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  const spelled = s.toLowerCase().replace(/[äöüßæøœ]/g, (c) => UMLAUT[c] ?? c);
  // German text is often ASCII once its umlauts are spelled out: decomposing would change nothing.
  if (!NON_ASCII.test(spelled)) return spelled;
  return spelled.normalize('NFKD').replace(/\p{M}+/gu, '');
}

/**
 * Words of a name: camelCase and digits split off ("GeorgQuaas" -> georg quaas, "wScherf" -> w scherf).
 * Remembered per name (the same names are looked up for every comment); the lists are shared, never changed.
 */
export const nameWords = memo(
  (name: string): string[] =>
    fold(name.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/(\p{L})(\d)/gu, '$1 $2'))
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  50_000,
);

export function compact(name: string): string {
  return fold(name).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Optimal string alignment distance, capped: cheap rejection above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = (rows[i] = [i] as number[]);
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row[j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (i > 0 && best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** How well a written name matches a display name: 1 exact ... 0 not at all. */
export function nameScore(written: string, author: string): number {
  return scoreWords(nameWords(written), nameWords(author));
}

function scoreWords(writtenWords: string[], a: string[]): number {
  const w = writtenWords.filter((t) => !HONORIFIC.has(t) || a.includes(t));
  if (!w.length || !a.length) return 0;
  const cw = w.join('');
  const ca = a.join('');
  if (cw === ca) return 1;
  if (cw.length >= 3 && ca.replace(/\d+$/, '') === cw) return 0.95;
  // Every written word is an author word or its initial, in order ("J. Franke", "Dr. W.", "Jo").
  let j = 0;
  let full = 0;
  for (const t of w) {
    while (j < a.length && !(a[j] === t || (t.length === 1 && a[j]!.startsWith(t)))) j++;
    if (j === a.length) {
      full = -1;
      break;
    }
    if (t.length > 1) full++;
    j++;
  }
  if (full > 0 || (full === 0 && w.length >= 2)) {
    if (w.length >= 2) return 0.95;
    const t = w[0]!;
    if (t.length >= 3 || a[0] === t) return a.length === 1 ? 0.9 : 0.85;
  }
  // A single word for a nickname written without its spaces, or a small typo ("webbear" for "Webbaer").
  if (w.length === 1) {
    const t = w[0]!;
    if (t.length >= 4 && ca.length >= 4 && (ca.startsWith(t) || t.startsWith(ca)) && Math.min(t.length, ca.length) >= 5) return 0.7;
    const max = t.length >= 8 ? 2 : t.length >= 5 ? 1 : 0;
    if (max) {
      for (const x of [ca, ...a]) if (x.length >= 4 && editDistance(t, x, max) <= max) return 0.65;
    }
  }
  return 0;
}

/**
 * The commenters a written name can mean. Candidates come from an index of name words (the written name's
 * most specific word, or for typos its first letters), so a lookup costs about the same however many people
 * took part; results are remembered per written name.
 */
export class AuthorIndex {
  private words = new Map<string, string[]>();
  private byWord = new Map<string, Set<string>>();
  private byPrefix = new Map<string, Set<string>>();
  private cache = new Map<string, { author: string; score: number }[]>();

  add(author: string): void {
    if (this.words.has(author)) return;
    const words = nameWords(author);
    this.words.set(author, words);
    this.cache.clear();
    for (const k of new Set([...words, words.join('')])) {
      if (!k) continue;
      put(this.byWord, k, author);
      if (k.length >= 4) put(this.byPrefix, k.slice(0, 3), author);
    }
  }

  get size(): number {
    return this.words.size;
  }

  has(author: string): boolean {
    return this.words.has(author);
  }

  /**
   * Whether a name starting with this word can match anybody: it is a word of some name, an initial, a
   * title, or (for typos) shares a name word's first letters. Lets callers skip most words of prose at once.
   */
  mayStartName(word: string): boolean {
    const w = nameWords(word)[0];
    if (!w) return false;
    return w.length === 1 || HONORIFIC.has(w) || this.byWord.has(w) || (w.length >= 4 && this.byPrefix.has(w.slice(0, 3)));
  }

  /** Authors matching `written`, best first, each with its score (only scores >= min). */
  match(written: string, min = 0.6): { author: string; score: number }[] {
    let all = this.cache.get(written);
    if (!all) {
      all = this.score(written);
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(written, all);
    }
    return all.filter((m) => m.score >= min);
  }

  private score(written: string): { author: string; score: number }[] {
    const words = nameWords(written);
    if (!words.some((t) => !HONORIFIC.has(t))) return [];
    // The whole name, letters run together ("TonyM" = "Tony M"): nobody can fit better.
    const whole = [...(this.byWord.get(words.join('')) ?? [])]
      .map((author) => ({ author, score: scoreWords(words, this.words.get(author)!) }))
      .filter((m) => m.score === 1);
    if (whole.length) return whole;
    // Otherwise candidates carry every full word written (honorifics aside): the smallest word set first.
    const full = words.filter((w) => w.length > 1 && !HONORIFIC.has(w));
    let pool: Set<string>;
    if (full.length) {
      const sets = full.map((w) => this.byWord.get(w) ?? new Set<string>()).sort((a, b) => a.size - b.size);
      pool = new Set([...sets[0]!].filter((a) => sets.every((set) => set.has(a))));
    } else {
      // Only initials and titles ("Dr. W."): whoever carries one of the written words.
      pool = new Set(words.flatMap((w) => [...(this.byWord.get(w) ?? [])]));
    }
    const longest = [...words].sort((a, b) => b.length - a.length)[0]!;
    const out: { author: string; score: number }[] = [];
    for (const a of pool) {
      const score = scoreWords(words, this.words.get(a)!);
      if (score > 0) out.push({ author: a, score });
    }
    // Typos and names written without spaces: candidates that share the first letters, only if nothing fits.
    const similar = this.byPrefix.get(longest.slice(0, 3));
    // (A typo that fits hundreds of people identifies nobody.)
    if (!out.length && words.length === 1 && longest.length >= 4 && similar && similar.size <= 200) {
      for (const a of similar) {
        const score = scoreWords(words, this.words.get(a)!);
        if (score > 0) out.push({ author: a, score });
      }
    }
    return out.sort((x, y) => y.score - x.score);
  }
}

function put(map: Map<string, Set<string>>, key: string, value: string): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Set()));
  s.add(value);
}
