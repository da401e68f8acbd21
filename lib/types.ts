// The plain data the pipeline produces. Nothing here refers to the extension or to live DOM nodes, so it can be
// serialised (analyze command, messages to the popup) and compared in tests.

/** Why a comment is attached to its parent. */
export type Evidence = 'markup' | 'mention' | 'quote' | 'order' | 'none';

/** One reader comment, as the pipeline understood it. */
export interface Comment {
  /** "c0", "c1", ... in document order; stable within one analysis. */
  id: string;
  /** Display name as shown, trimmed; null where the page shows none. */
  author: string | null;
  /** Local time as displayed, ISO without zone: "2024-11-06T08:10", or "2024-11-06" if only a date is shown. */
  time: string | null;
  /** The comment's own headline where the site has one. */
  title: string | null;
  /** Own body text, whitespace collapsed, without header, buttons or quoted text of other comments. */
  text: string;
  /** The comment this one answers, or null for a top-level comment. */
  parent: string | null;
  evidence: Evidence;
  /** 0..1: how sure the threading is of `parent`. */
  confidence: number;
  /** Names the comment addresses, as written ("Horst", "J. Franke"). */
  mentions: string[];
  /** Other comments it answers as well (a reply to several people); parent is the first. */
  alsoAnswers?: string[];
}

export type Order = 'oldest-first' | 'newest-first' | 'unknown';

export interface Article {
  title: string;
  text: string;
}

/** The result of analysing one page. */
export interface Analysis {
  /** Which adapter recognised the comment section: "generic", a platform ("wordpress") or a site adapter. */
  site: string;
  article: Article | null;
  order: Order;
  comments: Comment[];
}
