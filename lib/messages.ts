// Messages between the content script, the background and the popup/options pages. Every message is checked
// against these schemas on arrival; anything else, or anything from another extension or a page, is ignored.
import * as z from 'zod/mini';
import { RuleSchema } from './settings';

export const PageStatusSchema = z.object({
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
});
export type PageStatus = z.infer<typeof PageStatusSchema>;

/** Content script -> background. */
export const ToBackgroundSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('status'), status: PageStatusSchema })]);
export type ToBackground = z.infer<typeof ToBackgroundSchema>;

/** Popup, options or background -> content script. Each answers with the reply type named beside it. */
export const ToPageSchema = z.discriminatedUnion('type', [
  /** -> PageStatus */
  z.object({ type: z.literal('getStatus') }),
  /** -> PageStatus */
  z.object({ type: z.literal('setThreaded'), threaded: z.boolean() }),
  z.object({ type: z.literal('collapseAll') }),
  z.object({ type: z.literal('expandAll') }),
  z.object({ type: z.literal('topLevelOnly') }),
  /** -> PageStatus; "show them": turn the filters off (or on again) on this page. */
  z.object({ type: z.literal('suspendFilters'), suspended: z.boolean() }),
  /** -> SearchReply; step -1/+1 moves to the previous/next match, 0 to the first. */
  z.object({ type: z.literal('search'), query: z.string().check(z.maxLength(500)), step: z.union([z.literal(-1), z.literal(0), z.literal(1)]) }),
  /** -> RuleTestReply; tries a custom site rule on the page without changing it. */
  z.object({ type: z.literal('testRule'), rule: RuleSchema }),
]);
export type ToPage = z.infer<typeof ToPageSchema>;

export const SearchReplySchema = z.object({ total: z.number(), index: z.number() });
export type SearchReply = z.infer<typeof SearchReplySchema>;

export const RuleTestReplySchema = z.object({
  matched: z.number(),
  comments: z.array(z.object({ author: z.nullable(z.string()), time: z.nullable(z.string()), text: z.string() })),
  error: z.optional(z.string()),
});
export type RuleTestReply = z.infer<typeof RuleTestReplySchema>;

export function parseMessage<T>(schema: z.ZodMiniType<T>, value: unknown): T | null {
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
}
