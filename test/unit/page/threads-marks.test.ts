// @vitest-environment happy-dom
// The reader's filters on the thread view: hidden comments vanish, folded ones leave a stand-in their replies
// can hang from, highlighted ones stand out, and "original order" shows none of it.
import { afterEach, describe, expect, it } from 'vitest';
import { mountThreads, type Mark, type ThreadView } from '@/components/page/threads';
import { labels, loadSeed, shadowText } from './helpers';

let view: ThreadView | null = null;
afterEach(() => view?.destroy());

const mark = (m: Partial<Mark>): Mark => ({ hidden: false, placeholder: false, highlighted: false, ...m });

describe('setMarks', () => {
  it('hides, folds and highlights, and puts everything back', () => {
    const { root, els, comments, originalRoot } = loadSeed();
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
    expect(root.outerHTML).toBe(originalRoot);
    view.setThreaded(true);
    expect(els[2]!.getAttribute('data-rethread-filter')).toBe('hidden');
  });
});
