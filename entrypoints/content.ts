import { defineContentScript } from 'wxt/utils/define-content-script';
import { analyzeDocument } from '@/lib/analyze';
import { findTitle } from '@/lib/article/title';
import { AUTO_HOSTS, hostPatterns } from '@/lib/hosts';

// Runs the pipeline on the page and records the outcome on <html> (data-rethread-state, -comments), where the
// end-to-end tests and, later, the in-page view read it. Never throws into the page.
export default defineContentScript({
  matches: AUTO_HOSTS.flatMap(hostPatterns),
  runAt: 'document_idle',
  main() {
    const root = document.documentElement;
    try {
      const result = analyzeDocument(document, {
        url: location.href,
        now: new Date(),
        article: (doc) => ({ title: findTitle(doc) ?? '', text: '' }),
      });
      root.dataset.rethreadComments = String(result.comments.length);
      root.dataset.rethreadState = result.comments.length ? 'done' : 'none';
    } catch (error) {
      root.dataset.rethreadState = 'error';
      console.warn('Rethread could not read this page:', error);
    }
  },
});
