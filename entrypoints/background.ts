import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { parseMessage, ToBackgroundSchema } from '@/lib/messages';
import { summarize } from '@/lib/summary';
import { bundledWordLists } from '@/lib/summary/wordlists';
import { t } from '@/utils/i18n';
import { siteOf } from '@/lib/settings';
import { updateSettings } from '@/utils/settings';
import { enableSiteFor, registerReaderSites } from '@/utils/sites';

// The background keeps the reader's sites registered, offers the context menu, and shows each tab's comment
// count on the toolbar badge. It never fetches anything.
export default defineBackground(() => {
  const MENU = 'rethread-thread-site';

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU, title: t('menuThreadSite'), contexts: ['page'], documentUrlPatterns: ['http://*/*', 'https://*/*'] });
    void registerReaderSites();
  });
  browser.runtime.onStartup.addListener(() => void registerReaderSites());

  // Firefox may close the popup while its permission prompt is open, before the popup could save the site:
  // whatever origins the reader grants become reader sites here, whoever asked.
  browser.permissions.onAdded.addListener((granted) => {
    // "*://*.example.org/*" -> "example.org"; "all sites" grants name no site.
    const sites = (granted.origins ?? [])
      .map((o) => o.match(/^[^:]+:\/\/(?:\*\.)?([^/*]+)\//)?.[1])
      .map((host) => (host ? siteOf(`https://${host}/`) : null))
      .filter((s): s is string => !!s);
    if (!sites.length) return;
    void updateSettings((s) => ({ ...s, sites: { enabled: [...new Set([...s.sites.enabled, ...sites])], disabled: s.sites.disabled.filter((d) => !sites.includes(d)) } })).then(() => registerReaderSites());
  });
  browser.permissions.onRemoved.addListener(() => void registerReaderSites());

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU || !tab) return;
    // permissions.request must be called while handling the click.
    enableSiteFor(tab).catch((e) => console.warn('Rethread: could not turn on this site', e));
  });

  browser.runtime.onMessage.addListener((raw, sender) => {
    // Only our own content scripts talk to the background.
    if (sender.id !== browser.runtime.id || !sender.tab?.id) return;
    const message = parseMessage(ToBackgroundSchema, raw);
    if (!message) return;
    if (message.type === 'summarize') {
      // Summaries are made here, not in the page: the word lists would triple the content script.
      const comments = (message.comments ?? []).map((c) => ({ ...c, evidence: 'none' as const, confidence: 1, mentions: [] }));
      // Gists show on the page's toggles, among the reader's UI strings: in the UI's language.
      return Promise.resolve(summarize({ comments }, { wordLists: bundledWordLists(), gistLanguage: t('uiLanguage') }));
    }
    if (!message.status) return;
    const tabId = sender.tab.id;
    const count = message.status.comments;
    // MV3 (Chrome) has `action`, Firefox's MV2 build `browserAction`.
    const action = browser.action ?? browser.browserAction;
    void action.setBadgeText({ tabId, text: count ? String(count > 999 ? '999+' : count) : '' });
    void action.setBadgeBackgroundColor({ tabId, color: '#3b5bdb' });
  });
});
