import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { AUTO_HOSTS, hostPatterns } from '@/lib/hosts';
import { parseMessage, ToPageSchema, type PageStatus } from '@/lib/messages';
import { plural, shortTime, t } from '@/utils/i18n';
import { PageSession } from './session';

// Wires a page's Rethread session to the extension: localised labels, status to the background (badge) and
// the popup, commands from the popup. Runs once per page even when injected again (activeTab, reader sites).
export default defineContentScript({
  matches: AUTO_HOSTS.flatMap(hostPatterns),
  runAt: 'document_idle',
  main(ctx) {
    const flag = globalThis as { __rethread?: boolean };
    if (flag.__rethread) return;
    flag.__rethread = true;

    const html = document.documentElement;
    const onStatus = (status: PageStatus) => {
      // Marks on <html> let tests (and curious readers) see the outcome without the popup.
      html.dataset.rethreadState = status.state;
      html.dataset.rethreadComments = String(status.comments);
      browser.runtime.sendMessage({ type: 'status', status }).catch(() => {});
    };
    const labels = {
      view: {
        replies: (n: number) => plural('replies', n),
        chip: (author: string | null, time: string | null) => t('chip', [author ?? t('someone'), shortTime(time)].filter(Boolean).join(', ')),
        collapse: t('collapse'),
        expand: t('expand'),
      },
      bar: {
        region: t('barLabel'),
        summary: (s: { comments: number; threads: number; linked: number }) =>
          [plural('comments', s.comments), plural('threads', s.threads), plural('linked', s.linked)].join(' · '),
        collapseAll: t('collapseAll'),
        expandAll: t('expandAll'),
        topLevelOnly: t('topLevelOnly'),
        threaded: t('threadedView'),
        original: t('originalOrder'),
      },
    };

    let session: PageSession | null = null;
    const begin = () => {
      session = new PageSession(document, { url: location.href, now: new Date(), threaded: true, onStatus, ...labels });
      void session.start();
    };
    begin();

    // Single-page apps: a new article is a new page.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      session?.stop();
      setTimeout(begin, 500);
    });
    ctx.onInvalidated(() => session?.stop());

    browser.runtime.onMessage.addListener((raw, sender) => {
      if (sender.id !== browser.runtime.id || !session) return;
      const message = parseMessage(ToPageSchema, raw);
      if (!message) return;
      switch (message.type) {
        case 'getStatus':
          break;
        case 'setThreaded':
          session.setThreaded(message.threaded);
          break;
        case 'collapseAll':
          session.collapseAll();
          break;
        case 'expandAll':
          session.expandAll();
          break;
        case 'topLevelOnly':
          session.topLevelOnly();
          break;
      }
      return Promise.resolve(session.status());
    });
  },
});
