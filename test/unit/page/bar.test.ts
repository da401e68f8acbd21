// @vitest-environment happy-dom
// The bar's view buttons: usable in the threaded view when there is something to fold, disabled otherwise.
import { describe, expect, it, vi } from 'vitest';
import { mountBar, type BarLabels } from '@/components/bar';

const labels: BarLabels = {
  region: 'Rethread',
  counts: (s) => `${s.comments} comments · ${s.threads} threads · ${s.linked} linked`,
  collapseAll: 'Collapse all',
  expandAll: 'Expand all',
  topLevelOnly: 'Top level only',
  threaded: 'Threads',
  original: 'Original order',
  summary: 'Summary',
};

function setup() {
  document.body.innerHTML = '<div id="list"></div>';
  const actions = { collapseAll: vi.fn(), expandAll: vi.fn(), topLevelOnly: vi.fn(), setThreaded: vi.fn(), summary: vi.fn() };
  const bar = mountBar(document.getElementById('list')!, labels, actions, false);
  const buttons = (names: string[]) => [...bar.host.shadowRoot!.querySelectorAll('button')].filter((b) => names.includes(b.textContent ?? ''));
  return { bar, buttons };
}

describe('bar', () => {
  const fold = ['Collapse all', 'Expand all', 'Top level only'];

  it('enables collapse, expand and top level only where threads have replies', () => {
    const { bar, buttons } = setup();
    bar.update({ stats: { comments: 5, threads: 1, linked: 2 }, threaded: true });
    expect(buttons(fold).map((b) => b.disabled)).toEqual([false, false, false]);
    expect(bar.host.shadowRoot!.textContent).toContain('5 comments · 1 threads · 2 linked');
  });

  it('disables them without any reply, and in the original order', () => {
    const { bar, buttons } = setup();
    bar.update({ stats: { comments: 6, threads: 0, linked: 0 }, threaded: true });
    expect(buttons(fold).map((b) => b.disabled)).toEqual([true, true, true]);
    bar.update({ stats: { comments: 5, threads: 1, linked: 2 }, threaded: false });
    expect(buttons(fold).map((b) => b.disabled)).toEqual([true, true, true]);
    expect(buttons(['Summary', 'Threads', 'Original order']).every((b) => !b.disabled)).toBe(true);
  });
});

describe('bar over the site\'s own threads', () => {
  it('shows counts and the summary, without view controls', () => {
    const { bar, buttons } = setup();
    bar.update({ stats: { comments: 100, threads: 12, linked: 0 }, threaded: true, viewControls: false });
    expect(buttons(['Collapse all', 'Expand all', 'Top level only']).every((b) => b.hidden)).toBe(true);
    expect(bar.host.shadowRoot!.querySelector('.switch')!.hasAttribute('hidden')).toBe(true);
    expect(buttons(['Summary'])[0]!.hidden).toBe(false);
    expect(bar.host.shadowRoot!.textContent).toContain('100 comments · 12 threads');
  });
});
