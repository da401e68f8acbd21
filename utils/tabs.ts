// The tab the popup works on (no schemas here: the popup asks for it before anything else is loaded).
import { browser } from 'wxt/browser';

export interface TabRef {
  id: number;
  /** Known when the browser lets the extension see it (activeTab after a click on the toolbar button). */
  url?: string;
}

/**
 * The page the popup is about: the active tab of its window. `?tab=<id>` in the popup's address overrides it
 * (used only when present: the end-to-end tests open popup.html as a tab of its own). Null when the only
 * candidate is the popup page itself.
 */
export async function popupTab(search: string = location.search): Promise<TabRef | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param && /^\d+$/.test(param)) {
    try {
      const tab = await browser.tabs.get(Number(param));
      return tab.id == null ? null : { id: tab.id, url: tab.url };
    } catch {
      return null;
    }
  }
  const [[tab], self] = await Promise.all([
    browser.tabs.query({ active: true, currentWindow: true }),
    // Undefined in the toolbar popup; the page's own tab when popup.html is opened as a tab.
    browser.tabs.getCurrent().catch(() => undefined),
  ]);
  if (tab?.id == null || tab.id === self?.id) return null;
  return { id: tab.id, url: tab.url };
}

/** Whether a URL is a web page an extension may run on. Undefined (not visible to us): assume it is. */
export function isWebPage(url: string | undefined): boolean {
  return url == null || /^https?:\/\//i.test(url);
}
