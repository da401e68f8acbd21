// @vitest-environment happy-dom
// Lazy loading: comments that arrive after the view is up are threaded on their own, without touching what the
// reader already collapsed or expanded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountThreads, type ThreadView } from '@/components/page/threads';
import { labels, loadHtml, shadowText, viewComments } from './helpers';

let root: Element;
let view: ThreadView;
let originalRoot: string;

function comment(id: string, text: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'comment';
  el.id = id;
  el.innerHTML = `<b class="author">${id}</b><p>${text}</p><button class="vote">+1</button>`;
  return el;
}

const groupAfter = (el: Element) => el.nextElementSibling!.nextElementSibling as HTMLElement;
const toggleOf = (el: Element) => el.nextElementSibling!;

describe('add() for late comments', () => {
  beforeEach(() => {
    loadHtml(`<!doctype html><html><head></head><body><section id="comments">
      <div class="comment" id="a"><b>a</b><p>first</p></div>
      <div class="comment" id="b"><b>b</b><p>@a yes</p></div>
      <div class="comment" id="c"><b>c</b><p>another topic</p></div>
      <div class="comment" id="d"><b>d</b><p>@c no</p></div>
      <button id="more">Load more</button>
    </section></body></html>`);
    root = document.getElementById('comments')!;
    originalRoot = root.outerHTML;
    const els = [...root.querySelectorAll('.comment')];
    view = mountThreads(
      root,
      viewComments(els, [
        { parent: null, author: 'a' },
        { parent: 0, evidence: 'mention', author: 'b', rank: 2 },
        { parent: null, author: 'c', rank: 1 },
        { parent: 2, evidence: 'mention', author: 'd' },
      ]),
      { labels },
    );
  });
  afterEach(() => view?.destroy());

  it('threads late top-level comments and replies to old and to each other; collapse state is untouched', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => document.getElementById(id)!);
    view.collapse('c0', true);
    expect(shadowText(toggleOf(a!))).toBe('1 reply');

    // The site appends a page of comments before its "Load more" button.
    const more = document.getElementById('more')!;
    const late = ['e', 'f', 'g', 'h', 'i'].map((id) => comment(id, id));
    for (const el of late) root.insertBefore(el, more);
    const [e, f, g, h, i] = late;
    const vote = f!.querySelector('button')!;
    let votes = 0;
    vote.addEventListener('click', () => votes++);
    // What the site's section looks like now, without the view: the original plus the late comments.
    const expected = document.createElement('div');
    expected.innerHTML = originalRoot;
    const section = expected.firstElementChild!;
    for (const el of late) section.insertBefore(el.cloneNode(true), section.querySelector('#more'));
    const snapshot = section.outerHTML;

    // Listed child-first on purpose: h answers g, which answers the new top-level e.
    view.add(
      viewComments(
        late,
        [
          { parent: null, author: 'e', rank: 10 },
          { parent: 0, evidence: 'mention', author: 'f', rank: 1 }, // older than b: goes before it
          { parent: 4, evidence: 'quote', author: 'g', rank: 12 },
          { parent: 6, evidence: 'markup', author: 'h', rank: 13 },
          { parent: 3, evidence: 'mention', author: 'i', rank: 14 }, // d had no replies yet
        ],
        4,
      ),
    );

    // a stays collapsed, its count updates, and f sits before b (oldest first).
    expect(a!.getAttribute('aria-expanded')).toBe('false');
    expect(groupAfter(a!).hidden).toBe(true);
    expect(shadowText(toggleOf(a!))).toBe('2 replies');
    expect([...groupAfter(a!).children].filter((x) => x.classList.contains('comment'))).toEqual([f, b]);
    // c stays expanded; d gets a group for i; e is top-level in place with g and h below.
    expect(c!.getAttribute('aria-expanded')).toBe('true');
    expect(shadowText(toggleOf(c!))).toBe('2 replies');
    expect(d!.getAttribute('aria-expanded')).toBe('true');
    expect(groupAfter(d!).contains(i!)).toBe(true);
    expect(i!.getAttribute('aria-level')).toBe('3');
    expect(e!.parentElement).toBe(root);
    expect(e!.getAttribute('aria-level')).toBe('1');
    expect(groupAfter(e!).children[1]).toBe(g);
    expect(g!.getAttribute('aria-level')).toBe('2');
    expect(h!.getAttribute('aria-level')).toBe('3');
    expect(groupAfter(g!).children[0]).toBe(h); // markup: no chip
    expect(g!.previousElementSibling!.tagName).toBe('RETHREAD-CHIP');
    expect(shadowText(g!.previousElementSibling)).toBe('↩ e');
    expect(view.stats()).toEqual({ comments: 9, threads: 3, linked: 5 });

    vote.click();
    expect(votes).toBe(1);

    // Off restores the section as the site left it (late comments included).
    view.setThreaded(false);
    expect(root.outerHTML).toBe(snapshot);
    view.setThreaded(true);
    expect(a!.getAttribute('aria-expanded')).toBe('false');
    expect([...groupAfter(a!).children].filter((x) => x.classList.contains('comment'))).toEqual([f, b]);
    view.setThreaded(false);
    expect(root.outerHTML).toBe(snapshot);
  });

  it('comments added while the view is off are threaded when it comes back', () => {
    view.setThreaded(false);
    const el = comment('x', '@b right');
    root.append(el);
    view.add(viewComments([el], [{ parent: 1, evidence: 'mention', author: 'x' }], 4));
    expect(el.hasAttribute('role')).toBe(false);
    view.setThreaded(true);
    expect(el.getAttribute('aria-level')).toBe('3');
    expect(groupAfter(document.getElementById('b')!).contains(el)).toBe(true);
  });

  it('ignores duplicates and unknown parents, and cuts cycles', () => {
    const x = comment('x', 'x');
    const y = comment('y', 'y');
    const z = comment('z', 'z');
    root.append(x, y, z);
    const a = document.getElementById('a')!;
    view.add([
      { element: a, id: 'c99', parent: null, evidence: 'none', author: null, time: null, rank: 0 },
      { element: x, id: 'c4', parent: 'c5', evidence: 'mention', author: 'x', time: null, rank: 4 },
      { element: y, id: 'c5', parent: 'c4', evidence: 'mention', author: 'y', time: null, rank: 5 },
      { element: z, id: 'c6', parent: 'nope', evidence: 'mention', author: 'z', time: null, rank: 6 },
    ]);
    expect(view.stats().comments).toBe(7);
    expect(z.getAttribute('aria-level')).toBe('1');
    const levels = [x, y].map((e) => e.getAttribute('aria-level')).sort();
    expect(levels).toEqual(['1', '2']);
  });
});
