// A summary of a discussion made entirely on the reader's machine: pure functions over the pipeline's comments,
// no DOM and no extension APIs, so the same code runs in Node, the tests, the popup and the background.
//
//   language   function-word shares (./language)
//   sentences  Intl.Segmenter with repairs for abbreviations, initials, dates, ordinals (./segment)
//   keyPoints  extractive: TextRank over a candidate pool, MMR for diversity, support by similarity (./keypoints)
//   terms      weighted against ordinary language with frequency lists (./terms, ./ordinary)
//   counts     participants, span, threads, replies, gists (./threads)
//
// The same input gives the same summary: no randomness, every ranking has a tie-break on document order.
// Chrome's built-in Summarizer is an optional extra on top (./ondevice); this stays the summary.
import type { Comment } from '../types';
import { keyPoints, type KeyPoint } from './keypoints';
import { detectLanguage, type Language } from './language';
import type { WordLists } from './ordinary';
import { keyTerms, threadTerms } from './terms';
import { readDiscussion } from './text';
import { discussionStats, gistLine, threadAuthors } from './threads';

export type { KeyPoint } from './keypoints';
export type { Language } from './language';
export type { WordList, WordLists } from './ordinary';
export { wordListFrom } from './ordinary';

export interface SummaryInput {
  comments: Comment[];
  article?: { title: string; text: string } | null;
}

export interface Summary {
  language: Language;
  comments: number;
  participants: number;
  /** Earliest and latest comment time (ISO as in Comment.time). */
  span: { from: string | null; to: string | null };
  /** Top 5. */
  activeAuthors: { author: string; comments: number }[];
  /** Top-level comment id and comments in its thread; top 3 threads with replies. */
  longestThreads: { id: string; size: number }[];
  /** Direct replies; top 3. */
  mostReplied: { id: string; replies: number }[];
  /** 3..7 where the discussion has that many fit sentences; never two that repeat each other. */
  keyPoints: KeyPoint[];
  /** 5..12 key terms (fewer only where the discussion has fewer content words). */
  terms: string[];
  /** Per top-level comment with replies: "Horst Flügge, michael von wob: 2 replies, about Front, überleben". */
  gists: Record<string, string>;
  engine: 'extractive';
}

export interface SummaryOptions {
  /**
   * Ordinary-language word lists by language (./wordlists in bundled code, ./wordlists-node in Node scripts).
   * Without one for the discussion's language, key terms are weighted with stop words and word length instead.
   */
  wordLists?: WordLists;
  /**
   * Language of the gists' own words ("2 replies, about"): the reader's, where the gists sit among other UI text.
   * Default: the discussion's language.
   */
  gistLanguage?: string;
}

/** How many key points a discussion of n comments gets. */
export function keyPointCount(n: number): number {
  return Math.min(7, Math.max(3, Math.ceil(Math.sqrt(n))));
}

export function summarize(input: SummaryInput, options: SummaryOptions = {}): Summary {
  const comments = input.comments;
  let { language } = detectLanguage(comments.map((c) => c.text ?? ''));
  if (language === 'und' && input.article) language = detectLanguage([input.article.text]).language;
  const stats = discussionStats(comments);
  const list = language === 'und' ? undefined : options.wordLists?.[language];
  const d = readDiscussion(comments, language, list);

  const article = input.article ? `${input.article.title} ${input.article.text}`.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ') : '';
  const points = keyPoints(d, keyPointCount(comments.length), { article, replies: stats.replies, root: stats.root }).points;
  const terms = keyTerms(d);

  const gists: Record<string, string> = {};
  for (const [root, members] of stats.threads) {
    if (members.length < 2) continue;
    const about = threadTerms(d, members, 2);
    gists[comments[root]!.id] = gistLine(options.gistLanguage ?? language, threadAuthors(comments, members), members.length - 1, about);
  }

  return {
    language,
    comments: comments.length,
    participants: stats.participants,
    span: stats.span,
    activeAuthors: stats.activeAuthors,
    longestThreads: stats.longestThreads,
    mostReplied: stats.mostReplied,
    keyPoints: points,
    terms,
    gists,
    engine: 'extractive',
  };
}
