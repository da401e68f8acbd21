// @vitest-environment happy-dom
// The popup's status panel in every state the page (or its absence) can be in.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { StatusPanel, type StatusPanelProps } from '@/components/popup/StatusPanel';
import { byText, click, mount, pageStatus, useLocale } from './helpers';

beforeAll(() => useLocale('en'));

const tab = { id: 3, url: 'https://news.example.org/a', site: 'news.example.org', web: true };

function show(props: Partial<StatusPanelProps>) {
  const handlers = { onAnalyse: vi.fn(), onEnable: vi.fn(), onWriteRule: vi.fn() };
  const root = mount(<StatusPanel phase="ready" tab={tab} status={null} problem={null} {...handlers} {...props} />);
  return { root, text: root.textContent ?? '', ...handlers };
}

describe('StatusPanel', () => {
  it('loading: says it is looking', () => {
    expect(show({ phase: 'loading' }).text).toBe('Looking at this page…');
  });

  it('done: counts, who read the page, unresolved mentions, new and highlighted comments', () => {
    const { text } = show({ status: pageStatus({ unresolved: 3, fresh: 4, highlighted: 1 }) });
    expect(text).toContain('38 comments · 9 threads · 14 replies linked');
    expect(text).toContain('Read by generic detection');
    expect(text).toContain('3 mentions of people with no earlier comment');
    expect(text).toContain('4 new since your last visit');
    expect(text).toContain('1 highlighted');
  });

  it('done: singular forms and the adapter or rule that read the page', () => {
    expect(show({ status: pageStatus({ comments: 1, threads: 1, linked: 1, unresolved: 1 }) }).text).toContain(
      '1 comment · 1 thread · 1 reply linked',
    );
    expect(show({ status: pageStatus({ site: 'hackernews' }) }).text).toContain('Read by the Hacker News adapter');
    expect(show({ status: pageStatus({ site: 'rule:example.org' }) }).text).toContain('Read by your rule for example.org');
  });

  it('done without unresolved mentions: no facts line', () => {
    const { root } = show({ status: pageStatus() });
    expect(root.querySelector('.facts')).toBeNull();
  });

  it('running (and just started): a busy line', () => {
    expect(show({ status: pageStatus({ state: 'running' }) }).text).toBe('Reading the comments…');
    expect(show({ phase: 'analysing' }).text).toBe('Reading the comments…');
  });

  it('no content script: "No comment section found" with both ways to start', () => {
    const { root, text, onAnalyse, onEnable } = show({ phase: 'absent' });
    expect(text).toContain('No comment section found on this page');
    click(byText(root, 'Analyse this page once', 'button'));
    expect(onAnalyse).toHaveBeenCalledOnce();
    click(byText(root, 'Turn Rethread on for this site', 'button'));
    expect(onEnable).toHaveBeenCalledOnce();
  });

  it('no content script and an address the extension cannot see: no "turn on for this site"', () => {
    const { root } = show({ phase: 'absent', tab: { id: 3, site: null, web: true } });
    expect(byText(root, 'Analyse this page once', 'button')).toBeDefined();
    expect(byText(root, 'Turn Rethread on for this site', 'button')).toBeUndefined();
  });

  it('state none: "No comment section found" and a way to write a site rule', () => {
    const { root, text, onWriteRule } = show({ status: pageStatus({ state: 'none', comments: 0 }) });
    expect(text).toContain('No comment section found on this page');
    click(byText(root, 'Tell Rethread where they are', 'button'));
    expect(onWriteRule).toHaveBeenCalledOnce();
  });

  it('unsure: says what it found and that it did not change the page', () => {
    const { text } = show({ status: pageStatus({ state: 'unsure', comments: 12 }) });
    expect(text).toContain('Found what may be 12 comments, but not surely enough to change the page.');
  });

  it('error: the content script’s error, plainly', () => {
    const { root, text } = show({ status: pageStatus({ state: 'error', error: 'Cannot read properties of null' }) });
    expect(text).toContain('Rethread ran into a problem on this page:');
    expect(root.querySelector('.error-detail')?.textContent).toBe('Cannot read properties of null');
  });

  it('unsupported page (browser pages, stores)', () => {
    expect(show({ phase: 'unsupported', tab: null }).text).toBe('Rethread works on web pages only, not on browser or store pages.');
  });

  it('a problem of the popup (permission refused) is announced', () => {
    const { root } = show({ phase: 'absent', problem: 'The permission was not given; nothing changed.' });
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('The permission was not given; nothing changed.');
  });
});
