// @vitest-environment happy-dom
// The whole popup over a fake page: status on open, starting Rethread, view commands, search, filters.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MARK_STATUS, Popup } from '@/components/popup/Popup';
import { byText, click, fakePopupApi, field, key, mount, pageStatus, settle, submit, type, unmount, useLocale } from './helpers';

beforeAll(() => useLocale('en'));
afterEach(() => {
  unmount();
  vi.useRealTimers();
});

describe('Popup', () => {
  it('shows the page’s status on open and marks the moment', async () => {
    performance.clearMarks();
    const { api } = fakePopupApi(pageStatus());
    const root = mount(<Popup api={api} />);
    await settle();
    expect(api.status).toHaveBeenCalledWith(7);
    expect(root.textContent).toContain('38 comments · 9 threads · 14 replies linked');
    expect(root.querySelector('.site')?.textContent).toBe('news.example.org');
    expect(performance.getEntriesByName(MARK_STATUS)).toHaveLength(1);
  });

  it('no content script: "Analyse this page once" runs it and waits for its report', async () => {
    let answer: ReturnType<typeof pageStatus> | null = null;
    const { api } = fakePopupApi(null);
    api.status.mockImplementation(async () => answer);
    api.runOnce.mockImplementation(async () => {
      answer = pageStatus({ comments: 5, threads: 3, linked: 2 });
    });
    const root = mount(<Popup api={api} />);
    await settle();
    expect(root.textContent).toContain('No comment section found on this page');
    click(byText(root, 'Analyse this page once', 'button'));
    expect(api.runOnce).toHaveBeenCalledWith(7);
    await settle();
    await settle(250);
    expect(root.textContent).toContain('5 comments · 3 threads · 2 replies linked');
  });

  it('"Analyse this page once" that cannot run says so plainly (the browser’s words go to the console)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { api } = fakePopupApi(null);
    api.runOnce.mockRejectedValue(new Error('Cannot access contents of the page. Extension manifest must request permission'));
    const root = mount(<Popup api={api} />);
    await settle();
    click(byText(root, 'Analyse this page once', 'button'));
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Rethread could not run on this page.');
    expect(byText(root, 'Analyse this page once', 'button')).toBeDefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('"Turn Rethread on for this site" asks within the click (permissions.request needs the user action)', async () => {
    const { api } = fakePopupApi(null);
    api.enableSite.mockResolvedValue(false);
    const root = mount(<Popup api={api} />);
    await settle();
    click(byText(root, 'Turn Rethread on for this site', 'button'));
    // Called synchronously inside the click handler, before anything was awaited.
    expect(api.enableSite).toHaveBeenCalledWith(expect.objectContaining({ id: 7, site: 'news.example.org' }));
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('The permission was not given; nothing changed.');
  });

  it('view: original order, back to threads, collapse all, expand all, top level only', async () => {
    const { api } = fakePopupApi(pageStatus());
    api.command.mockImplementation(async (_id, m) => pageStatus({ threaded: m.type === 'setThreaded' ? m.threaded : true }));
    const root = mount(<Popup api={api} />);
    await settle();
    click(field(root, 'Original order'));
    await settle();
    expect(api.command).toHaveBeenLastCalledWith(7, { type: 'setThreaded', threaded: false });
    // In the original order there are no threads to fold.
    expect(byText<HTMLButtonElement>(root, 'Collapse all', 'button')?.disabled).toBe(true);
    click(field(root, 'Threads'));
    await settle();
    expect(api.command).toHaveBeenLastCalledWith(7, { type: 'setThreaded', threaded: true });
    for (const [label, type] of [
      ['Collapse all', 'collapseAll'],
      ['Expand all', 'expandAll'],
      ['Top level only', 'topLevelOnly'],
    ] as const) {
      click(byText(root, label, 'button'));
      await settle();
      expect(api.command).toHaveBeenLastCalledWith(7, { type });
    }
  });

  it('"7 hidden by filters · show them" suspends the filters on the page, and turns them on again', async () => {
    const { api } = fakePopupApi(pageStatus({ filtered: 7 }));
    api.command.mockImplementation(async (_id, m) => pageStatus({ filtered: 7, suspended: m.type === 'suspendFilters' && m.suspended }));
    const root = mount(<Popup api={api} />);
    await settle();
    expect(root.querySelector('.notice')?.textContent).toBe('7 hidden by filters · show them');
    click(byText(root, 'show them', 'button'));
    await settle();
    expect(api.command).toHaveBeenLastCalledWith(7, { type: 'suspendFilters', suspended: true });
    expect(root.querySelector('.notice')?.textContent).toBe('Filters are off on this page · turn them on again');
    click(byText(root, 'turn them on again', 'button'));
    await settle();
    expect(api.command).toHaveBeenLastCalledWith(7, { type: 'suspendFilters', suspended: false });
  });

  it('search: typing jumps to the first match, Enter/Shift+Enter and the arrows step, "2 of 7"', async () => {
    vi.useFakeTimers();
    const { api } = fakePopupApi(pageStatus());
    let index = 0;
    api.search.mockImplementation(async (_id, _q, step) => {
      index = step === 0 ? 0 : (index + step + 7) % 7;
      return { total: 7, index };
    });
    const root = mount(<Popup api={api} />);
    await settle();
    const input = field(root, 'Search the comments');
    type(input, 'Tempo');
    await settle(200);
    expect(api.search).toHaveBeenLastCalledWith(7, 'Tempo', 0);
    expect(root.querySelector('.position')?.textContent).toBe('1 of 7');
    submit(input.form); // Enter
    await settle();
    expect(api.search).toHaveBeenLastCalledWith(7, 'Tempo', 1);
    expect(root.querySelector('.position')?.textContent).toBe('2 of 7');
    key(input, 'Enter', { shiftKey: true });
    await settle();
    expect(api.search).toHaveBeenLastCalledWith(7, 'Tempo', -1);
    click(root.querySelector('[aria-label="Previous match (Shift+Enter)"]'));
    await settle();
    expect(root.querySelector('.position')?.textContent).toBe('7 of 7');
    click(root.querySelector('[aria-label="Next match (Enter)"]'));
    await settle();
    expect(root.querySelector('.position')?.textContent).toBe('1 of 7');
  });

  it('search without matches says so; an emptied box shows nothing', async () => {
    vi.useFakeTimers();
    const { api } = fakePopupApi(pageStatus());
    api.search.mockResolvedValue({ total: 0, index: 0 });
    const root = mount(<Popup api={api} />);
    await settle();
    const input = field(root, 'Search the comments');
    type(input, 'nirgends');
    await settle(200);
    expect(root.querySelector('.position')?.textContent).toBe('No matches');
    type(input, '');
    await settle(200);
    expect(root.querySelector('.position')?.textContent).toBe('');
  });

  it('filters: muting an author and adding a keyword are stored; the page is asked for new counts', async () => {
    vi.useFakeTimers();
    const { api, store } = fakePopupApi(pageStatus());
    const root = mount(<Popup api={api} />);
    await settle();
    click(root.querySelector('summary'));
    type(field(root, 'Muted authors'), 'Horst Flügge');
    submit(field(root, 'Muted authors').form);
    await settle();
    expect(store.current.filters.muted).toEqual(['Horst Flügge']);
    type(field(root, 'Words, phrases or /regular expressions/'), 'Tempo 30');
    submit(field(root, 'Words, phrases or /regular expressions/').form);
    await settle();
    expect(store.current.filters.keywords).toEqual([{ pattern: 'Tempo 30', mode: 'hide' }]);
    expect(root.querySelector('summary')?.textContent).toContain('2 active');
    const asked = api.status.mock.calls.length;
    await settle(1100);
    expect(api.status.mock.calls.length).toBeGreaterThan(asked);
  });

  it('page reports that arrive by themselves update the counts', async () => {
    let push: (s: ReturnType<typeof pageStatus>) => void = () => {};
    const { api } = fakePopupApi(pageStatus());
    api.onStatus.mockImplementation((_id, listener) => {
      push = listener;
      return () => {};
    });
    const root = mount(<Popup api={api} />);
    await settle();
    push(pageStatus({ filtered: 3 }));
    await settle();
    expect(root.querySelector('.notice')?.textContent).toBe('3 hidden by filters · show them');
  });

  it('the settings button opens the options page', async () => {
    const { api } = fakePopupApi(pageStatus());
    const root = mount(<Popup api={api} />);
    await settle();
    click(root.querySelector('[aria-label="All settings"]'));
    expect(api.openOptions).toHaveBeenCalledWith();
  });
});
