// Where Rethread runs: the built-in news sites (static content script), sites the reader turned on (optional
// host permission + a content script registered at run time), and once on the current tab (activeTab).
import { browser } from 'wxt/browser';
import { hostPatterns } from '@/lib/hosts';
import { siteOf } from '@/lib/settings';
import { getSettings, updateSettings } from './settings';

const SCRIPT_ID = 'rethread-reader-sites';
const CONTENT_SCRIPT = '/content-scripts/content.js';

/** Registers the content script for every enabled site whose permission is still granted. */
export async function registerReaderSites(): Promise<void> {
  const { sites } = await getSettings();
  const granted: string[] = [];
  for (const site of sites.enabled) {
    const origins = hostPatterns(site);
    if (await browser.permissions.contains({ origins })) granted.push(...origins);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!granted.length) return;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: granted, js: [CONTENT_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

/**
 * Turns Rethread on for the site of a tab: asks for the site's permission (must run inside the user's click),
 * remembers it, registers the content script and runs it on the tab right away.
 */
export async function enableSiteFor(tab: { id?: number; url?: string }): Promise<boolean> {
  const site = tab.url ? siteOf(tab.url) : null;
  if (!site || tab.id == null) return false;
  const granted = await browser.permissions.request({ origins: hostPatterns(site) });
  if (!granted) return false;
  await updateSettings((s) => ({ ...s, sites: { enabled: [...new Set([...s.sites.enabled, site])], disabled: s.sites.disabled.filter((d) => d !== site) } }));
  await registerReaderSites();
  await runOnce(tab.id);
  return true;
}

/**
 * Runs the content script once on a tab (activeTab grants this after a click on the popup or menu). The
 * reader asked for it, so it runs even on a built-in site they turned off.
 */
export async function runOnce(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, func: () => void ((globalThis as { __rethreadAsked?: boolean }).__rethreadAsked = true) });
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
}
