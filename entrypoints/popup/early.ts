// The popup's first questions (which tab, what is its status), asked as soon as this module runs: main.tsx imports
// it first, so the answer travels while Preact, zod and the components are still being evaluated. Only the
// browser API is needed here; the answer is checked against PageStatusSchema when it is used.
import { browser } from 'wxt/browser';
import { isWebPage, popupTab, type TabRef } from '@/utils/tabs';

export interface RawStart {
  ref: TabRef | null;
  /** The content script's unchecked reply to getStatus; null when none answered. */
  reply: unknown;
}

export const rawStart: Promise<RawStart> = popupTab()
  .catch(() => null)
  .then(async (ref) => ({
    ref,
    reply: ref && isWebPage(ref.url) ? await browser.tabs.sendMessage(ref.id, { type: 'getStatus' }).catch(() => null) : null,
  }));
