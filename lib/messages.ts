// Messages between the content script, the background and (later) the popup. Every message is checked
// against these schemas on arrival; anything else, or anything from another extension or a page, is ignored.
import * as z from 'zod/mini';

export const PageStatusSchema = z.object({
  state: z.enum(['running', 'done', 'none', 'unsure', 'error']),
  comments: z.number(),
  threads: z.number(),
  linked: z.number(),
  unresolved: z.number(),
  site: z.string(),
  threaded: z.boolean(),
  error: z.optional(z.string()),
});
export type PageStatus = z.infer<typeof PageStatusSchema>;

/** Content script -> background. */
export const ToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: PageStatusSchema }),
]);
export type ToBackground = z.infer<typeof ToBackgroundSchema>;

/** Popup or background -> content script. */
export const ToPageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('getStatus') }),
  z.object({ type: z.literal('setThreaded'), threaded: z.boolean() }),
  z.object({ type: z.literal('collapseAll') }),
  z.object({ type: z.literal('expandAll') }),
  z.object({ type: z.literal('topLevelOnly') }),
]);
export type ToPage = z.infer<typeof ToPageSchema>;

export function parseMessage<T>(schema: z.ZodMiniType<T>, value: unknown): T | null {
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
}
