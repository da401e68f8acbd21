// What the popup needs from the browser, as one interface: the real one talks to the active tab's content script
// and to storage; tests pass fakes.
import { browser } from 'wxt/browser';
import { PageStatusSchema, SearchReplySchema, type PageStatus, type SearchReply } from '@/lib/messages';
import { siteOf } from '@/lib/settings';
import { enableSiteFor, runOnce } from '@/utils/sites';
import { settingsStore, type SettingsStore } from '@/utils/settings-store';
import { sendToPage } from '@/utils/page-messages';
import { browserSummaryApi, type SummaryApi } from '@/components/summary/api';
import { isWebPage, popupTab, type TabRef } from '@/utils/tabs';

export interface PageTab {
  id: number;
  url?: string;
  /** "spiegel.de", when the address is visible to the extension. */
  site: string | null;
  /** False for pages no extension may touch (browser pages, stores, files). */
  web: boolean;
}

/** The view commands the popup sends; each is answered with the page's new status. */
export type PageCommand =
  | { type: 'setThreaded'; threaded: boolean }
  | { type: 'collapseAll' }
  | { type: 'expandAll' }
  | { type: 'topLevelOnly' }
  | { type: 'suspendFilters'; suspended: boolean };

export interface PopupApi {
  /** The page the popup is about, or null (the popup page has no page to work on). */
  tab(): Promise<PageTab | null>;
  /** The content script's status; null when no content script answers. */
  status(tabId: number): Promise<PageStatus | null>;
  command(tabId: number, message: PageCommand): Promise<PageStatus | null>;
  search(tabId: number, query: string, step: -1 | 0 | 1): Promise<SearchReply | null>;
  /** Runs Rethread once on the tab (activeTab). */
  runOnce(tabId: number): Promise<void>;
  /** Asks for the site's permission and turns Rethread on there. Call it straight from a click handler. */
  enableSite(tab: PageTab): Promise<boolean>;
  /** Status reports the tab's content script sends by itself (after filters change, late comments...). */
  onStatus(tabId: number, listener: (status: PageStatus) => void): () => void;
  /** Opens the options page (hash: a section, "rules" or "rule=example.org"). */
  openOptions(hash?: string): void;
  settings: SettingsStore;
  /** The page's comments and focusing one, for the Summary tab (no tab without it). */
  summary?: SummaryApi;
}

/** A tab as the popup shows it. */
export function pageTab(ref: TabRef | null): PageTab | null {
  if (!ref) return null;
  return { id: ref.id, url: ref.url, site: ref.url ? siteOf(ref.url) : null, web: isWebPage(ref.url) };
}

export const browserPopupApi: PopupApi = {
  tab: async () => pageTab(await popupTab()),
  status: (tabId) => sendToPage(tabId, { type: 'getStatus' }, PageStatusSchema),
  command: (tabId, message) => sendToPage(tabId, message, PageStatusSchema),
  search: (tabId, query, step) => sendToPage(tabId, { type: 'search', query: query.slice(0, 500), step }, SearchReplySchema),
  runOnce,
  enableSite: (tab) => enableSiteFor(tab),
  onStatus(tabId, listener) {
    const onMessage = (raw: unknown, sender: { id?: string; tab?: { id?: number } }) => {
      if (sender.id !== browser.runtime.id || sender.tab?.id !== tabId) return;
      const message = raw as { type?: unknown; status?: unknown } | null;
      if (message?.type !== 'status') return;
      const parsed = PageStatusSchema.safeParse(message.status);
      if (parsed.success) listener(parsed.data);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  },
  openOptions(hash) {
    if (!hash) void browser.runtime.openOptionsPage();
    else void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${hash}`) });
    window.close();
  },
  settings: settingsStore,
  summary: browserSummaryApi,
};
