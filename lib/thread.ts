// Rebuilding reply threads from plain comment data. Nesting the site states is kept; a comment the markup
// leaves at the top level is linked to the earlier comment it answers when its words say so: a name with a
// time, a quote, "@name", a greeting or a vocative. Comments are visited in the order they were written, and
// only what came before is indexed, so a link can never point forward and the cost stays linear.
import type { Quote } from './extract';
import { findReferences, type Address, type NameCheck, type References } from './mentions';
import { AuthorIndex } from './names';
import { QuoteIndex } from './quotes';
import { sameTime, type TimeOptions, type TimeParts } from './time';
import { pacer, runNow, type Steps } from './steps';
import type { Evidence, Order } from './types';

export interface ThreadInput {
  author: string | null;
  /** Sortable time in minutes (see time.ts timeValue), null when unknown. */
  when: number | null;
  /** The time as shown, for matching references like "5.11. 17.40". */
  parts: TimeParts | null;
  title: string | null;
  text: string;
  quotes: Quote[];
  /** Parent stated by the markup (index into the inputs, always an earlier element). */
  markupParent: number | null;
  markupConfidence: number;
  /** Written by the article's author. */
  host: boolean;
  /** A number from the comment's id attribute: most sites number comments as they arrive. */
  seq: number | null;
}

export interface ThreadLink {
  parent: number | null;
  evidence: Evidence;
  confidence: number;
  mentions: string[];
  alsoAnswers: number[];
  /** Passages of the text that quote an earlier comment (not the comment's own words). */
  quoted: string[];
}

export interface ThreadResult {
  links: ThreadLink[];
  order: Order;
  /** Index of each comment in the order the comments were written. */
  rank: number[];
}

/** The direction of the top-level list, read from its times. */
/** A reply found from its text (a mention or a quote), not stated by the markup. */
export const isTextLink = (evidence: Evidence): boolean => evidence === 'mention' || evidence === 'quote';

export interface ThreadStats {
  comments: number;
  /** Top-level comments with replies. */
  threads: number;
  /** Replies found from their text. */
  linked: number;
}

/** The counts a reader sees ("38 comments · 9 threads · 14 replies linked") of comments with their parents. */
export function threadStats(comments: readonly { id: string; parent: string | null; evidence: Evidence }[]): ThreadStats {
  const ids = new Set(comments.map((c) => c.id));
  const answered = new Set<string>();
  let linked = 0;
  for (const c of comments) {
    if (c.parent == null || !ids.has(c.parent)) continue;
    answered.add(c.parent);
    if (isTextLink(c.evidence)) linked++;
  }
  let threads = 0;
  for (const c of comments) if ((c.parent == null || !ids.has(c.parent)) && answered.has(c.id)) threads++;
  return { comments: comments.length, threads, linked };
}

export function detectOrder(inputs: ThreadInput[]): Order {
  let up = 0;
  let down = 0;
  let prev: number | null = null;
  for (const c of inputs) {
    if (c.markupParent != null) continue;
    const v = c.when ?? null;
    if (v == null) continue;
    if (prev != null) {
      if (v > prev) up++;
      else if (v < prev) down++;
    }
    prev = v;
  }
  if (up + down < 2) return 'unknown';
  if (up >= 2 * down) return 'oldest-first';
  if (down >= 2 * up) return 'newest-first';
  return 'unknown';
}

/** Chronological position of each comment: by time where the page shows times, else by id numbers, else as listed. */
export function chronology(inputs: ThreadInput[], order: Order): number[] {
  const n = inputs.length;
  const idx = [...Array(n).keys()];
  const timed = inputs.filter((c) => c.when != null).length;
  const numbered = inputs.filter((c) => c.seq != null).length;
  let key: (number | null)[];
  if (timed && timed >= n * 0.5) {
    key = inputs.map((c) => c.when);
  } else if (numbered && numbered >= n * 0.8) {
    key = inputs.map((c) => c.seq);
  } else {
    key = idx.map((i) => (order === 'newest-first' ? n - i : i));
  }
  // Unknown keys take their neighbour's, so an undated comment stays where the list put it.
  const filled: number[] = new Array(n);
  let last: number | null = null;
  for (let i = 0; i < n; i++) {
    if (key[i] != null) last = key[i]!;
    filled[i] = last ?? Number.NaN;
  }
  let next: number | null = null;
  for (let i = n - 1; i >= 0; i--) {
    if (key[i] != null) next = key[i]!;
    if (Number.isNaN(filled[i]!)) filled[i] = next ?? 0;
  }
  const dir = order === 'newest-first' ? -1 : 1;
  idx.sort((a, b) => filled[a]! - filled[b]! || dir * (a - b));
  const rank: number[] = new Array(n);
  idx.forEach((i, r) => (rank[i] = r));
  return rank;
}

const KIND_CONFIDENCE: Record<Address['kind'], number> = { at: 0.9, greeting: 0.85, quote: 0.85, leading: 0.75, vocative: 0.7 };

export interface ThreadOptions {
  time?: TimeOptions;
  /** The page's text outside the comments (the article), read only if some comment quotes something. */
  context?: () => string;
}

export function thread(inputs: ThreadInput[], options: ThreadOptions = {}): ThreadResult {
  return runNow(threadSteps(inputs, options));
}

/** thread in pausable steps. */
export function* threadSteps(inputs: ThreadInput[], options: ThreadOptions = {}): Steps<ThreadResult> {
  const timeOptions = options.time ?? {};
  const pause = pacer(100);
  const n = inputs.length;
  const order = detectOrder(inputs);
  const rank = chronology(inputs, order);
  const byRank = [...Array(n).keys()].sort((a, b) => rank[a]! - rank[b]!);

  const everyone = new AuthorIndex();
  for (const c of inputs) {
    if (c.author) everyone.add(c.author);
    if (pause()) yield;
  }
  const known: NameCheck = (name: string) => everyone.match(name, 0.65)[0]?.score ?? 0;
  known.starts = (word) => everyone.mayStartName(word);
  const refs: References[] = [];
  for (const c of inputs) {
    refs.push(findReferences(c.title, c.text, known, timeOptions));
    if (pause()) yield;
  }

  const hosts = new Set(inputs.filter((c) => c.host && c.author).map((c) => c.author!));
  const nested = inputs.some((c) => c.markupParent != null);
  const quoteIndex = new QuoteIndex([...inputs.flatMap((c) => c.quotes.map((q) => q.text)), ...refs.flatMap((r) => r.quotes.map((q) => q.text))]);
  if (quoteIndex.active && options.context) quoteIndex.exclude(options.context());
  const byAuthor = new Map<string, number[]>();
  const links: ThreadLink[] = inputs.map(() => ({ parent: null, evidence: 'none', confidence: 1, mentions: [], alsoAnswers: [], quoted: [] }));

  // Earlier comments by the minute they were written, for references like "5.11. 17.40".
  const byMinute = new Map<string, number[]>();
  const minuteKey = (t: TimeParts) => `${t.month}-${t.day}-${t.hour ?? ''}-${t.minute ?? ''}`;
  const atTime = (t: TimeParts): number[] =>
    (byMinute.get(minuteKey(t)) ?? []).filter((j) => sameTime(t, inputs[j]!.parts!));
  const latestBy = (author: string): number | null => {
    const list = byAuthor.get(author);
    return list?.length ? list[list.length - 1]! : null;
  };
  const earlierOrSelf = (name: string): string | null => everyone.match(name, 0.65)[0]?.author ?? null;
  const authorsOf = (name: string): { author: string; score: number }[] => {
    // Only people who have already written can be answered.
    const found = everyone.match(name, 0.65).filter((f) => byAuthor.has(f.author));
    // Several people fit equally: the one who spoke last is the likelier addressee.
    return found.filter((f) => f.score === found[0]!.score).sort((a, b) => rank[latestBy(b.author)!]! - rank[latestBy(a.author)!]!);
  };

  for (const i of byRank) {
    if (pause()) yield;
    const c = inputs[i]!;
    const r = refs[i]!;
    const link = links[i]!;
    // A commenter naming themselves in prose signs, not addresses ("MFG Dr. Webbaer").
    const signs = (a: Address) => a.kind !== 'at' && c.author != null && earlierOrSelf(a.name) === c.author;
    link.mentions = r.addresses.length ? [...new Set(r.addresses.filter((a) => !signs(a)).map((a) => a.name))] : [];
    if (c.markupParent != null && c.markupParent < i) {
      link.parent = c.markupParent;
      link.evidence = 'markup';
      link.confidence = c.markupConfidence;
      for (const q of r.quotes) if (quoteIndex.find(q.text, (rk) => rk < rank[i]!)) link.quoted.push(q.text);
    } else {
      // Every signal that resolves to an earlier comment, with where the comment gives it: the first one
      // written is the parent ("If a comment addresses several people, the first addressed one").
      const answered: { parent: number; evidence: Evidence; confidence: number; at: number }[] = [];
      const add = (parent: number | null, evidence: Evidence, confidence: number, at: number) => {
        if (parent == null || parent === i) return;
        const same = answered.find((a) => a.parent === parent);
        if (same) same.at = Math.min(same.at, at);
        else answered.push({ parent, evidence, confidence, at });
      };

      // A name with a time picks one comment exactly ("J. Franke 5.11. 17.40").
      for (const a of r.addresses) {
        if (!a.time || a.everyone) continue;
        const people = new Set(authorsOf(a.name).map((p) => p.author));
        const hit = atTime(a.time).reverse().find((j) => people.has(inputs[j]!.author ?? ''));
        if (hit != null) add(hit, 'quote', 0.95, a.index);
      }
      // A time alone ("Ihre Nachricht von 8. April 2019 @ 21:23") when it fits one earlier comment.
      for (const t of r.times) {
        const hits = atTime(t.parts);
        if (hits.length === 1) add(hits[0]!, 'quote', 0.85, t.index);
      }
      // Quote boxes: the quoted person, and the comment the passage comes from.
      for (const q of c.quotes) {
        const people = q.author ? authorsOf(q.author).map((x) => x.author) : [];
        const allowed = people.length ? new Set(people.flatMap((p) => byAuthor.get(p) ?? []).map((j) => rank[j]!)) : null;
        const found = quoteIndex.find(q.text, (rk) => rk < rank[i]! && (!allowed || allowed.has(rk)), 0.5);
        const at = r.textStart + q.at;
        if (found) add(byRank[found.id]!, 'quote', 0.9, at);
        else if (people[0]) add(latestBy(people[0]), 'quote', 0.7, at);
      }
      // Addressed by name.
      for (const a of r.addresses) {
        if (a.everyone || a.time) continue;
        const people = authorsOf(a.name);
        if (!people.length) continue;
        const who = people[0]!;
        // Only "@" addresses oneself (answering one's own comment); a name in one's own prose is a signature.
        if (who.author === c.author && a.kind !== 'at') continue;
        // On sites that nest replies, a new thread that greets the article's author talks about the article.
        if (nested && a.kind !== 'at' && hosts.has(who.author) && !hosts.has(c.author ?? '')) continue;
        // Answering someone usually continues the exchange: their latest comment to me, else their latest.
        const theirs = byAuthor.get(who.author) ?? [];
        const toMe = c.author
          ? [...theirs].reverse().find((j) => {
              const p = links[j]!.parent;
              return p != null && inputs[p]!.author === c.author;
            })
          : undefined;
        let target = toMe ?? latestBy(who.author);
        // A quoted passage may pick an older comment of the same person.
        const own = new Set(theirs.map((j) => rank[j]!));
        for (const q of r.quotes) {
          const found = quoteIndex.find(q.text, (rk) => own.has(rk));
          if (!found) continue;
          target = byRank[found.id]!;
          if (!link.quoted.includes(q.text)) link.quoted.push(q.text);
        }
        const certainty = people.length > 1 ? 0.6 : 1;
        add(target, 'mention', KIND_CONFIDENCE[a.kind] * who.score * certainty, a.index);
      }
      // Quoted passages of an earlier comment.
      for (const q of r.quotes) {
        const found = quoteIndex.find(q.text, (rk) => rk < rank[i]!);
        if (!found) continue;
        add(byRank[found.id]!, 'quote', 0.75, q.index);
        if (!link.quoted.includes(q.text)) link.quoted.push(q.text);
      }
      answered.sort((a, b) => a.at - b.at);
      if (answered.length) {
        link.parent = answered[0]!.parent;
        link.evidence = answered[0]!.evidence;
        link.confidence = Math.round(answered[0]!.confidence * 100) / 100;
        link.alsoAnswers = answered.slice(1).map((a) => a.parent);
      }
    }
    if (c.author) {
      const list = byAuthor.get(c.author) ?? [];
      list.push(i);
      byAuthor.set(c.author, list);
    }
    // Index only the comment's own words: a passage it quotes belongs to the comment it came from.
    let own = `${c.title ?? ''} ${c.text}`;
    for (const q of link.quoted) own = own.replace(q, ' ');
    quoteIndex.add(rank[i]!, own);
    if (c.parts?.hour != null) {
      const k = minuteKey(c.parts);
      const list = byMinute.get(k) ?? [];
      list.push(i);
      byMinute.set(k, list);
    }
  }
  breakCycles(links);
  return { links, order, rank };
}

/** Markup and mention links follow different orders; where they would meet in a circle, the mention gives way. */
function breakCycles(links: ThreadLink[]): void {
  const state = new Uint8Array(links.length); // 0 new, 1 on path, 2 done
  for (let s = 0; s < links.length; s++) {
    const path: number[] = [];
    let v: number | null = s;
    while (v != null && state[v] === 0) {
      state[v] = 1;
      path.push(v);
      v = links[v]!.parent;
    }
    if (v != null && state[v] === 1) {
      // A cycle through v: cut its weakest non-markup link.
      const cycle = path.slice(path.indexOf(v));
      const cut = cycle.filter((k) => links[k]!.evidence !== 'markup').sort((a, b) => links[a]!.confidence - links[b]!.confidence)[0] ?? cycle[0]!;
      links[cut] = { ...links[cut]!, parent: null, evidence: 'none', confidence: 1, alsoAnswers: [] };
    }
    for (const k of path) state[k] = 2;
  }
}
