import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import { browserPopupApi, pageTab } from '@/components/popup/api';
import { PageStatusSchema, parseMessage } from '@/lib/messages';
import { language } from '@/utils/i18n';
import type { RawStart } from './early';

/** Renders the popup; the page's first answer is checked against PageStatusSchema here. */
export function mount(start: Promise<RawStart>): void {
  // Marks for the e2e test's timing: interface loaded, the page's answer in (the status shown is marked by Popup).
  performance.mark('rethread:main');
  const early = start.then(({ ref, reply }) => {
    performance.mark('rethread:answer');
    return { tab: pageTab(ref), status: parseMessage(PageStatusSchema, reply) };
  });
  document.documentElement.lang = language();
  render(<Popup api={browserPopupApi} early={early} />, document.getElementById('app')!);
}
