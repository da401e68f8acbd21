// Messages between the content script, the background and the popup/options pages. Every message is checked
// against these schemas on arrival; anything else, or anything from another extension or a page, is ignored.
// Schemas are built on first use (lib/lazy), not when the content script is evaluated.
import * as z from 'zod/mini';
import { lazy } from './lazy';

export const PageStatusSchema = lazy(() => z.object({
  /** running: analysing; done: threads shown; none: no comment section; unsure: found something, not sure enough to change the page; error: see `error`. */
  state: z.enum(['running', 'done', 'none', 'unsure', 'error']),
  comments: z.number(),
  threads: z.number(),
  linked: z.number(),
  /** Comments that address someone who wrote no earlier comment (shown as plain text, not linked). */
  unresolved: z.number(),
  /** Which adapter read the page ("generic", "wordpress", "rule:example.org", ...). */
  site: z.string(),
  threaded: z.boolean(),
  /** Comments the reader's filters hide (or fold to a placeholder) on this page. */
  filtered: z.number(),
  highlighted: z.number(),
  /** The reader pressed "show them": filters are off on this page until reload. */
  suspended: z.boolean(),
  /** Comments not seen on the reader's last visit (0 on a first visit). */
  fresh: z.number(),
  error: z.optional(z.string()),
}));
export type PageStatus = z.infer<typeof PageStatusSchema>;

/** A comment as pages hand it out for summaries (lib/types Comment, the fields a summary reads). */
export const CommentDataSchema = lazy(() => z.object({
  id: z.string().check(z.maxLength(20)),
  author: z.nullable(z.string().check(z.maxLength(200))),
  time: z.nullable(z.string().check(z.maxLength(20))),
  title: z.nullable(z.string().check(z.maxLength(1000))),
  text: z.string().check(z.maxLength(100_000)),
  parent: z.nullable(z.string().check(z.maxLength(20))),
}));
export type CommentData = z.infer<typeof CommentDataSchema>;

export const CommentsReplySchema = lazy(() => z.object({
  comments: z.array(CommentDataSchema).check(z.maxLength(100_000)),
  title: z.string(),
}));
export type CommentsReply = z.infer<typeof CommentsReplySchema>;

/** Content script -> background: its status (badge), or its comments to summarise (reply: SummaryReply). */
export const ToBackgroundSchema = lazy(() => z.object({
  type: z.enum(['status', 'summarize']),
  status: z.optional(PageStatusSchema),
  comments: z.optional(z.array(CommentDataSchema).check(z.maxLength(100_000))),
}));
export type ToBackground = z.infer<typeof ToBackgroundSchema>;

/** What the page's summary panel and collapsed threads need of a summary (lib/summary Summary). */
export const SummaryReplySchema = lazy(() => z.object({
  language: z.string(),
  comments: z.number(),
  participants: z.number(),
  span: z.object({ from: z.nullable(z.string()), to: z.nullable(z.string()) }),
  activeAuthors: z.array(z.object({ author: z.string(), comments: z.number() })),
  longestThreads: z.array(z.object({ id: z.string(), size: z.number() })),
  mostReplied: z.array(z.object({ id: z.string(), replies: z.number() })),
  keyPoints: z.array(z.object({ text: z.string(), support: z.array(z.string()) })),
  terms: z.array(z.string()),
  gists: z.record(z.string(), z.string()),
}));
export type SummaryReply = z.infer<typeof SummaryReplySchema>;

const text = (max: number) => z.string().check(z.maxLength(max));

/**
 * Popup, options or background -> content script: one flat object (cheaper in the content script than a union
 * of variants); `type` says which fields matter. Each answers with the reply named beside it:
 * getStatus, setThreaded {threaded}, collapseAll, expandAll, topLevelOnly, suspendFilters {suspended}
 * -> PageStatus; search {query, step: -1 | 0 | 1} -> SearchReply; testRule {rule} -> RuleTestReply;
 * getComments -> CommentsReply; focus {id} -> PageStatus (scrolls to the comment, unfolding what hides it).
 */
export const ToPageSchema = lazy(() => z.object({
  type: z.enum(['getStatus', 'setThreaded', 'collapseAll', 'expandAll', 'topLevelOnly', 'suspendFilters', 'search', 'testRule', 'getComments', 'focus']),
  /** focus: the comment to show (reply: PageStatus). getComments: reply CommentsReply. */
  id: z.optional(text(20)),
  threaded: z.optional(z.boolean()),
  suspended: z.optional(z.boolean()),
  query: z.optional(text(500)),
  step: z.optional(z.number().check(z.minimum(-1), z.maximum(1))),
  /** A custom site rule to try (validated fully where it is saved; here it only runs querySelectorAll). */
  rule: z.optional(z.object({ host: text(253), item: text(500), author: z.optional(text(500)), time: z.optional(text(500)), title: z.optional(text(500)), text: z.optional(text(500)) })),
}));
export type ToPage = z.infer<typeof ToPageSchema>;

export const SearchReplySchema = lazy(() => z.object({ total: z.number(), index: z.number() }));
export type SearchReply = z.infer<typeof SearchReplySchema>;

export const RuleTestReplySchema = lazy(() => z.object({
  matched: z.number(),
  comments: z.array(z.object({ author: z.nullable(z.string()), time: z.nullable(z.string()), text: z.string() })),
  error: z.optional(z.string()),
}));
export type RuleTestReply = z.infer<typeof RuleTestReplySchema>;

export function parseMessage<T>(schema: z.ZodMiniType<T>, value: unknown): T | null {
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
}
