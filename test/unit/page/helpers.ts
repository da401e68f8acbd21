// Shared setup for the thread view tests: fixture pages parsed into happy-dom's document, labels, key events.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ViewComment, ViewLabels } from '@/components/page/threads';

const pages = join(__dirname, '../../fixtures/pages');

/** Replaces the test document with a fixture page (whole <html>, attributes included). */
export function loadPage(name: string): void {
  loadHtml(readFileSync(join(pages, name), 'utf8'));
}

export function loadHtml(source: string): void {
  const parsed = new DOMParser().parseFromString(source, 'text/html');
  const html = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.appendChild(html);
}

export const labels: ViewLabels = {
  replies: (n) => (n === 1 ? '1 reply' : `${n} replies`),
  chip: (author, time) => {
    const m = time?.match(/^\d{4}-(\d\d)-(\d\d)(?:T(\d\d:\d\d))?/);
    const when = m ? `${m[2]}.${m[1]}.${m[3] ? ` ${m[3]}` : ''}` : '';
    return `↩ ${[author ?? '?', when].filter(Boolean).join(', ')}`;
  },
  collapse: 'Hide replies',
  expand: 'Show replies',
};

/** Builds ViewComments from elements and a compact description (parent index, evidence, rank, author, time). */
export function viewComments(
  elements: Element[],
  rows: { parent: number | null; evidence?: ViewComment['evidence']; rank?: number; author?: string | null; time?: string | null }[],
  offset = 0,
): ViewComment[] {
  return rows.map((r, i) => ({
    element: elements[i]!,
    id: `c${i + offset}`,
    parent: r.parent == null ? null : `c${r.parent}`,
    evidence: r.evidence ?? (r.parent == null ? 'none' : 'markup'),
    author: r.author ?? null,
    time: r.time ?? null,
    rank: r.rank ?? i + offset,
  }));
}

/** Dispatches a keydown on the target (bubbling, cancelable) and returns the event. */
export function key(target: Element, k: string): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(e);
  return e;
}

/** The text on the button inside one of our shadow hosts. */
export function shadowText(host: Element | null | undefined): string | null {
  return host?.shadowRoot?.querySelector('button')?.textContent ?? null;
}

export function shadowButton(host: Element | null | undefined): HTMLButtonElement | null {
  return host?.shadowRoot?.querySelector('button') ?? null;
}
