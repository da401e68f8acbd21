// @vitest-environment happy-dom
// A flat, newest-first list whose replies are only linked from the text (der-farang: michael von wob answers Horst
// Flügge, who answers Jürgen Franke): replies move under their parents, chips lead back, and everything reverts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountThreads, type ThreadView, type ViewComment } from '@/components/page/threads';
import { key, labels, loadHtml, loadPage, loadSeed, shadowButton, shadowText, viewComments } from './helpers';

let root: Element;
let els: Element[];
let comments: ViewComment[];
let view: ThreadView;
let originalRoot: string;
let originalDoc: string;

function setup(): void {
  ({ root, els, comments, originalRoot, originalDoc } = loadSeed());
}

const [michael, horst, rolf, juergen, laddawan] = [0, 1, 2, 3, 4];

describe('thread view on a flat list with text-linked replies', () => {
  beforeEach(() => {
    setup();
  });
  afterEach(() => {
    view?.destroy();
    vi.useRealTimers();
  });

  it('moves replies under their parents, keeps top-level order and the very same elements', () => {
    const nameSpan = els[michael]!.querySelector('.comment-name')!;
    const clicked = vi.fn();
    nameSpan.addEventListener('click', clicked);
    view = mountThreads(root, comments, { labels });

    // Top-level comments keep the site's order and place; Jürgen's thread follows him.
    const children = [...root.children].map((e) => e.id || e.tagName.toLowerCase());
    expect(children).toEqual([
      'a',
      'comment-item-142071',
      'comment-item-142058',
      expect.stringMatching(/^rethread\d+-c3-t$/),
      expect.stringMatching(/^rethread\d+-c3-g$/),
      'comment-item-142049',
      expect.stringMatching(/pagination|div/),
    ]);
    const group = els[juergen]!.nextElementSibling!.nextElementSibling!;
    expect(group.tagName).toBe('RETHREAD-REPLIES');
    expect(group.getAttribute('role')).toBe('group');
    expect([...group.children].map((e) => e.tagName.toLowerCase())).toEqual([
      'rethread-chip',
      'div',
      'rethread-toggle',
      'rethread-replies',
    ]);
    // Identity: the site's own objects, moved, not copies.
    expect(group.children[1]).toBe(els[horst]);
    expect(group.children[3]!.children[1]).toBe(els[michael]);
    expect(document.getElementById('comment-item-142087')).toBe(els[michael]);
    expect(document.querySelectorAll('.comment-item')).toHaveLength(5);
    // Listeners attached by the site still fire.
    (nameSpan as HTMLElement).click();
    expect(clicked).toHaveBeenCalledTimes(1);
  });

  it('marks a tree with levels, expansion state and a roving tabindex', () => {
    view = mountThreads(root, comments, { labels });
    expect(root.getAttribute('role')).toBe('tree');
    const level = (i: number) => els[i]!.getAttribute('aria-level');
    expect([michael, horst, rolf, juergen, laddawan].map(level)).toEqual(['3', '2', '1', '1', '1']);
    for (const el of els) expect(el.getAttribute('role')).toBe('treeitem');
    expect(els[juergen]!.getAttribute('aria-expanded')).toBe('true');
    expect(els[horst]!.getAttribute('aria-expanded')).toBe('true');
    expect(els[rolf]!.hasAttribute('aria-expanded')).toBe(false);
    expect(els[michael]!.hasAttribute('aria-expanded')).toBe(false);
    // The first comment shown is the one Tab reaches.
    expect(els.map((e) => e.getAttribute('tabindex'))).toEqual(['-1', '-1', '0', '-1', '-1']);
    // The toggle and group belong to their comment for assistive technology.
    const owns = els[juergen]!.getAttribute('aria-owns')!.split(' ');
    expect(owns.map((id) => document.getElementById(id)?.tagName)).toEqual(['RETHREAD-TOGGLE', 'RETHREAD-REPLIES']);
  });

  it('shows chips for text-linked replies, with the parent author and time', () => {
    view = mountThreads(root, comments, { labels });
    const chipHorst = els[horst]!.previousElementSibling!;
    const chipMichael = els[michael]!.previousElementSibling!;
    expect(chipHorst.tagName).toBe('RETHREAD-CHIP');
    expect(shadowText(chipHorst)).toBe('↩ Jürgen Franke, 05.11. 17:40');
    expect(shadowText(chipMichael)).toBe('↩ Horst Flügge, 06.11. 08:10');
    expect(chipHorst.shadowRoot!.querySelector('style')).not.toBeNull();
    expect(view.stats()).toEqual({ comments: 5, threads: 1, linked: 2 });
  });

  it('toggles show the number of replies and collapse through the API and by click', () => {
    view = mountThreads(root, comments, { labels });
    const toggle = els[juergen]!.nextElementSibling!;
    const group = toggle.nextElementSibling as HTMLElement;
    expect(shadowText(toggle)).toBe('2 replies');
    expect(shadowButton(toggle)!.getAttribute('aria-expanded')).toBe('true');
    expect(shadowButton(toggle)!.getAttribute('aria-label')).toBe('Hide replies (2 replies)');
    expect(shadowText(els[horst]!.nextElementSibling)).toBe('1 reply');

    view.collapse('c3', true);
    expect(group.hidden).toBe(true);
    expect(els[juergen]!.getAttribute('aria-expanded')).toBe('false');
    expect(shadowButton(toggle)!.getAttribute('aria-expanded')).toBe('false');
    expect(shadowButton(toggle)!.getAttribute('aria-label')).toBe('Show replies (2 replies)');

    shadowButton(toggle)!.click(); // a click inside the shadow root reaches the host
    expect(group.hidden).toBe(false);
    expect(els[juergen]!.getAttribute('aria-expanded')).toBe('true');

    view.collapseAll();
    expect(group.hidden).toBe(true);
    expect((els[horst]!.nextElementSibling!.nextElementSibling as HTMLElement).hidden).toBe(true);
    view.expandAll();
    expect(group.hidden).toBe(false);
    view.topLevelOnly();
    expect(group.hidden).toBe(true);
    expect((els[horst]!.nextElementSibling!.nextElementSibling as HTMLElement).hidden).toBe(false);
    view.collapse('unknown', true); // ignored
  });

  it('a collapsed thread shows its gist, the open one its count; onCollapse once per burst', async () => {
    const onCollapse = vi.fn();
    view = mountThreads(root, comments, { labels, onCollapse });
    const toggle = els[juergen]!.nextElementSibling!;
    const gist = 'Jürgen Franke, Horst Flügge, michael von wob: 2 replies, about Front';
    view.setGists({ c3: gist, c2: 'no replies: never shown', constructor: 'not an id' });
    expect(shadowText(toggle)).toBe('2 replies'); // open: the count

    view.collapseAll();
    expect(shadowText(toggle)).toBe(gist);
    expect(shadowButton(toggle)!.title).toBe(`Show replies: ${gist}`);
    expect(shadowButton(toggle)!.getAttribute('aria-label')).toBe(`Show replies (${gist})`);
    // Only top-level threads have gists: Horst's one reply keeps its count.
    expect(shadowText(els[horst]!.nextElementSibling)).toBe('1 reply');
    await Promise.resolve();
    expect(onCollapse).toHaveBeenCalledTimes(1);

    view.expandAll();
    expect(shadowText(toggle)).toBe('2 replies');
    view.collapse('c3', true);
    expect(shadowText(toggle)).toBe(gist);
    view.setGists({});
    expect(shadowText(toggle)).toBe('2 replies');
  });

  it('a gist made for fewer replies than the thread now has is stale: the count shows', () => {
    view = mountThreads(root, comments.slice(1), { labels }); // without michael: Jürgen has 1 reply
    view.setGists({ c3: 'Horst Flügge: 1 reply' });
    view.collapse('c3', true);
    const toggle = els[juergen]!.nextElementSibling!;
    expect(shadowText(toggle)).toBe('Horst Flügge: 1 reply');
    view.add([comments[0]!]);
    expect(shadowText(toggle)).toBe('2 replies');
  });

  it('navigates with j / k / p and collapses with Enter and Space, moving the roving tabindex', () => {
    view = mountThreads(root, comments, { labels });
    const at = () => els.indexOf(document.activeElement as Element);
    (els[rolf] as HTMLElement).focus();
    expect(at()).toBe(rolf);

    const order: number[] = [];
    for (let i = 0; i < 5; i++) {
      key(document.activeElement!, 'j');
      order.push(at());
    }
    // Visible order: Rolf, Jürgen, Horst, michael, Laddawan; j stops at the last one.
    expect(order).toEqual([juergen, horst, michael, laddawan, laddawan]);
    expect(els[laddawan]!.getAttribute('tabindex')).toBe('0');
    expect(els.filter((e) => e.getAttribute('tabindex') === '0')).toHaveLength(1);

    key(document.activeElement!, 'k');
    expect(at()).toBe(michael);
    key(document.activeElement!, 'p');
    expect(at()).toBe(horst);
    key(document.activeElement!, 'p');
    expect(at()).toBe(juergen);

    const enter = key(els[juergen]!, 'Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(els[juergen]!.getAttribute('aria-expanded')).toBe('false');
    key(document.activeElement!, 'j');
    expect(at()).toBe(laddawan); // collapsed replies are skipped
    key(document.activeElement!, 'k');
    expect(at()).toBe(juergen);
    const space = key(els[juergen]!, ' ');
    expect(space.defaultPrevented).toBe(true); // Space does not scroll the page
    expect(els[juergen]!.getAttribute('aria-expanded')).toBe('true');
  });

  it('moves focus to the comment when its replies collapse around the focused one', () => {
    view = mountThreads(root, comments, { labels });
    (els[michael] as HTMLElement).focus();
    view.collapse('c3', true);
    expect(document.activeElement).toBe(els[juergen]);
  });

  it('leaves keys alone in inputs, with modifiers, and inside comments for Enter/Space', () => {
    view = mountThreads(root, comments, { labels });
    const input = document.createElement('input');
    els[rolf]!.append(input);
    input.focus();
    expect(key(input, 'j').defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(input);
    input.remove();
    const link = document.createElement('a');
    link.href = '#x';
    els[juergen]!.append(link);
    link.focus();
    expect(key(link, 'Enter').defaultPrevented).toBe(false);
    expect(els[juergen]!.getAttribute('aria-expanded')).toBe('true');
    // j from inside a comment goes to the next comment.
    key(link, 'j');
    expect(document.activeElement).toBe(els[horst]);
    link.remove();
    const e = new KeyboardEvent('keydown', { key: 'j', ctrlKey: true, bubbles: true, cancelable: true });
    els[horst]!.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(false);
  });

  it('after a mouse click into a comment, Space scrolls the page as before; Enter without replies is left alone', () => {
    view = mountThreads(root, comments, { labels });
    els[juergen]!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    (els[juergen] as HTMLElement).focus();
    expect(key(els[juergen]!, ' ').defaultPrevented).toBe(false);
    expect(els[juergen]!.getAttribute('aria-expanded')).toBe('true');
    // Keyboard focus: Space toggles again.
    key(els[juergen]!, 'k');
    key(document.activeElement!, 'j');
    expect(key(els[juergen]!, ' ').defaultPrevented).toBe(true);
    expect(els[juergen]!.getAttribute('aria-expanded')).toBe('false');
    (els[rolf] as HTMLElement).focus();
    expect(key(els[rolf]!, 'Enter').defaultPrevented).toBe(false);
    expect(key(els[rolf]!, ' ').defaultPrevented).toBe(true);
  });

  it('keeps the tab stop visible when the thread holding it collapses', () => {
    view = mountThreads(root, comments, { labels });
    (els[michael] as HTMLElement).focus();
    (els[rolf] as HTMLElement).focus();
    (els[michael] as HTMLElement).focus();
    (document.activeElement as HTMLElement).blur();
    expect(els[michael]!.getAttribute('tabindex')).toBe('0');
    view.collapse('c3', true);
    expect(els[juergen]!.getAttribute('tabindex')).toBe('0');
    expect(els[michael]!.getAttribute('tabindex')).toBe('-1');
  });

  it('j from a toggle goes on to the first reply', () => {
    view = mountThreads(root, comments, { labels });
    const toggle = els[juergen]!.nextElementSibling!;
    key(toggle, 'j');
    expect(document.activeElement).toBe(els[horst]);
  });

  it('does not bring back a comment the site removed while threaded', () => {
    view = mountThreads(root, comments, { labels });
    els[michael]!.remove();
    view.setThreaded(false);
    expect(els[michael]!.isConnected).toBe(false);
    expect(root.querySelectorAll('.comment-item')).toHaveLength(4);
    expect(root.innerHTML).not.toContain('rethread');
    expect(root.querySelector('[role], [tabindex], [aria-level]')).toBeNull();
  });

  it('a chip click scrolls to the parent, focuses and highlights it briefly', () => {
    vi.useFakeTimers();
    view = mountThreads(root, comments, { labels });
    const scroll = vi.fn();
    (els[juergen] as HTMLElement).scrollIntoView = scroll;
    (els[horst]!.previousElementSibling as HTMLElement).click();
    expect(scroll).toHaveBeenCalledWith({ behavior: 'smooth', block: 'center' });
    expect(els[juergen]!.hasAttribute('data-rethread-highlight')).toBe(true);
    expect(document.activeElement).toBe(els[juergen]);
    vi.advanceTimersByTime(1600);
    expect(els[juergen]!.hasAttribute('data-rethread-highlight')).toBe(false);

    // With reduced motion the jump is instant.
    const mm = window.matchMedia;
    window.matchMedia = ((q: string) => ({ matches: q.includes('reduce'), media: q }) as MediaQueryList) as typeof mm;
    try {
      const scrollHorst = vi.fn();
      (els[horst] as HTMLElement).scrollIntoView = scrollHorst;
      shadowButton(els[michael]!.previousElementSibling)!.click();
      expect(scrollHorst).toHaveBeenCalledWith({ behavior: 'auto', block: 'center' });
      expect(els[horst]!.hasAttribute('data-rethread-highlight')).toBe(true);
    } finally {
      window.matchMedia = mm;
    }
  });

  it('focus(id) reveals a comment inside collapsed threads', () => {
    view = mountThreads(root, comments, { labels });
    (els[michael] as HTMLElement).scrollIntoView = vi.fn();
    view.collapseAll();
    view.focus('c0');
    expect(els[juergen]!.getAttribute('aria-expanded')).toBe('true');
    expect(els[horst]!.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(els[michael]);
    expect(els[michael]!.getAttribute('tabindex')).toBe('0');
  });

  it('setThreaded(false) restores the section exactly, and collapse state survives the round trip', () => {
    view = mountThreads(root, comments, { labels });
    view.collapse('c1', true);
    (els[horst] as HTMLElement).focus();
    view.setThreaded(false);
    expect(view.threaded).toBe(false);
    expect(root.outerHTML).toBe(originalRoot);
    expect(els.every((e) => e.parentElement === root)).toBe(true);
    // No keyboard handling while off.
    expect(key(els[rolf]!, 'j').defaultPrevented).toBe(false);

    view.setThreaded(true);
    expect(view.threaded).toBe(true);
    expect(els[horst]!.getAttribute('aria-expanded')).toBe('false');
    expect((els[horst]!.nextElementSibling!.nextElementSibling as HTMLElement).hidden).toBe(true);
    expect(els[juergen]!.getAttribute('aria-expanded')).toBe('true');
    view.setThreaded(false);
    expect(root.outerHTML).toBe(originalRoot);
    view.setThreaded(true);
    expect(els[horst]!.parentElement!.tagName).toBe('RETHREAD-REPLIES');
  });

  it('destroy() leaves the whole document as before mount, style and listeners included', () => {
    const styles = document.head.querySelectorAll('style').length;
    view = mountThreads(root, comments, { labels });
    expect(document.head.querySelectorAll('style[data-rethread-style]')).toHaveLength(1);
    expect(document.head.querySelectorAll('style').length).toBe(styles + 1);
    view.collapse('c3', true);
    (els[horst]!.previousElementSibling as HTMLElement).click(); // highlight pending
    view.destroy();
    expect(document.documentElement.outerHTML).toBe(originalDoc);
    (els[rolf] as HTMLElement).focus();
    expect(key(els[rolf]!, 'j').defaultPrevented).toBe(false);
    view.setThreaded(true); // no effect after destroy
    expect(document.documentElement.outerHTML).toBe(originalDoc);
  });

  it('destroy() after setThreaded(false) and a focus() while off also restores exactly', () => {
    vi.useFakeTimers();
    view = mountThreads(root, comments, { labels });
    view.setThreaded(false);
    (els[juergen] as HTMLElement).scrollIntoView = vi.fn();
    view.focus('c3');
    expect(els[juergen]!.hasAttribute('data-rethread-highlight')).toBe(true);
    view.destroy();
    expect(document.documentElement.outerHTML).toBe(originalDoc);
  });

  it('keeps a pre-existing role and tabindex', () => {
    root.setAttribute('role', 'list');
    els[rolf]!.setAttribute('tabindex', '0');
    els[rolf]!.setAttribute('role', 'article');
    const before = document.documentElement.outerHTML;
    view = mountThreads(root, comments, { labels });
    expect(root.getAttribute('role')).toBe('tree');
    view.destroy();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('palette', () => {
  it('is light on the light der-farang page and dark on a dark page', () => {
    loadPage('seed-der-farang.html');
    const v1 = mountThreads(document.getElementById('comment-list')!, [], { labels });
    expect(document.querySelector('style[data-rethread-style]')!.getAttribute('data-theme')).toBe('light');
    v1.destroy();

    loadHtml(`<!doctype html><html><head><style>body{background:#111;color:#eee}</style></head><body>
      <section id="c"><div class="comment" id="a">A</div><div class="comment" id="b">@A no</div></section></body></html>`);
    const root = document.getElementById('c')!;
    const els = [...root.children];
    const v2 = mountThreads(root, viewComments(els, [{ parent: null }, { parent: 0, evidence: 'mention' }]), { labels });
    const style = document.querySelector('style[data-rethread-style]')!;
    expect(style.getAttribute('data-theme')).toBe('dark');
    // Only our own elements and attributes are targeted.
    const selectors = style.textContent!.replace(/@keyframes[^{]*\{[^}]*\{[^}]*\}\}/g, '').match(/(^|\})\s*([^{}@]+)\{/g)!;
    for (const s of selectors) expect(s).toMatch(/rethread-|\[data-rethread-/);
    v2.destroy();
  });
});
