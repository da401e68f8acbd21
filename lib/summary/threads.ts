// Counting the discussion: who wrote how much, when, which threads are longest, which comments drew replies, and
// a one-line gist per thread. Plain bookkeeping over ids and parents; ties go to the earlier comment.
import type { Comment } from '../types';

export interface Stats {
  participants: number;
  span: { from: string | null; to: string | null };
  activeAuthors: { author: string; comments: number }[];
  longestThreads: { id: string; size: number }[];
  mostReplied: { id: string; replies: number }[];
  /** Per comment index: the index of its top-level comment. */
  root: Int32Array;
  /** Per comment index: direct replies (parent or one of several answered). */
  replies: Int32Array;
  /** Top-level comment index -> member indices in document order (the top-level comment first). */
  threads: Map<number, number[]>;
}

export function discussionStats(comments: readonly Comment[]): Stats {
  const index = new Map<string, number>();
  comments.forEach((c, i) => index.set(c.id, i));

  const authors = new Map<string, { n: number; first: number }>();
  let from: string | null = null;
  let to: string | null = null;
  comments.forEach((c, i) => {
    if (c.author) {
      const a = authors.get(c.author);
      if (a) a.n++;
      else authors.set(c.author, { n: 1, first: i });
    }
    if (c.time) {
      if (from === null || c.time < from) from = c.time;
      if (to === null || c.time > to) to = c.time;
    }
  });
  const activeAuthors = [...authors]
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)
    .slice(0, 5)
    .map(([author, a]) => ({ author, comments: a.n }));

  const replies = new Int32Array(comments.length);
  comments.forEach((c, i) => {
    const answered = new Set([c.parent, ...(c.alsoAnswers ?? [])]);
    for (const p of answered) {
      const j = p == null ? undefined : index.get(p);
      if (j !== undefined && j !== i) replies[j]!++;
    }
  });

  // Top-level comment of each comment, following parents (a cycle or an unknown parent ends the walk).
  const root = new Int32Array(comments.length).fill(-1);
  for (let i = 0; i < comments.length; i++) {
    const path: number[] = [];
    const onPath = new Set<number>();
    let j = i;
    for (;;) {
      if (root[j]! >= 0) break;
      path.push(j);
      onPath.add(j);
      const p = comments[j]!.parent;
      const k = p == null ? undefined : index.get(p);
      if (k === undefined || onPath.has(k)) {
        root[j] = j;
        break;
      }
      j = k;
    }
    const r = root[j]!;
    for (const q of path) root[q] = r;
  }
  const threads = new Map<number, number[]>();
  for (let i = 0; i < comments.length; i++) {
    const r = root[i]!;
    const members = threads.get(r);
    if (members) members.push(i);
    else threads.set(r, [i]);
  }
  for (const [r, members] of threads) {
    // The top-level comment first, even where a reply is listed above it.
    if (members[0] !== r) threads.set(r, [r, ...members.filter((m) => m !== r)]);
  }

  const longestThreads = [...threads]
    .filter(([, m]) => m.length >= 2)
    .sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
    .slice(0, 3)
    .map(([r, m]) => ({ id: comments[r]!.id, size: m.length }));
  const mostReplied = [...replies.keys()]
    .filter((i) => replies[i]! > 0)
    .sort((a, b) => replies[b]! - replies[a]! || a - b)
    .slice(0, 3)
    .map((i) => ({ id: comments[i]!.id, replies: replies[i]! }));

  return { participants: authors.size, span: { from, to }, activeAuthors, longestThreads, mostReplied, root, replies, threads };
}

interface Labels {
  reply: string;
  replies: string;
  about: string;
  more: (n: number) => string;
}

const LABELS: Record<string, Labels> = {
  en: { reply: 'reply', replies: 'replies', about: 'about', more: (n) => `and ${n} more` },
  de: { reply: 'Antwort', replies: 'Antworten', about: 'über', more: (n) => `und ${n} weitere` },
  fr: { reply: 'réponse', replies: 'réponses', about: 'sur', more: (n) => `et ${n} autres` },
  es: { reply: 'respuesta', replies: 'respuestas', about: 'sobre', more: (n) => `y ${n} más` },
};

export function labels(lang: string): Labels {
  return LABELS[lang] ?? LABELS.en!;
}

/** "Horst Flügge, michael von wob: 2 replies, about Front, überleben". */
export function gistLine(lang: string, authors: readonly string[], replyCount: number, terms: readonly string[]): string {
  const l = labels(lang);
  const names = authors.length > 4 ? `${authors.slice(0, 3).join(', ')} ${l.more(authors.length - 3)}` : authors.join(', ');
  const count = `${replyCount} ${replyCount === 1 ? l.reply : l.replies}`;
  const about = terms.length ? `, ${l.about} ${terms.join(', ')}` : '';
  return `${names ? `${names}: ` : ''}${count}${about}`;
}

/**
 * Distinct authors of a thread's replies (members after the first, the top-level comment) in the order they wrote:
 * by time where both have one, else in document order. The top-level author counts only where they reply too.
 */
export function threadAuthors(comments: readonly Comment[], members: readonly number[]): string[] {
  const replies = members.slice(1).sort((a, b) => {
    const ta = comments[a]!.time;
    const tb = comments[b]!.time;
    return ta && tb && ta !== tb ? (ta < tb ? -1 : 1) : a - b;
  });
  const out: string[] = [];
  for (const i of replies) {
    const a = comments[i]!.author;
    if (a && !out.includes(a)) out.push(a);
  }
  return out;
}
