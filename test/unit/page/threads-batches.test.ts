// @vitest-environment happy-dom
// 5,000 comments: the DOM work must come in bounded batches through the caller's scheduler (the content script
// yields between them), and the page must stay consistent whatever happens between batches.
import { afterEach, describe, expect, it } from 'vitest';
import { BATCH_SIZE, mountThreads, type ThreadView, type ViewComment } from '@/components/page/threads';
import { labels, loadHtml } from './helpers';

const N = 5000;

let root: Element;
let comments: ViewComment[];
let original: string;
let view: ThreadView | null = null;

function build(n: number): void {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`<div class="c" id="k${i}"><span>u${i % 97}</span><p>text ${i}</p></div>`);
  loadHtml(`<!doctype html><html><head></head><body><div id="list"></div></body></html>`);
  root = document.getElementById('list')!;
  root.innerHTML = parts.join('');
  const els = [...root.children];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  comments = els.map((element, i) => {
    const parent = i % 4 === 0 || i === 0 ? null : Math.floor(rnd() * i);
    return {
      element,
      id: `c${i}`,
      parent: parent == null ? null : `c${parent}`,
      evidence: parent == null ? 'none' : i % 3 ? 'mention' : 'markup',
      author: `u${i % 97}`,
      time: null,
      rank: i,
    };
  });
  original = root.outerHTML;
}

function recorder() {
  const jobs: (() => void)[] = [];
  return { jobs, schedule: (work: () => void) => void jobs.push(work) };
}

const shown = () => comments.reduce((n, c) => n + (c.element.hasAttribute('data-rethread-item') ? 1 : 0), 0);

describe('5,000 comments in batches', { timeout: 60_000 }, () => {
  afterEach(() => {
    view?.destroy();
    view = null;
  });

  it('splits the work into bounded batches and ends in the right structure', () => {
    build(N);
    const { jobs, schedule } = recorder();
    view = mountThreads(root, comments, { labels, schedule });
    expect(shown()).toBe(0); // nothing but the root is touched before the first batch
    expect(root.getAttribute('role')).toBe('tree');
    expect(jobs).toHaveLength(1);
    const sizes: number[] = [];
    while (jobs.length) {
      const before = shown();
      jobs.shift()!();
      sizes.push(shown() - before);
      expect(jobs.length).toBeLessThanOrEqual(1); // one batch in flight at a time
    }
    // The first batch builds the model (no DOM work), every other one lays out a bounded number of comments.
    expect(sizes[0]).toBe(0);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(N);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(BATCH_SIZE);
    expect(sizes.length).toBeGreaterThanOrEqual(1 + Math.ceil(N / BATCH_SIZE));
    expect(Math.min(...sizes.slice(1))).toBeGreaterThan(0);

    // Every reply sits in its parent's group, in rank order.
    for (const c of comments) {
      if (!c.parent) {
        expect(c.element.parentElement).toBe(root);
        continue;
      }
      const parentEl = comments[Number(c.parent.slice(1))]!.element;
      const group = parentEl.nextElementSibling!.nextElementSibling!;
      expect(c.element.parentElement).toBe(group);
    }
    const s = view.stats();
    expect(s.comments).toBe(N);
    view.setThreaded(false);
    expect(root.outerHTML).toBe(original);
  });

  it('stays consistent when the reader acts between batches', () => {
    build(1500);
    const { jobs, schedule } = recorder();
    view = mountThreads(root, comments, { labels, schedule });
    jobs.shift()!();
    jobs.shift()!();
    view.collapse('c1400', true); // not laid out yet: remembered
    view.collapseAll();
    view.expandAll();
    view.collapse('c4', true);
    view.setThreaded(false); // mid-way: exact restore, pending batches dropped
    expect(root.outerHTML).toBe(original);
    while (jobs.length) jobs.shift()!();
    expect(root.outerHTML).toBe(original);
    view.setThreaded(true);
    while (jobs.length) jobs.shift()!();
    expect(shown()).toBe(comments.length);
    expect(comments[4]!.element.getAttribute('aria-expanded')).toBe(comments.some((c) => c.parent === 'c4') ? 'false' : null);
    view.destroy();
    while (jobs.length) jobs.shift()!();
    expect(root.outerHTML).toBe(original);
    expect(document.head.querySelector('style')).toBeNull();
  });
});
