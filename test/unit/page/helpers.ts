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

/** A compact description of a comment: parent index, evidence, rank, author, time. */
export interface CommentRow {
  parent: number | null;
  evidence?: ViewComment['evidence'];
  rank?: number;
  author?: string | null;
  time?: string | null;
}

/** Builds ViewComments from elements and their rows. */
export function viewComments(elements: Element[], rows: CommentRow[], offset = 0): ViewComment[] {
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

/** A fixture page's comment list: its elements, their ViewComments, and the markup the view must give back. */
export function loadList(page: string, list: string, items: string, rows: CommentRow[]) {
  loadPage(page);
  const root = document.querySelector(list)!;
  const els = [...root.querySelectorAll(items)];
  const comments = viewComments(els, rows);
  return { root, els, comments, originalRoot: root.outerHTML, originalDoc: document.documentElement.outerHTML };
}

/** The seed page, newest first: c0 michael von wob -> c1 Horst Flügge -> c3 Jürgen Franke, so rank counts down. */
export function loadSeed() {
  return loadList('seed-der-farang.html', '#comment-list', ':scope > .comment-item', [
    { parent: 1, evidence: 'mention', rank: 4, author: 'michael von wob', time: '2024-11-06T11:50' },
    { parent: 3, evidence: 'quote', rank: 3, author: 'Horst Flügge', time: '2024-11-06T08:10' },
    { parent: null, rank: 2, author: 'Rolf W. Schwake', time: '2024-11-06T01:03' },
    { parent: null, rank: 1, author: 'Jürgen Franke', time: '2024-11-05T17:40' },
    { parent: null, rank: 0, author: 'Laddawan Sukkon', time: '2024-11-05T15:00' },
  ]);
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
