// @vitest-environment happy-dom
// A WordPress list whose replies already sit inside their parent (li.comment > ol.children > li.comment): the view
// moves every reply into a group after its parent's element, and must put each one back into its own ol.children.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountThreads, type ThreadView } from '@/components/page/threads';
import { key, labels, loadList, shadowText } from './helpers';

// Parents from the markup (wordpress-nested.expected.json), listed oldest first.
const PARENTS = [null, 0, 1, 0, null, 4, 5, null, null, 8, null, null];

let view: ThreadView;

function setup() {
  const list = loadList('wordpress-nested.html', 'ol.comment-list', 'li.comment', PARENTS.map((parent) => ({ parent })));
  expect(list.els).toHaveLength(12);
  return list;
}

const byId = (n: number) => document.getElementById(`comment-${n}`)!;
const groupAfter = (el: Element) => el.nextElementSibling!.nextElementSibling!;

describe('thread view on a nested WordPress list', () => {
  afterEach(() => view?.destroy());

  it('moves each reply out of ol.children into a group after its parent, same elements', () => {
    const { root, els, comments } = setup();
    const reply = byId(1842).querySelector('.comment-reply-link') as HTMLElement;
    const clicked = vi.fn((e: Event) => e.preventDefault());
    reply.addEventListener('click', clicked);
    view = mountThreads(root, comments, { labels });

    const g1841 = groupAfter(byId(1841));
    expect(g1841.tagName).toBe('RETHREAD-REPLIES');
    expect(g1841.parentElement).toBe(root);
    expect([...g1841.children].filter((e) => e.tagName === 'LI').map((e) => e.id)).toEqual(['comment-1842', 'comment-1844']);
    expect(groupAfter(byId(1842)).children[0]).toBe(byId(1843));
    expect(groupAfter(byId(1845)).children[0]).toBe(byId(1846));
    expect(groupAfter(byId(1846)).children[0]).toBe(byId(1847));
    expect(groupAfter(byId(1849)).children[0]).toBe(byId(1850));
    // The site's reply containers are left empty (only our placeholders), the elements are the originals.
    expect(byId(1841).querySelector('ol.children')!.children).toHaveLength(0);
    els.forEach((el, i) => expect(document.getElementById(el.id), `comment ${i}`).toBe(el));
    // Top-level comments stay where they were, in order.
    expect([...root.children].filter((e) => e.tagName === 'LI').map((e) => e.id)).toEqual(
      ['comment-1841', 'comment-1845', 'comment-1848', 'comment-1849', 'comment-1851', 'comment-1852'],
    );
    // No chips for replies the markup states.
    expect(root.querySelector('rethread-chip')).toBeNull();
    reply.click();
    expect(clicked).toHaveBeenCalledTimes(1);
  });

  it('levels, expansion and stats follow the markup', () => {
    const { root, els, comments } = setup();
    view = mountThreads(root, comments, { labels });
    expect(root.getAttribute('role')).toBe('tree');
    expect(els.map((e) => e.getAttribute('aria-level'))).toEqual(['1', '2', '3', '2', '1', '2', '3', '1', '1', '2', '1', '1']);
    expect(els.map((e) => e.getAttribute('aria-expanded'))).toEqual([
      'true', 'true', null, null, 'true', 'true', null, null, 'true', null, null, null,
    ]);
    expect(shadowText(byId(1841).nextElementSibling)).toBe('3 replies');
    expect(shadowText(byId(1845).nextElementSibling)).toBe('2 replies');
    expect(view.stats()).toEqual({ comments: 12, threads: 3, linked: 0 });
  });

  it('keyboard walks the threaded order and respects collapsed threads', () => {
    const { root, els, comments } = setup();
    view = mountThreads(root, comments, { labels });
    (byId(1841) as HTMLElement).focus();
    const seen = [1841];
    for (let i = 0; i < 11; i++) {
      key(document.activeElement!, 'j');
      seen.push(Number(document.activeElement!.id.replace('comment-', '')));
    }
    expect(seen).toEqual([1841, 1842, 1843, 1844, 1845, 1846, 1847, 1848, 1849, 1850, 1851, 1852]);
    key(document.activeElement!, 'k');
    expect(document.activeElement).toBe(byId(1851));

    view.topLevelOnly();
    expect(els.map((e) => e.getAttribute('aria-expanded'))).toEqual([
      'false', 'true', null, null, 'false', 'true', null, null, 'false', null, null, null,
    ]);
    (byId(1841) as HTMLElement).focus();
    key(byId(1841), 'j');
    expect(document.activeElement).toBe(byId(1845));
    key(byId(1845), 'Enter');
    key(byId(1845), 'j');
    expect(document.activeElement).toBe(byId(1846));
    key(byId(1846), 'p');
    expect(document.activeElement).toBe(byId(1845));
    key(byId(1845), ' ');
    expect(byId(1845).getAttribute('aria-expanded')).toBe('false');
  });

  it('restores every reply into its own ol.children, exactly', () => {
    const { root, comments, originalRoot, originalDoc } = setup();
    view = mountThreads(root, comments, { labels });
    view.collapse('c4', true);
    view.setThreaded(false);
    expect(root.outerHTML).toBe(originalRoot);
    expect(byId(1843).parentElement!.closest('li')).toBe(byId(1842));
    view.setThreaded(true);
    expect(byId(1845).getAttribute('aria-expanded')).toBe('false');
    expect((groupAfter(byId(1845)) as HTMLElement).hidden).toBe(true);
    view.setThreaded(false);
    expect(root.outerHTML).toBe(originalRoot);
    view.setThreaded(true);
    view.destroy();
    expect(document.documentElement.outerHTML).toBe(originalDoc);
  });
});
