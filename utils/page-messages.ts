// Messages to a tab's content script, validated on arrival.
import { browser } from 'wxt/browser';
import type * as z from 'zod/mini';
import { parseMessage, type ToPage } from '@/lib/messages';

/** Sends a message to a tab's content script; null when none answers or the answer is not of the schema. */
export async function sendToPage<T>(tabId: number, message: ToPage, schema: z.ZodMiniType<T>): Promise<T | null> {
  try {
    return parseMessage(schema, await browser.tabs.sendMessage(tabId, message));
  } catch {
    return null; // no content script in that tab (or the tab is gone)
  }
}
