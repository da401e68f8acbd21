// @vitest-environment happy-dom
// The popup's Summary tab over a fake page: figures, key points with their comments, focusing a comment on the
// page, the loading / no comments / error states, English and German.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SummaryTab, type PageReadiness } from '@/components/summary/SummaryTab';
import type { CommentsReply } from '@/lib/messages';
import { byText, click, mount, settle, unmount, useLocale } from '../ui/helpers';
import { libraryDiscussion } from './discussion';
import { fakeSummaryApi, until } from './fakes';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

function render(api: ReturnType<typeof fakeSummaryApi>, page: PageReadiness = 'ready', tabId: number | null = 7) {
  return mount(<SummaryTab api={api} tabId={tabId} page={page} />);
}

async function rendered(api = fakeSummaryApi(libraryDiscussion())) {
  const root = render(api);
  await until(() => root.querySelector('.summary-tab')?.getAttribute('data-view') !== 'loading');
  return { root, api };
}

beforeEach(() => useLocale('en'));
afterEach(() => unmount());

describe('Summary tab: at a glance', () => {
  it('counts comments and participants, and gives the time span', async () => {
    const { root, api } = await rendered();
    expect(api.comments).toHaveBeenCalledWith(7);
    expect(root.querySelector('.summary-tab')?.getAttribute('data-view')).toBe('done');
    expect(text(root.querySelector('h2'))).toBe('At a glance');
    expect(text(root.querySelector('[data-figure="comments"]'))).toBe('12 comments');
    // Seven named authors; the anonymous comment is not a participant.
    expect(text(root.querySelector('[data-figure="participants"]'))).toBe('7 participants');
    expect(text(root.querySelector('.glance .span'))).toBe('Written from Mar 4, 08:15 to Mar 5, 07:50');
  });

  it('lists the authors who wrote more than once, each leading to their first comment', async () => {
    const { root, api } = await rendered();
    const people = [...root.querySelectorAll('.people .person')];
    expect(people.map(text)).toEqual(['Margaret Hale 2 comments', 'Tom Baxter 2 comments', 'Priya Nair 2 comments', 'Dave O’Neill 2 comments']);
    click(people[3]);
    expect(api.focus).toHaveBeenLastCalledWith(7, 'c3');
  });

  it('shows the longest threads and the most replied-to comments as links to them', async () => {
    const { root, api } = await rendered();
    const threads = [...root.querySelectorAll('[data-list="threads"] button')];
    expect(threads.map((b) => b.getAttribute('data-comment'))).toEqual(['c2', 'c0', 'c7']);
    expect(text(threads[0])).toMatch(/^Priya Nair 3 comments The council says the branch costs too much to run/);
    const replied = [...root.querySelectorAll('[data-list="replied"] button')];
    expect(replied.map((b) => b.getAttribute('data-comment'))).toEqual(['c0', 'c2', 'c3']);
    expect(text(replied[2])).toMatch(/^Dave O’Neill 1 reply Hi Priya/);
    click(threads[2]);
    expect(api.focus).toHaveBeenLastCalledWith(7, 'c7');
    // Headings name each list.
    expect([...root.querySelectorAll('.glance h3')].map(text)).toEqual(['Most active', 'Longest threads', 'Most replied to']);
  });
});

describe('Summary tab: key points', () => {
  it('shows each key point as the sentence from a comment, with its support count and source', async () => {
    const { root } = await rendered();
    expect(text(root.querySelector('.points h2'))).toBe('Key points');
    const points = [...root.querySelectorAll('.key-point')];
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(text(points[0]!.querySelector('blockquote'))).toBe('The council says the branch costs too much to run, but the building needs only a new roof.');
    expect(points[0]!.querySelector('blockquote')?.getAttribute('lang')).toBe('en');
    expect(text(points[0]!.querySelector('.kp-meta'))).toBe('— Priya Nair · 6 comments say this');
    expect(text(points[1]!.querySelector('blockquote'))).toBe('Closing the library takes away the homework club for children.');
    expect(text(points[1]!.querySelector('.kp-meta'))).toBe('— Susan Webb · 4 comments say this');
    // A point only one comment makes says so in the singular.
    expect(points.map((p) => text(p.querySelector('.kp-count')))).toContain('1 comment says this');
  });

  it('clicking a key point’s source asks the page to show that comment', async () => {
    const { root, api } = await rendered();
    const source = root.querySelector('.key-point .source')!;
    expect(source.tagName).toBe('BUTTON');
    expect(source.getAttribute('data-comment')).toBe('c2');
    click(source);
    expect(api.focus).toHaveBeenCalledTimes(1);
    expect(api.focus).toHaveBeenCalledWith(7, 'c2');
  });

  it('links the other supporting comments, three at first and the rest on request', async () => {
    const { root, api } = await rendered();
    const first = root.querySelector('.key-point')!;
    const also = () => [...first.querySelectorAll('.kp-also [data-comment]')];
    expect(also().map((b) => b.getAttribute('data-comment'))).toEqual(['c10', 'c7', 'c4']);
    expect(also().map(text)).toEqual(['Ana Lopes', 'Gareth Lewis', 'Priya Nair']);
    click(byText(first, '+2 more', 'button'));
    expect(also().map((b) => b.getAttribute('data-comment'))).toEqual(['c10', 'c7', 'c4', 'c3', 'c11']);
    click(also()[4]);
    expect(api.focus).toHaveBeenLastCalledWith(7, 'c11');
  });

  it('an anonymous source is named as such', async () => {
    const { root } = await rendered();
    const cake = [...root.querySelectorAll('.key-point')].find((p) => p.textContent?.includes('lemon drizzle'));
    expect(text(cake?.querySelector('.source'))).toBe('Anonymous');
  });

  it('shows the key terms as chips', async () => {
    const { root } = await rendered();
    const terms = [...root.querySelectorAll('.terms .term')].map(text);
    expect(terms.length).toBeGreaterThanOrEqual(5);
    expect(terms).toEqual(expect.arrayContaining(['homework club', 'roof repair', 'volunteers']));
    expect(root.querySelector('.terms')?.getAttribute('aria-labelledby')).toBe(root.querySelector('.points h3')?.id);
  });

  it('is the same for the same page', async () => {
    const a = (await rendered()).root.innerHTML;
    unmount();
    const b = (await rendered()).root.innerHTML;
    expect(b).toBe(a);
  });
});

describe('Summary tab: states', () => {
  it('loading: a spinner with a status text until the summary is there', async () => {
    let answer: (v: null) => void = () => {};
    const api = fakeSummaryApi(null);
    api.comments.mockImplementation(() => new Promise((r) => (answer = r)));
    const root = render(api);
    await settle();
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Summarising the comments on this computer…');
    expect(root.querySelector('.spinner')).not.toBeNull();
    expect(root.querySelector('.summary-tab')?.getAttribute('aria-busy')).toBe('true');
    answer(null);
    await settle();
  });

  it('waits while the page is still reading its comments, and asks nothing before', async () => {
    const api = fakeSummaryApi(libraryDiscussion());
    const root = render(api, 'waiting');
    await settle();
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Reading the comments…');
    expect(api.comments).not.toHaveBeenCalled();
    mount(<SummaryTab api={api} tabId={7} page="ready" />);
    await until(() => !!document.querySelector('.key-point'));
    expect(api.comments).toHaveBeenCalledTimes(1);
  });

  it('no comment section: says so, whether the page found none or handed out none', async () => {
    const cases: [PageReadiness, CommentsReply][] = [
      ['none', libraryDiscussion()],
      ['ready', { title: '', comments: [] }],
    ];
    for (const [page, reply] of cases) {
      const api = fakeSummaryApi(reply);
      const root = render(api, page);
      await until(() => root.querySelector('.summary-tab')?.getAttribute('data-view') !== 'loading');
      expect(text(root.querySelector('.lead'))).toBe('No comment section found on this page');
      expect(root.querySelector('.key-point')).toBeNull();
    }
    const root = render(fakeSummaryApi(libraryDiscussion()), 'ready', null);
    await settle();
    expect(text(root.querySelector('.lead'))).toBe('No comment section found on this page');
  });

  it('error: a page that does not answer, or a failure, is one plain sentence', async () => {
    let { root } = await rendered(fakeSummaryApi(null));
    expect(text(root.querySelector('[role="alert"]'))).toBe('The page did not hand over its comments. Reload it and try again.');
    const api = fakeSummaryApi(null);
    api.comments.mockRejectedValue(new Error('tab closed'));
    const warn = console.warn;
    console.warn = () => {};
    try {
      ({ root } = await rendered(api));
    } finally {
      console.warn = warn;
    }
    expect(text(root.querySelector('[role="alert"]'))).toBe('The summary could not be made: tab closed');
    root = render(fakeSummaryApi(libraryDiscussion()), 'error');
    await settle();
    expect(text(root.querySelector('.lead'))).toBe('Rethread ran into a problem on this page, so there is no summary.');
  });
});

describe('Summary tab in German', () => {
  it('speaks German', async () => {
    useLocale('de');
    const { root } = await rendered();
    expect([...root.querySelectorAll('h2')].map(text)).toEqual(['Auf einen Blick', 'Kernaussagen']);
    expect(text(root.querySelector('.figures'))).toBe('12 Kommentare · 7 Personen');
    expect(text(root.querySelector('.glance .span'))).toBe('Geschrieben vom 4. März, 08:15 bis 5. März, 07:50');
    expect(text(root.querySelector('.key-point .kp-meta'))).toBe('— Priya Nair · 6 Kommentare sagen das');
    expect(text(root.querySelector('.key-point .kp-also .more'))).toBe('+2 weitere');
  });
});
