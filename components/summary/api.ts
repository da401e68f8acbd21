// What the Summary tab needs from the browser: the page's comments, a way to show one of them on the page, and
// where Chrome's built-in Summarizer is looked up. Small on purpose: the popup's first bundle holds this module,
// everything that summarises is loaded only when the tab opens (./load, ./SummaryTab).
import { CommentsReplySchema, PageStatusSchema, type CommentsReply } from '@/lib/messages';
import type { OnDeviceEnv } from '@/lib/summary/ondevice';
import { sendToPage } from '@/utils/page-messages';

export interface SummaryApi {
  /** The page's comments as its content script hands them out; null when none answers. */
  comments(tabId: number): Promise<CommentsReply | null>;
  /** Scrolls the page to a comment (unfolding what hides it) and highlights it. */
  focus(tabId: number, id: string): Promise<unknown>;
  /** Where the Summarizer API is looked up: globalThis in the browser, a fake in tests. */
  onDevice: OnDeviceEnv;
}

export const browserSummaryApi: SummaryApi = {
  comments: (tabId) => sendToPage(tabId, { type: 'getComments' }, CommentsReplySchema),
  focus: (tabId, id) => sendToPage(tabId, { type: 'focus', id: id.slice(0, 20) }, PageStatusSchema),
  onDevice: globalThis as OnDeviceEnv,
};
