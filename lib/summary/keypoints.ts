// Key points: real sentences of comments, chosen TextRank-style and spread out with MMR.
//
// 1. Every sentence gets a TF-IDF vector over its content words, each word also weighted by how unusual it is in
//    ordinary language (so "Leute" links sentences less than "Abmahnung").
// 2. Candidates: not a quote, not too short or long, no web address, enough content words. To stay linear in the
//    size of the discussion, only the POOL candidates most similar to the discussion's centroid (with a prior for
//    sentence quality and for comments that drew replies) enter the graph.
// 3. The graph links candidates of different comments by cosine similarity (found through an inverted index);
//    PageRank with the prior as teleport vector ranks them: a sentence that many other comments echo wins.
// 4. MMR picks 3..7 of them: high rank, little overlap with those already picked; near-duplicates, two points
//    from one comment and more than two from one author are excluded outright.
// 5. Support: every comment with a sentence close enough to the point (cosine and at least two shared content
//    words), the source first, then by similarity.
import type { Discussion, SentenceInfo } from './text';

export interface KeyPoint {
  text: string;
  /** Comment ids carrying or repeating it; the one the sentence comes from first. */
  support: string[];
}

/** A sparse vector: term ids ascending, weights, unit length. */
export interface Vec {
  ids: Int32Array;
  vals: Float64Array;
}

const EMPTY: Vec = { ids: new Int32Array(0), vals: new Float64Array(0) };

export function dot(a: Vec, b: Vec): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) s += a.vals[i++]! * b.vals[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return s;
}

function shared(a: Vec, b: Vec): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Per term: inverse document frequency times unusualness in ordinary language. */
export function termWeights(d: Discussion): Float64Array {
  const N = d.comments.length;
  const w = new Float64Array(d.keys.length);
  for (let t = 0; t < w.length; t++) w[t] = Math.log(1 + N / Math.max(1, d.df[t]!)) * salience(d.rate[t]!);
  return w;
}

/** 0.2..1: how much a word with this ordinary-language rate says about a topic (1 = rarer than 1 in 100,000). */
export function salience(rate: number): number {
  return Math.min(1, Math.max(0.2, (-Math.log10(rate) - 2) / 3));
}

export function vectorOf(terms: readonly number[], weights: Float64Array): Vec {
  if (!terms.length) return EMPTY;
  const sorted = Int32Array.from(terms).sort();
  let distinct = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const ids = new Int32Array(distinct);
  const vals = new Float64Array(distinct);
  let norm = 0;
  for (let i = 0, k = 0; i < sorted.length; k++) {
    const t = sorted[i]!;
    let tf = 0;
    while (i < sorted.length && sorted[i] === t) {
      tf++;
      i++;
    }
    const v = (1 + Math.log(tf)) * weights[t]!;
    ids[k] = t;
    vals[k] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < vals.length; i++) vals[i]! /= norm;
  return { ids, vals };
}

export interface KeyPointOptions {
  /** Candidates that enter the graph. */
  pool?: number;
  /** Cosine from which a comment supports a point. */
  supportSimilarity?: number;
  /** Cosine from which two sentences repeat each other. */
  duplicateSimilarity?: number;
  /** Normalised article text: sentences quoting it are not key points. */
  article?: string;
  /** Direct replies per comment index. */
  replies?: Int32Array;
  /** Top-level comment index per comment index: at most two points come from one thread while others have any. */
  root?: Int32Array;
}

export interface RankedSentence {
  sentence: number;
  score: number;
}

const POOL = 250;
// Candidates MMR looks at, best ranked first.
const CONSIDERED = 60;
const DAMPING = 0.85;

function normalized(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const SIGN_OFF = /(?:^|[\s,;.!])(?:(?:viele |liebe |beste |herzliche )*grü(?:ß|ss)e|gruß|lg|vg|mfg|cheers|regards|best wishes|xoxo|saludos|un abrazo|cordialement|amicalement|bisous)(?:$|[\s,;.!])/iu;
const CODE = /<\/?[a-z][a-z0-9]*(?:\s[^>]*)?>|`|\b(?:def|return|lambda|import|function|const|var|print)\b[^.]*[(=:{]|[{};]\s*$|\w\(\)|\w\[[^\]]*\]/u;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/**
 * How fit a sentence is to stand alone as a key point, 0 = not at all. `capitalises`: the writer of the comment
 * starts sentences with a capital, so one that starts in lowercase is a fragment.
 */
function quality(s: SentenceInfo, distinct: number, relaxed: boolean, capitalises: boolean): number {
  const [minWords, maxWords, minTerms] = relaxed ? [4, 60, 2] : [6, 45, 3];
  if (s.quote || s.url || s.words < minWords || s.words > maxWords || s.text.length > 360 || distinct < minTerms) return 0;
  // Mostly code.
  if (count(s.text, /[<>{}()[\]=;_`*#|\\]/g) > 0.06 * s.text.length) return 0;
  let q = Math.min(1, s.words / 12);
  if (s.text.endsWith('?')) q *= 0.5;
  if (s.addressed) q *= 0.75;
  if (/^\p{Ll}/u.test(s.text)) q *= capitalises ? 0.4 : 0.8;
  // Cut off inside brackets or a quotation.
  if (count(s.text, /\(/g) !== count(s.text, /\)/g) || /[(„“«]\.?$/u.test(s.text) || count(s.text, /[„«]/gu) > count(s.text, /[“»”]/gu)) q *= 0.5;
  if (/[!?]{2,}/.test(s.text) || /\p{Lu}{6,}/u.test(s.text)) q *= 0.7;
  if (/^(?:und|aber|oder|denn|doch|and|but|or|so|et|mais|donc|y|pero|o)\b/iu.test(s.text)) q *= 0.85;
  // Greetings and sign-offs, quoted comment headers with a time ("Birgit10 18.10.2019, 08:07 #"), code.
  if (SIGN_OFF.test(s.text)) q *= 0.5;
  if (/\b\d{1,2}:\d{2}\b/.test(s.text)) q *= 0.4;
  if (CODE.test(s.text)) q *= 0.3;
  return q;
}

export interface KeyPointResult {
  points: KeyPoint[];
  /** Sentence index of each point. */
  sources: number[];
  /** The ranked candidates (for tests and tuning). */
  ranked: RankedSentence[];
}

export function keyPoints(d: Discussion, count: number, options: KeyPointOptions = {}): KeyPointResult {
  const weights = termWeights(d);
  const S = d.sentences.length;
  const vecs: Vec[] = new Array(S);
  for (let i = 0; i < S; i++) vecs[i] = d.sentences[i]!.quote ? EMPTY : vectorOf(d.sentences[i]!.terms, weights);

  // Centroid: every comment counts once, as the sum of its sentences.
  const centroid = new Float64Array(d.keys.length);
  for (let i = 0; i < S; i++) {
    const v = vecs[i]!;
    for (let k = 0; k < v.ids.length; k++) centroid[v.ids[k]!]! += v.vals[k]!;
  }
  let cnorm = 0;
  for (const x of centroid) cnorm += x * x;
  cnorm = Math.sqrt(cnorm) || 1;
  const centroidSim = (v: Vec) => {
    let s = 0;
    for (let k = 0; k < v.ids.length; k++) s += v.vals[k]! * centroid[v.ids[k]!]!;
    return s / cnorm;
  };

  const article = options.article ?? '';
  const replies = options.replies;
  // Writers who start their sentences with capitals (most of the other sentences of the comment do).
  const capitalises = d.byComment.map((ss) => {
    let upper = 0;
    for (const i of ss) if (/^[\p{Lu}\d"„“«'(@¿¡]/u.test(d.sentences[i]!.text)) upper++;
    return ss.length >= 2 && upper >= 0.6 * ss.length;
  });
  let candidates: { s: number; prior: number; q: number }[] = [];
  for (const relaxed of [false, true]) {
    candidates = [];
    for (let i = 0; i < S; i++) {
      const q = quality(d.sentences[i]!, vecs[i]!.ids.length, relaxed, capitalises[d.sentences[i]!.comment]!);
      if (q <= 0) continue;
      const r = replies ? replies[d.sentences[i]!.comment]! : 0;
      const prior = q * (1 + 0.3 * Math.log1p(r)) * (0.05 + centroidSim(vecs[i]!));
      candidates.push({ s: i, prior, q });
    }
    if (candidates.length >= count) break;
  }
  candidates.sort((a, b) => b.prior - a.prior || a.s - b.s);
  const pool: { s: number; prior: number; q: number }[] = [];
  const limit = options.pool ?? POOL;
  for (const c of candidates) {
    if (pool.length >= limit) break;
    if (article && d.sentences[c.s]!.words >= 5 && article.includes(normalized(d.sentences[c.s]!.text))) continue;
    pool.push(c);
  }
  const P = pool.length;

  // Graph over the pool through an inverted index: only pairs that share a word are ever compared.
  const postings = new Map<number, { j: number; v: number }[]>();
  pool.forEach((c, j) => {
    const v = vecs[c.s]!;
    for (let k = 0; k < v.ids.length; k++) {
      const t = v.ids[k]!;
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push({ j, v: v.vals[k]! });
    }
  });
  const edges: { j: number; w: number }[][] = pool.map(() => []);
  const acc = new Float64Array(P);
  const touched: number[] = [];
  for (let i = 0; i < P; i++) {
    const v = vecs[pool[i]!.s]!;
    for (let k = 0; k < v.ids.length; k++) {
      for (const p of postings.get(v.ids[k]!)!) {
        if (p.j <= i) continue;
        if (acc[p.j] === 0) touched.push(p.j);
        acc[p.j]! += v.vals[k]! * p.v;
      }
    }
    const ci = d.sentences[pool[i]!.s]!.comment;
    const ai = d.comments[ci]!.author;
    for (const j of touched) {
      let w = acc[j]!;
      acc[j] = 0;
      const cj = d.sentences[pool[j]!.s]!.comment;
      if (cj === ci || w < 0.05) continue;
      if (ai && ai === d.comments[cj]!.author) w *= 0.5;
      edges[i]!.push({ j, w });
      edges[j]!.push({ j: i, w });
    }
    touched.length = 0;
  }

  // Personalised PageRank.
  let prior = pool.map((c) => c.prior);
  const psum = prior.reduce((a, b) => a + b, 0) || 1;
  prior = prior.map((p) => p / psum);
  const outWeight = edges.map((e) => e.reduce((a, x) => a + x.w, 0));
  let rank = prior.slice();
  for (let iter = 0; iter < 60; iter++) {
    const next = new Array<number>(P).fill(0);
    let dangling = 0;
    for (let i = 0; i < P; i++) {
      if (outWeight[i]! === 0) {
        dangling += rank[i]!;
        continue;
      }
      const share = rank[i]! / outWeight[i]!;
      for (const e of edges[i]!) next[e.j]! += share * e.w;
    }
    let delta = 0;
    for (let i = 0; i < P; i++) {
      const v = (1 - DAMPING) * prior[i]! + DAMPING * (next[i]! + dangling * prior[i]!);
      delta += Math.abs(v - rank[i]!);
      next[i] = v;
    }
    rank = next;
    if (delta < 1e-9) break;
  }
  const ranked: RankedSentence[] = pool.map((c, i) => ({ sentence: c.s, score: rank[i]! })).sort((a, b) => b.score - a.score || a.sentence - b.sentence);

  // Support: every comment with a sentence close enough, found through an inverted index over all sentences.
  const all = new Map<number, number[]>();
  for (let i = 0; i < S; i++) {
    const v = vecs[i]!;
    for (let k = 0; k < v.ids.length; k++) {
      let list = all.get(v.ids[k]!);
      if (!list) all.set(v.ids[k]!, (list = []));
      list.push(i, k);
    }
  }
  const tau = options.supportSimilarity ?? 0.2;
  const sim = new Float64Array(S);
  const common = new Int32Array(S);
  const supportCache = new Map<number, number[]>();
  /** Comment indices supporting sentence s: its own first, then by similarity. */
  const supportOf = (s: number): number[] => {
    const cached = supportCache.get(s);
    if (cached) return cached;
    const v = vecs[s]!;
    const hit: number[] = [];
    for (let k = 0; k < v.ids.length; k++) {
      const list = all.get(v.ids[k]!)!;
      for (let p = 0; p < list.length; p += 2) {
        const o = list[p]!;
        if (common[o] === 0) hit.push(o);
        common[o]!++;
        sim[o]! += v.vals[k]! * vecs[o]!.vals[list[p + 1]!]!;
      }
    }
    const source = d.sentences[s]!.comment;
    const byComment = new Map<number, number>();
    for (const o of hit) {
      const c = d.sentences[o]!.comment;
      // Similar enough, and by more than one shared word unless very similar.
      if (c !== source && sim[o]! >= tau && (common[o]! >= 2 || sim[o]! >= 1.5 * tau)) byComment.set(c, Math.max(byComment.get(c) ?? 0, sim[o]!));
      sim[o] = 0;
      common[o] = 0;
    }
    const out = [source, ...[...byComment].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c)];
    supportCache.set(s, out);
    return out;
  };

  // MMR, with a share for the comments a point would newly stand for: high rank, little overlap with the points
  // already picked, and reaching comments they do not.
  const dup = options.duplicateSimilarity ?? 0.3;
  const top = ranked[0]?.score || 1;
  const chosen: number[] = [];
  const covered = new Set<number>();
  const usedComments = new Set<number>();
  const perAuthor = new Map<string, number>();
  const perThread = new Map<number, number>();
  let questions = 0;
  const rootOf = (s: number) => options.root?.[d.sentences[s]!.comment] ?? d.sentences[s]!.comment;
  const remaining = ranked.slice(0, CONSIDERED);
  for (const strict of [true, false]) {
    while (chosen.length < count && remaining.length) {
      const options: { r: number; rel: number; gain: number; maxSim: number }[] = [];
      for (let r = 0; r < remaining.length; r++) {
        const s = remaining[r]!.sentence;
        const si = d.sentences[s]!;
        if (strict && usedComments.has(si.comment)) continue;
        const author = d.comments[si.comment]!.author;
        if (strict && author && (perAuthor.get(author) ?? 0) >= 2) continue;
        if (strict && (perThread.get(rootOf(s)) ?? 0) >= 2) continue;
        if (strict && questions >= 2 && si.text.endsWith('?')) continue;
        let maxSim = 0;
        for (const c of chosen) maxSim = Math.max(maxSim, dot(vecs[s]!, vecs[c]!), overlap(vecs[s]!, vecs[c]!));
        if (maxSim >= dup) continue;
        let gain = 0;
        for (const c of supportOf(s)) if (!covered.has(c)) gain++;
        options.push({ r, rel: remaining[r]!.score / top, gain, maxSim });
      }
      if (!options.length) break;
      const maxGain = Math.max(1, ...options.map((o) => o.gain));
      let best = options[0]!;
      let bestScore = -Infinity;
      for (const o of options) {
        const mmr = 0.55 * o.rel + 0.3 * (o.gain / maxGain) - 0.3 * o.maxSim;
        if (mmr > bestScore) [best, bestScore] = [o, mmr];
      }
      const s = remaining.splice(best.r, 1)[0]!.sentence;
      chosen.push(s);
      for (const c of supportOf(s)) covered.add(c);
      usedComments.add(d.sentences[s]!.comment);
      const author = d.comments[d.sentences[s]!.comment]!.author;
      if (author) perAuthor.set(author, (perAuthor.get(author) ?? 0) + 1);
      perThread.set(rootOf(s), (perThread.get(rootOf(s)) ?? 0) + 1);
      if (d.sentences[s]!.text.endsWith('?')) questions++;
    }
  }

  const points: KeyPoint[] = chosen.map((s) => ({ text: d.sentences[s]!.text, support: supportOf(s).map((c) => d.comments[c]!.id) }));
  return { points, sources: chosen, ranked };
}

/** Share of the smaller sentence's content words that the other has too (catches reworded repeats). */
function overlap(a: Vec, b: Vec): number {
  const n = Math.min(a.ids.length, b.ids.length);
  return n < 3 ? 0 : (shared(a, b) / n) * 0.6;
}
