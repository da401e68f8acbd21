// What the options page needs from the browser, as one interface: the real one below, fakes in tests.
import { browser } from 'wxt/browser';
import { AUTO_HOSTS, hostPatterns } from '@/lib/hosts';
import { RuleTestReplySchema, type RuleTestReply } from '@/lib/messages';
import { siteOf, type Rule, type Settings } from '@/lib/settings';
import { downloadJson } from '@/utils/download';
import { registerReaderSites } from '@/utils/sites';
import { settingsStore, type SettingsStore } from '@/utils/settings-store';
import { sendToPage } from '@/utils/page-messages';
import { isWebPage } from '@/utils/tabs';

export interface OptionsApi {
  settings: SettingsStore;
  /** The news sites Rethread runs on by itself. */
  builtInSites: readonly string[];
  /** Whether the browser still grants Rethread the site. */
  isGranted(site: string): Promise<boolean>;
  /** Asks for the site's permission and turns Rethread on there. Call it straight from a click handler. */
  allowSite(site: string): Promise<boolean>;
  /** Turns a site off and gives its permission back. */
  removeSite(site: string): Promise<void>;
  /** Tries a rule on the most recently used web page that has Rethread running; null when none answers. */
  testRule(rule: Rule): Promise<RuleTestReply | null>;
  /** Stores a whole new set of settings (import, reset) and updates where Rethread runs. */
  replaceSettings(settings: Settings): Promise<void>;
  download(filename: string, data: unknown): void;
}

/** How many open tabs to try a rule on before giving up. */
const TEST_TABS = 8;

export const browserOptionsApi: OptionsApi = {
  settings: settingsStore,
  builtInSites: AUTO_HOSTS,
  isGranted: (site) => browser.permissions.contains({ origins: hostPatterns(site) }),
  async allowSite(site) {
    // First thing in the click: the browser only shows the permission prompt for a user action.
    if (!(await browser.permissions.request({ origins: hostPatterns(site) }))) return false;
    await settingsStore.update((s) => ({
      ...s,
      sites: { enabled: [...new Set([...s.sites.enabled, site])], disabled: s.sites.disabled.filter((d) => d !== site) },
    }));
    await registerReaderSites();
    return true;
  },
  async removeSite(site) {
    await settingsStore.update((s) => ({ ...s, sites: { ...s.sites, enabled: s.sites.enabled.filter((e) => e !== site) } }));
    await browser.permissions.remove({ origins: hostPatterns(site) }).catch(() => false);
    await registerReaderSites();
  },
  async testRule(rule) {
    const [tabs, self] = await Promise.all([browser.tabs.query({}), browser.tabs.getCurrent().catch(() => undefined)]);
    const onHost = (url?: string) => (url && siteOf(url) === rule.host.replace(/^www\./, '') ? 1 : 0);
    const candidates = tabs
      .filter((tab) => tab.id != null && tab.id !== self?.id && isWebPage(tab.url))
      .sort((a, b) => onHost(b.url) - onHost(a.url) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
      .slice(0, TEST_TABS);
    for (const tab of candidates) {
      const reply = await sendToPage(tab.id!, { type: 'testRule', rule }, RuleTestReplySchema);
      if (reply) return reply;
    }
    return null;
  },
  async replaceSettings(next) {
    const before = await settingsStore.load();
    await settingsStore.update(() => next);
    // Sites no longer on the list give their permission back.
    const dropped = before.sites.enabled.filter((s) => !next.sites.enabled.includes(s));
    if (dropped.length) await browser.permissions.remove({ origins: dropped.flatMap(hostPatterns) }).catch(() => false);
    await registerReaderSites();
  },
  download: (filename, data) => downloadJson(filename, data),
};
