// @vitest-environment happy-dom
// The reader's filters on the thread view: hidden comments vanish, folded ones leave a stand-in their replies
// can hang from, highlighted ones stand out, and "original order" shows none of it.
import { afterEach, describe, expect, it } from 'vitest';
import { mountThreads, type Mark, type ThreadView } from '@/components/page/threads';
import { labels, loadPage, shadowText, viewComments } from './helpers';

let view: ThreadView | null = null;
afterEach(() => view?.destroy());

function setup() {
  loadPage('seed-der-farang.html');
  const root = document.getElementById('comment-list')!;
  const els = [...root.querySelectorAll(':scope > .comment-item')];
  const comments = viewComments(els, [
    { parent: 1, evidence: 'mention', rank: 4, author: 'michael von wob', time: '2024-11-06T11:50' },
    { parent: 3, evidence: 'quote', rank: 3, author: 'Horst Flügge', time: '2024-11-06T08:10' },
    { parent: null, rank: 2, author: 'Rolf W. Schwake', time: '2024-11-06T01:03' },
    { parent: null, rank: 1, author: 'Jürgen Franke', time: '2024-11-05T17:40' },
    { parent: null, rank: 0, author: 'Laddawan Sukkon', time: '2024-11-05T15:00' },
  ]);
  return { root, els, comments, original: root.outerHTML };
}

const mark = (m: Partial<Mark>): Mark => ({ hidden: false, placeholder: false, highlighted: false, ...m });

describe('setMarks', () => {
  it('hides, folds and highlights, and puts everything back', () => {
    const { root, els, comments, original } = setup();
    view = mountThreads(root, comments, { labels: { ...labels, folded: (who) => `Hidden by your filters: ${who}` } });
    view.setMarks(new Map([
      [comments[2]!.id, mark({ hidden: true })],
      [comments[1]!.id, mark({ placeholder: true })],
      [comments[4]!.id, mark({ highlighted: true })],
    ]));
    expect(els[2]!.getAttribute('data-rethread-filter')).toBe('hidden');
    expect(els[1]!.getAttribute('data-rethread-filter')).toBe('folded');
    expect(els[4]!.getAttribute('data-rethread-filter')).toBe('highlight');
    // The folded comment's stand-in sits where it was, its reply still below it.
    const fold = els[1]!.previousElementSibling!;
    expect(fold.tagName).toBe('RETHREAD-FOLD');
    expect(shadowText(fold)).toBe('Hidden by your filters: Horst Flügge');
    expect(els[1]!.nextElementSibling!.nextElementSibling!.contains(els[0]!)).toBe(true);

    // Clicking the stand-in shows that one comment.
    (fold.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
    expect(els[1]!.hasAttribute('data-rethread-filter')).toBe(false);
    expect(root.querySelector('rethread-fold')).toBeNull();

    // Filters cleared: no trace; original order: the site's page exactly.
    view.setMarks(new Map());
    expect(root.querySelector('[data-rethread-filter]')).toBeNull();
    view.setMarks(new Map([[comments[2]!.id, mark({ hidden: true })]]));
    view.setThreaded(false);
    expect(root.outerHTML).toBe(original);
    view.setThreaded(true);
    expect(els[2]!.getAttribute('data-rethread-filter')).toBe('hidden');
  });
});
