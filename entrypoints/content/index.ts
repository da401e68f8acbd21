import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { AUTO_HOSTS, hostPatterns } from '@/lib/hosts';
import { parseMessage, SummaryReplySchema, ToPageSchema, type PageStatus, type SummaryReply } from '@/lib/messages';
import { loadSettings, rulesAsAdapters, siteOf, type Settings } from '@/lib/settings';
import { plural, shortSpan, shortTime, t } from '@/utils/i18n';
import { rememberOn, seenOn } from '@/utils/seen';
import { getSettings, updateSettings } from '@/utils/settings';
import { PageSession } from './session';

// Wires a page's Rethread session to the extension: settings and filters from storage (live), localised
// labels, status to the background (badge) and the popup, commands from the popup. Runs once per page even
// when injected again (activeTab, reader sites). Any failure stays inside: the page is never broken.
/** "5. Nov – 6. Nov" from the first and last comment times. */
function span(s: { from: string | null; to: string | null }): string {
  const [from, to] = shortSpan(s.from, s.to);
  return from && to && from !== to ? `${from} – ${to}` : from ?? '';
}

export default defineContentScript({
  matches: AUTO_HOSTS.flatMap(hostPatterns),
  runAt: 'document_idle',
  // WXT tells older copies of this script to stop with a DOM event; its extra window.postMessage (kept by WXT only
  // for scripts built with old WXT versions) would reach the page's own listeners, and under DevTools or automation
  // it captures a stack trace, which reparses this whole script inside its first task.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const flag = globalThis as { __rethread?: boolean; __rethreadAsked?: boolean };
    if (flag.__rethread) return;
    flag.__rethread = true;

    const html = document.documentElement;
    // When the content script started, in the page's clock (benchmarks measure from here).
    html.dataset.rethreadStart = String(Math.round(performance.now()));
    const onStatus = (status: PageStatus) => {
      // Marks on <html> let tests (and curious readers) see the outcome without the popup.
      html.dataset.rethreadState = status.state;
      html.dataset.rethreadComments = String(status.comments);
      browser.runtime.sendMessage({ type: 'status', status }).catch(() => {});
    };

    let settings: Settings;
    try {
      settings = await getSettings();
    } catch {
      settings = loadSettings(undefined).settings;
    }
    const site = siteOf(location.href);
    // Built-in sites the reader turned off: nothing happens unless asked from the popup (then this runs again).
    if (!flag.__rethreadAsked && site && settings.sites.disabled.includes(site) && AUTO_HOSTS.some((h) => site === h || site.endsWith('.' + h))) {
      flag.__rethread = false;
      return;
    }

    // Localised labels, read after the first await so that the task evaluating this script stays short.
    const replies = (n: number) => plural('replies', n);
    const labels = {
      view: {
        replies,
        chip: (author: string | null, time: string | null) => t('chip', [author ?? t('someone'), shortTime(time)].filter(Boolean).join(', ')),
        collapse: t('collapse'),
        expand: t('expand'),
        folded: (author: string | null) => t('folded', author ?? t('someone')),
      },
      bar: {
        region: t('barLabel'),
        counts: (s: { comments: number; threads: number; linked: number }) =>
          [plural('comments', s.comments), plural('threads', s.threads), plural('linked', s.linked)].join(' · '),
        collapseAll: t('collapseAll'),
        expandAll: t('expandAll'),
        topLevelOnly: t('topLevelOnly'),
        threaded: t('threadedView'),
        original: t('originalOrder'),
        summary: t('summary'),
      },
      panel: {
        title: t('summaryTitle'),
        loading: t('summaryLoading'),
        failed: t('summaryFailed'),
        glance: (s: SummaryReply) => [plural('comments', s.comments), plural('participants', s.participants), span(s.span)].filter(Boolean).join(' · '),
        activeAuthors: t('activeAuthors'),
        keyPoints: t('keyPoints'),
        support: (n: number) => plural('support', n),
        terms: t('keyTerms'),
        longestThreads: t('longestThreads'),
        mostReplied: t('mostReplied'),
        replies,
        close: t('close'),
      },
      menu: {
        open: t('commentMenu'),
        mute: (author: string) => t('muteAuthor', author),
        highlight: (author: string) => t('highlightAuthor', author),
      },
    };

    let session: PageSession | null = null;
    /** Counts single-page-app navigations: a begin() that one overtook while it waited gives up. */
    let navigations = 0;
    const begin = async () => {
      const at = navigations;
      const url = location.href;
      const seen = await seenOn(url).catch(() => null);
      if (at !== navigations) return;
      session = new PageSession(document, {
        url,
        now: new Date(),
        threaded: settings.view.threaded,
        filters: settings.filters,
        seen,
        adapters: rulesAsAdapters(settings.rules),
        onStatus,
        summarize: async (comments) => {
          const reply = parseMessage(SummaryReplySchema, await browser.runtime.sendMessage({ type: 'summarize', comments }));
          if (!reply) throw new Error('no summary');
          return reply;
        },
        onAuthor: (action, author) =>
          void updateSettings((s) => {
            const list = action === 'mute' ? s.filters.muted : s.filters.highlighted;
            if (list.includes(author)) return s;
            return { ...s, filters: { ...s.filters, [action === 'mute' ? 'muted' : 'highlighted']: [...list, author] } };
          }),
        ...labels,
      });
      const current = session;
      await current.start();
      // Remember what this visit showed, for "new since my last visit" next time.
      const ids = current.fingerprints();
      if (ids.length) void rememberOn(url, ids).catch(() => {});
    };
    void begin();

    // Filters and rules change in the popup or options page: apply them live.
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || !changes.settings) return;
      const next = loadSettings(changes.settings.newValue).settings;
      settings = next;
      session?.setFilters(next.filters);
    });

    // Single-page apps: a new article is a new page. Navigations in quick succession start one session, for the last.
    let restart: number | undefined;
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      navigations++;
      session?.stop();
      clearTimeout(restart);
      restart = ctx.setTimeout(() => void begin(), 500);
    });
    ctx.onInvalidated(() => session?.stop());

    browser.runtime.onMessage.addListener((raw, sender) => {
      // Only this extension's own pages may steer the page's view.
      if (sender.id !== browser.runtime.id || !session) return;
      const message = parseMessage(ToPageSchema, raw);
      if (!message) return;
      const s = session;
      switch (message.type) {
        case 'search':
          return Promise.resolve(s.find(message.query ?? '', (Math.sign(message.step ?? 0) as -1 | 0 | 1)));
        case 'testRule':
          return Promise.resolve(message.rule ? s.testRule(message.rule) : { matched: 0, comments: [], error: 'no rule' });
        case 'setThreaded':
          s.setThreaded(message.threaded ?? true);
          break;
        case 'collapseAll':
          s.collapseAll();
          break;
        case 'expandAll':
          s.expandAll();
          break;
        case 'topLevelOnly':
          s.topLevelOnly();
          break;
        case 'suspendFilters':
          s.suspendFilters(message.suspended ?? false);
          break;
        case 'getComments':
          return Promise.resolve(s.commentData());
        case 'focus':
          if (message.id) s.focus(message.id);
          break;
        case 'getStatus':
          break;
      }
      return Promise.resolve(s.status());
    });
  },
});
