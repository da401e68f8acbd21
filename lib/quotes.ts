// Finding the earlier comment a quoted passage comes from. Only word triples that some quote contains are
// indexed, so memory follows the quotes, not the size of the discussion.
import { fold } from './names';

const SIZE = 3;
/** A word triple found in this many comments is common speech, not a quote of one of them. */
const COMMON = 25;

function wordsOf(text: string): string[] {
  // Addresses are not words anybody quotes ("top-10-mistakes-that-python-programmers-make").
  const plain = text.includes('http') || text.includes('www.') ? text.replace(/\bhttps?:\/\/\S+|\bwww\.\S+/g, ' ') : text;
  return letterRuns(fold(plain));
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Per BMP character: 0 not asked yet, 1 a letter or digit, 2 not. */
const bmp = new Uint8Array(0x10000);

function isLetterOrDigit(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  let k = bmp[c]!;
  if (k === 0) bmp[c] = k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/**
 * s.split(/[^\p{L}\p{N}]+/u).filter(Boolean) in one pass over the characters: the maximal runs of letters and
 * digits (every comment's text goes through here; the regex split costs several times more).
 */
function letterRuns(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let word: boolean;
    let pair = false;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A character outside the BMP: two code units, one code point.
      pair = true;
      word = LETTER_OR_DIGIT.test(s.slice(i, i + 2));
    } else {
      word = isLetterOrDigit(c);
    }
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(s.slice(start, i));
      start = -1;
    }
    if (pair) i++;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

function shingles(text: string): string[] {
  const w = wordsOf(text);
  if (w.length < SIZE) return w.length ? [w.join(' ')] : [];
  const out: string[] = [];
  for (let i = 0; i + SIZE <= w.length; i++) out.push(w.slice(i, i + SIZE).join(' '));
  return out;
}

export class QuoteIndex {
  private wanted: Set<string>;
  private sources = new Map<string, number[]>();

  /**
   * The wanted triples word by word (first -> second -> thirds): a text's triples are looked up without building
   * a string for each, and most words start none.
   */
  private starts = new Map<string, Map<string, Set<string>>>();

  constructor(queries: Iterable<string>) {
    this.wanted = new Set();
    for (const q of queries) for (const s of shingles(q)) this.wanted.add(s);
    for (const s of this.wanted) {
      const [a, b, c] = s.split(' ');
      if (c === undefined) continue; // a quote of fewer than three words: looked up whole
      let seconds = this.starts.get(a!);
      if (!seconds) this.starts.set(a!, (seconds = new Map()));
      let thirds = seconds.get(b!);
      if (!thirds) seconds.set(b!, (thirds = new Set()));
      thirds.add(c);
    }
  }

  /** The wanted triples of a text. */
  private wantedIn(text: string): string[] {
    const w = wordsOf(text);
    const out: string[] = [];
    if (w.length < SIZE) {
      const all = w.join(' ');
      if (this.wanted.has(all)) out.push(all);
      return out;
    }
    for (let i = 0; i + SIZE <= w.length; i++) {
      const seconds = this.starts.get(w[i]!);
      if (!seconds) continue;
      if (seconds.get(w[i + 1]!)?.has(w[i + 2]!)) out.push(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
    }
    return out;
  }

  private external = new Set<string>();

  /** Text that is not a comment (the article): passages found there quote the article, not a commenter. */
  exclude(text: string): void {
    if (!this.wanted.size) return;
    for (const s of this.wantedIn(text)) this.external.add(s);
  }

  /** True when some quote could need the surrounding text to be excluded. */
  get active(): boolean {
    return this.wanted.size > 0;
  }

  /** Adds a comment's text. Ids grow with time (the caller passes chronological ranks), so ties go to the latest. */
  add(id: number, text: string): void {
    if (!this.wanted.size) return;
    for (const s of this.wantedIn(text)) {
      const ids = this.sources.get(s);
      if (!ids) this.sources.set(s, [id]);
      else if (ids.length >= COMMON) continue;
      else if (ids[ids.length - 1] !== id) ids.push(id);
    }
  }

  /**
   * The comment most of the passage comes from (latest on ties), with the share of the passage found there.
   * `accept` limits the search (to one author's comments, say).
   */
  find(passage: string, accept?: (id: number) => boolean, minShare = 0.6): { id: number; share: number } | null {
    const sh = [...new Set(shingles(passage))];
    if (!sh.length || (sh.length < 2 && wordsOf(passage).length < SIZE)) return null;
    if (sh.filter((s) => this.external.has(s)).length >= sh.length / 2) return null;
    const hits = new Map<number, number>();
    for (const s of sh) {
      const ids = this.sources.get(s);
      // A phrase that many comments use names nobody in particular ("ich bin der Meinung").
      if (!ids || ids.length >= COMMON) continue;
      for (const id of ids) if (!accept || accept(id)) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    let best: { id: number; share: number } | null = null;
    for (const [id, n] of hits) {
      const share = n / sh.length;
      if (!best || share > best.share || (share === best.share && id > best.id)) best = { id, share };
    }
    return best && best.share >= minShare ? best : null;
  }
}
