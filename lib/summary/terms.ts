// Key terms: words and two-word phrases that the discussion uses far more often than ordinary language would.
//
// For each content word, the number of comments using it (df) is compared with what ordinary language predicts
// for this much text (expected = ordinary rate x words in the discussion); the score is df x ln(df / expected),
// the word's contribution to the log-likelihood ratio of "this discussion" against "ordinary language". A word
// must be used by two comments (and two people, where there are several), so one commenter's hobby-horse is
// not the discussion's term. Two content words that stand next to each other in two or more comments form a
// phrase ("Olaf Scholz", "butterfly keyboard"), expected as rarely as its rarer word allows; a phrase that is
// chosen covers its words unless they stand on their own often enough.
import { salience } from './keypoints';
import { display, type Discussion } from './text';

interface Candidate {
  /** Term ids: one for a word, two for a phrase. */
  ids: number[];
  df: number;
  people: number;
  score: number;
  label: string;
}

export interface TermOptions {
  min?: number;
  max?: number;
}

/** Two spellings of one word: equal ignoring case, or one a short extension of the other ("Bus" / "Busse"). */
export function sameWord(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && !short.includes(' ') && !long.includes(' ') && long.startsWith(short) && long.length - short.length <= 2;
}

function score(df: number, expected: number): number {
  return df > expected ? df * Math.log(df / expected) : 0;
}

/**
 * The log-likelihood score, damped once more for words that are common in ordinary language: frequency lists
 * rank everyday words ("read", "interesting", "schön") high enough that a long discussion still uses them far
 * more often than expected, yet they say nothing about what it is about.
 */
function weighed(df: number, rate: number, total: number): number {
  const s = salience(rate);
  return score(df, rate * total) * s * s;
}

export function keyTerms(d: Discussion, options: TermOptions = {}): string[] {
  return rankTerms(d, options).map((c) => c.label);
}

export function rankTerms(d: Discussion, options: TermOptions = {}): Candidate[] {
  const min = options.min ?? 5;
  const max = options.max ?? 12;
  const N = d.comments.length;
  const people = new Set(d.comments.map((c, i) => c.author?.toLowerCase() ?? `#${i}`)).size;
  const total = Math.max(1, d.totalWords);
  const needPeople = people >= 3 ? 2 : 1;

  const words: Candidate[] = [];
  for (let t = 0; t < d.keys.length; t++) {
    const df = d.df[t]!;
    if (df < 2 && N >= 3) continue;
    words.push({ ids: [t], df, people: d.authors[t]!, score: weighed(df, d.rate[t]!, total), label: display(d, t) });
  }

  // Phrases: pairs of adjacent content words, counted once per comment, by sorting (pair, comment) numbers rather
  // than through maps: most pairs occur once. Then, for the pairs used twice or more (few), once per person.
  const V = d.keys.length;
  const N2 = Math.max(1, N);
  let n = 0;
  for (const s of d.sentences) if (!s.quote) n += s.pairs.length / 2;
  const codes = new Float64Array(n);
  n = 0;
  d.sentences.forEach((s) => {
    if (s.quote) return;
    for (let k = 0; k < s.pairs.length; k += 2) {
      const a = s.pairs[k]!;
      const b = s.pairs[k + 1]!;
      if (d.df[a]! >= 2 && d.df[b]! >= 2) codes[n++] = (a * V + b) * N2 + s.comment;
    }
  });
  const sorted = codes.subarray(0, n).sort();
  const pairDf = new Map<number, number>();
  for (let i = 0; i < n; ) {
    const key = Math.floor(sorted[i]! / N2);
    let df = 0;
    let last = -1;
    for (; i < n && Math.floor(sorted[i]! / N2) === key; i++) {
      const c = sorted[i]! - key * N2;
      if (c !== last) {
        df++;
        last = c;
      }
    }
    if (df >= 2) pairDf.set(key, df);
  }
  const pairPeople = new Map<number, Set<string>>();
  for (let i = 0; i < n; i++) {
    const key = Math.floor(sorted[i]! / N2);
    if (!pairDf.has(key)) continue;
    const ci = sorted[i]! - key * N2;
    let who = pairPeople.get(key);
    if (!who) pairPeople.set(key, (who = new Set()));
    who.add(d.comments[ci]!.author?.toLowerCase() ?? `#${ci}`);
  }
  const phrases: Candidate[] = [];
  for (const [key, df] of pairDf) {
    if (df < 2) continue;
    const a = Math.floor(key / V);
    const b = key % V;
    // German capitalises nouns: a phrase ends in one ("mobile Daten", not "Penny gewonnen").
    if (d.lang === 'de' && !/^\p{Lu}/u.test(display(d, b))) continue;
    const rate = Math.min(d.rate[a]!, d.rate[b]!) * 0.05;
    phrases.push({ ids: [a, b], df, people: pairPeople.get(key)?.size ?? 1, score: weighed(df, rate, total), label: `${display(d, a)} ${display(d, b)}` });
  }

  const order = (a: Candidate, b: Candidate) => b.score - a.score || b.df - a.df || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  const eligible = [...words, ...phrases].filter((c) => c.score > 0 && (N < 3 || (c.df >= 2 && c.people >= needPeople))).sort(order);
  const chosen: Candidate[] = [];
  // Words chosen on their own, words that are part of a chosen phrase, and words that may no longer stand alone.
  const alone = new Set<number>();
  const inPhrase = new Set<number>();
  const covered = new Set<number>();
  const phraseOf = new Map<number, Candidate[]>();
  for (const p of eligible) if (p.ids.length === 2) for (const t of p.ids) (phraseOf.get(t) ?? phraseOf.set(t, []).get(t)!).push(p);
  const similar = (label: string) => chosen.some((x) => sameWord(x.label, label));
  const take = (c: Candidate) => {
    chosen.push(c);
    if (c.ids.length === 1) {
      alone.add(c.ids[0]!);
      covered.add(c.ids[0]!);
      return;
    }
    for (const t of c.ids) {
      inPhrase.add(t);
      // A phrase covers its words unless they are used on their own about as often.
      if (d.df[t]! < 2 * c.df) covered.add(t);
    }
  };
  const top = eligible[0]?.score ?? 0;
  for (const c of eligible) {
    if (chosen.length >= max) break;
    if (chosen.length >= min && c.score < 0.1 * top) break;
    if (chosen.includes(c) || similar(c.label)) continue;
    if (c.ids.length === 2) {
      // Phrases do not overlap ("martial arts", not also "traditional martial").
      if (c.ids.some((t) => inPhrase.has(t))) continue;
      take(c);
      continue;
    }
    const t = c.ids[0]!;
    if (covered.has(t) || alone.has(t) || inPhrase.has(t)) continue;
    // A word used mostly in one phrase is shown as that phrase ("butterfly" -> "butterfly keyboard").
    const phrase = (phraseOf.get(t) ?? []).find((p) => p.df >= 0.5 * c.df && !p.ids.some((u) => inPhrase.has(u)) && !chosen.includes(p));
    take(phrase ?? c);
  }
  // Small discussions: fill up with words used once, most unusual first.
  if (chosen.length < min) {
    const rest = words.filter((c) => c.score > 0 && !chosen.includes(c) && !covered.has(c.ids[0]!) && !inPhrase.has(c.ids[0]!) && !similar(c.label)).sort(order);
    for (const c of rest) {
      if (chosen.length >= min) break;
      chosen.push(c);
    }
  }
  return chosen;
}

/**
 * The words that mark one thread within the discussion (for gists): words several of its comments use first,
 * then words of one comment; within each, the most unusual in ordinary language and the rarest elsewhere.
 */
export function threadTerms(d: Discussion, members: readonly number[], count: number): string[] {
  const tf = new Map<number, number>();
  for (const ci of members) for (const t of d.commentTerms[ci]!) tf.set(t, (tf.get(t) ?? 0) + 1);
  const N = d.comments.length;
  const ranked = [...tf]
    .map(([t, n]) => {
      const sal = salience(d.rate[t]!);
      return { t, shared: n >= 2 && sal >= 0.6 ? 1 : 0, s: n * sal * sal * Math.log(1 + N / d.df[t]!) };
    })
    .sort((a, b) => b.shared - a.shared || b.s - a.s || a.t - b.t);
  const out: string[] = [];
  for (const r of ranked) {
    if (out.length >= count) break;
    const label = display(d, r.t);
    if (!out.some((o) => sameWord(o, label))) out.push(label);
  }
  return out;
}
