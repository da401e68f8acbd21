// The in-page thread view in real Chromium and Firefox with the built extension (npm run build:e2e): tree roles
// and levels, collapse and expand by click and keyboard, reply chips that jump to their parent, "original order"
// that gives back the site's exact DOM, comments that arrive after load, and a single-page app's in-app navigation
// (a new story, a new view). The pristine page to compare with is the same file served as "localhost", where the e2e
// build's content script does not run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { BROWSER_NAMES, type ExtensionBrowser, type PageHandle } from './browsers';
import { FIXTURE_PAGES_DIR, REPO_ROOT, startServer, type FixtureServer } from './server';
import { describeBrowser } from './suite';

interface Expected {
  comments: { author: string; parent: number | null }[];
  later?: { author: string; parent: number | null; loadedBy: string }[];
  /** spa-navigation: the story the page's router renders after "Next article". */
  next?: { path: string; comments: { author: string; parent: number | null }[] };
}
const expected = (page: string): Expected => JSON.parse(readFileSync(path.join(FIXTURE_PAGES_DIR, page.replace('.html', '.expected.json')), 'utf8'));

/** Each comment element as the view shows it: level, author (first author-ish text), expanded state. */
interface Shown {
  level: number;
  expanded: string | null;
  text: string;
}

async function ready(page: PageHandle): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.rethreadState === 'done' && document.querySelector('[role="treeitem"]'), { timeout: 15_000 });
  // The view lays out in batches after the state is set.
  await page.waitForFunction(() => document.querySelectorAll('[role="treeitem"]').length >= Number(document.documentElement.dataset.rethreadComments), { timeout: 10_000 });
}

const shown = (page: PageHandle): Promise<Shown[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('[role="treeitem"]')].map((el) => ({
      level: Number(el.getAttribute('aria-level')),
      expanded: el.getAttribute('aria-expanded'),
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 120),
    })),
  );

/** The page's <body> as the site made it (served as localhost, where the e2e build's content script does not run). */
async function pristine(browser: ExtensionBrowser, server: FixtureServer, file: string): Promise<string> {
  const page = await browser.openPage(server.url(file).replace('127.0.0.1', 'localhost'));
  try {
    return await page.evaluate(() => document.body.outerHTML);
  } finally {
    await page.close();
  }
}

/** The <body> without Rethread's bar (which stays in "original order" to switch back). */
const bodyWithoutBar = (page: PageHandle): Promise<string> =>
  page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.querySelector('rethread-bar')?.remove();
    return copy.outerHTML;
  });

/**
 * Waits until the story now on the page is threaded by one view: every comment of its list is a tree item, the status
 * on <html> counts exactly them, and the bar is there. It reads only the page, so it waits out the previous story's
 * view as well as the new view's batches.
 */
const storyThreaded = (page: PageHandle): Promise<void> =>
  page.waitForFunction(
    () => {
      const html = document.documentElement;
      const list = document.querySelector('.comment-list');
      if (!list) return false;
      const comments = list.querySelectorAll('.comment').length;
      const items = [...document.querySelectorAll('[role="treeitem"]')];
      return (
        html.dataset.rethreadState === 'done' &&
        html.dataset.rethreadComments === String(comments) &&
        items.length === comments &&
        items.every((el) => list.contains(el)) &&
        !!document.querySelector('rethread-bar')
      );
    },
    { timeout: 15_000 },
  );

/** What Rethread shows after an in-app navigation, and anything of its own it left outside the current comment list. */
const spaView = (page: PageHandle, before: string[]) =>
  page.evaluate((oldAuthors) => {
    const list = document.querySelector('.comment-list')!;
    const author = (el: Element | null) => el?.querySelector('.comment-author')?.textContent?.trim() ?? null;
    const ours =
      'rethread-replies, rethread-toggle, rethread-chip, rethread-fold, rethread-menu, [data-rethread-item], [data-rethread-filter], [data-rethread-highlight], [data-rethread-building], [role="tree"]';
    return {
      comments: document.documentElement.dataset.rethreadComments,
      items: [...document.querySelectorAll('[role="treeitem"]')].map((el) => {
        // A reply's group belongs to the comment whose aria-owns names it.
        const group = el.parentElement?.closest('rethread-replies');
        const owner = group ? document.querySelector(`[aria-owns~="${group.id}"]`) : null;
        return { who: author(el), level: Number(el.getAttribute('aria-level')), under: author(owner) };
      }),
      bars: document.querySelectorAll('rethread-bar').length,
      barBeforeList: document.querySelector('rethread-bar')?.nextElementSibling === list,
      trees: [...document.querySelectorAll('[role="tree"]')].map((el) => (el === list ? 'list' : el.tagName)),
      styles: document.querySelectorAll('style[data-rethread-style]').length,
      // Ours outside the current list: left over from the previous story's view.
      strays: [...document.querySelectorAll(ours)].filter((el) => !list.contains(el)).map((el) => el.tagName),
      // The previous story's comments, back on the page.
      stale: [...document.querySelectorAll('.comment-author')].map((el) => el.textContent?.trim() ?? '').filter((a) => oldAuthors.includes(a)),
    };
  }, before);

type Story = Expected['comments'];
const byWho = <T extends { who: string | null }>(items: T[]) => [...items].sort((a, b) => String(a.who).localeCompare(String(b.who)));

/**
 * After in-app navigation: the story on the page has one view (one tree, one bar, one stylesheet) showing its comments
 * at their levels under their parents, and nothing of the story before it is left. Returns the view's items.
 */
async function expectOneView(page: PageHandle, story: Story, before: Story) {
  await storyThreaded(page);
  const view = await spaView(page, [...new Set(before.map((c) => c.author))]);
  const depth = (i: number): number => (story[i]!.parent == null ? 1 : 1 + depth(story[i]!.parent!));
  const want = story.map((c, i) => ({ who: c.author, level: depth(i), under: c.parent == null ? null : story[c.parent]!.author }));
  expect(view.comments).toBe(String(story.length));
  expect(byWho(view.items)).toEqual(byWho(want));
  expect(view.bars).toBe(1);
  expect(view.barBeforeList).toBe(true);
  expect(view.trees).toEqual(['list']);
  expect(view.styles).toBe(1);
  expect(view.strays).toEqual([]);
  expect(view.stale).toEqual([]);
  return view.items;
}

for (const name of BROWSER_NAMES) {
  describeBrowser(name, `${name}: threads in the page`, (run) => {
    let server: FixtureServer;
    let browser: ExtensionBrowser;
    beforeAll(() => ({ server, browser } = run));

    it('seed page: replies under their parents, as a tree, with a chip back to the parent', async () => {
      const page = await browser.openPage(server.url('seed-der-farang.html'));
      try {
        await ready(page);
        const tree = await page.evaluate(() => document.querySelector('[role="tree"]')?.id ?? null);
        expect(tree).toBe('comment-list');
        const items = await shown(page);
        const level = (who: string) => items.find((i) => i.text.includes(who))?.level;
        expect(level('Jürgen Franke')).toBe(1);
        expect(level('Horst Flügge')).toBe(2);
        expect(level('michael von wob')).toBe(3);
        expect(level('Rolf W. Schwake')).toBe(1);
        expect(level('Laddawan Sukkon')).toBe(1);
        // Horst's reply sits right after Jürgen's comment, michael's right after Horst's.
        expect(items.map((i) => i.text.split(' ').slice(0, 2).join(' '))).toEqual(['Rolf W.', 'Jürgen Franke', 'Horst Flügge', 'michael von', 'Laddawan Sukkon']);
        expect(items.find((i) => i.text.includes('Jürgen Franke'))!.expanded).toBe('true');

        // The chip before michael's comment says whom it answers and jumps there.
        const jumped = await page.evaluate(() => {
          const chips = [...document.querySelectorAll('rethread-chip')];
          const chip = chips.find((c) => c.shadowRoot?.textContent?.includes('Horst Flügge'));
          chip?.shadowRoot?.querySelector('button')?.click();
          const active = document.activeElement;
          return { label: chip?.shadowRoot?.textContent ?? null, focused: active?.textContent?.includes('Ich denke') ?? false, highlighted: active?.hasAttribute('data-rethread-highlight') ?? false };
        });
        expect(jumped.label).toMatch(/Horst Flügge/);
        expect(jumped.focused).toBe(true);
        expect(jumped.highlighted).toBe(true);
        await page.evaluate(() => document.querySelector('rethread-bar')?.scrollIntoView());
        await page.saveScreenshot('threads-seed');
      } finally {
        await page.close();
      }
    });

    it('collapses and expands by click and by keyboard (j, k, p, Enter, Space)', async () => {
      const page = await browser.openPage(server.url('seed-der-farang.html'));
      try {
        await ready(page);
        const juergenHidden = () =>
          page.evaluate(() => {
            const horst = [...document.querySelectorAll('[role="treeitem"]')].find((e) => e.textContent?.includes('Horst Flügge'))!;
            return horst.closest('rethread-replies')?.hasAttribute('hidden') ?? false;
          });
        // Click the toggle after Jürgen's comment.
        await page.evaluate(() => {
          const juergen = [...document.querySelectorAll('[role="treeitem"]')].find((e) => e.textContent?.includes('Jürgen Franke'))!;
          (juergen.nextElementSibling as HTMLElement).shadowRoot!.querySelector('button')!.click();
        });
        expect(await juergenHidden()).toBe(true);
        expect(await page.evaluate(() => [...document.querySelectorAll('[role="treeitem"]')].find((e) => e.textContent?.includes('Jürgen Franke'))!.getAttribute('aria-expanded'))).toBe('false');
        // The collapsed thread shows its gist, made in the background: who replied, how many, about what, in the UI's language.
        await page.waitForFunction(
          () => {
            const juergen = [...document.querySelectorAll('[role="treeitem"]')].find((e) => e.textContent?.includes('Jürgen Franke'))!;
            return /Horst Flügge, michael von wob: 2 replies, about /.test(juergen.nextElementSibling?.shadowRoot?.querySelector('button')?.textContent ?? '');
          },
          { timeout: 15_000 },
        );
        await page.evaluate(() => document.querySelector('rethread-bar')?.scrollIntoView({ block: 'start' }));
        await page.saveScreenshot('threads-seed-collapsed');

        // Keyboard: focus Rolf (first), j -> Jürgen, Enter expands, j -> Horst, j -> michael, p -> Horst, Space collapses Horst.
        await page.evaluate(() => (document.querySelector('[role="treeitem"]') as HTMLElement).focus());
        const focused = () => page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 20));
        await page.keyboard.press('j');
        expect(await focused()).toMatch(/^Jürgen Franke/);
        await page.keyboard.press('Enter');
        expect(await juergenHidden()).toBe(false);
        await page.keyboard.press('j');
        expect(await focused()).toMatch(/^Horst Flügge/);
        await page.keyboard.press('j');
        expect(await focused()).toMatch(/^michael von wob/);
        await page.keyboard.press('p');
        expect(await focused()).toMatch(/^Horst Flügge/);
        await page.keyboard.press('k');
        expect(await focused()).toMatch(/^Jürgen Franke/);
        await page.keyboard.press('j');
        await page.keyboard.press(' ');
        const horstExpanded = await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'));
        expect(horstExpanded).toBe('false');
        // A visible focus ring: the focused comment has an outline.
        const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
        expect(outline).not.toBe('none');
      } finally {
        await page.close();
      }
    });

    for (const file of ['seed-der-farang.html', 'wordpress-nested.html', 'flat-mentions.html']) {
      it(`${file}: "Original order" gives back the site's exact page, and threads come back`, async () => {
        const page = await browser.openPage(server.url(file));
        try {
          await ready(page);
          const original = await pristine(browser, server, file);
          expect(original.length).toBeGreaterThan(1000);
          const clickSwitch = (label: 'threaded' | 'original') =>
            page.evaluate((which) => {
              const buttons = [...document.querySelector('rethread-bar')!.shadowRoot!.querySelectorAll('[role="radio"]')] as HTMLButtonElement[];
              buttons[which === 'threaded' ? 0 : 1]!.click();
            }, label);
          await clickSwitch('original');
          expect(await bodyWithoutBar(page)).toBe(original);
          await clickSwitch('threaded');
          await ready(page);
          expect((await shown(page)).some((i) => i.level > 1)).toBe(true);
          await clickSwitch('original');
          expect(await bodyWithoutBar(page)).toBe(original);
        } finally {
          await page.close();
        }
      });
    }

    it('wordpress-nested: keeps the site nesting as tree levels', async () => {
      const page = await browser.openPage(server.url('wordpress-nested.html'));
      try {
        await ready(page);
        const items = await shown(page);
        const exp = expected('wordpress-nested.html');
        const depth = (i: number): number => (exp.comments[i]!.parent == null ? 1 : 1 + depth(exp.comments[i]!.parent!));
        expect(items.map((i) => i.level).sort()).toEqual(exp.comments.map((_, i) => depth(i)).sort());
        expect(Math.max(...items.map((i) => i.level))).toBe(3);
        await page.saveScreenshot('threads-wordpress');
      } finally {
        await page.close();
      }
    });

    it('the bar\'s summary panel: figures, key points that lead to their comment', async () => {
      const page = await browser.openPage(server.url('flat-mentions.html'));
      try {
        await ready(page);
        const exp = expected('flat-mentions.html');
        await page.evaluate(() => {
          const bar = document.querySelector('rethread-bar')!.shadowRoot!;
          [...bar.querySelectorAll('button')].find((b) => b.hasAttribute('aria-expanded'))!.click();
        });
        await page.waitForFunction(() => !!document.querySelector('rethread-bar')?.shadowRoot?.querySelector('.points li'), { timeout: 15_000 });
        const panel = await page.evaluate(() => {
          const root = document.querySelector('rethread-bar')!.shadowRoot!;
          return { glance: root.querySelector('.glance')!.textContent!, points: root.querySelectorAll('.points li').length, terms: root.querySelectorAll('.term').length };
        });
        const authors = new Set(exp.comments.map((c) => c.author));
        expect(panel.glance).toContain(String(exp.comments.length));
        expect(panel.glance).toContain(String(authors.size));
        expect(panel.points).toBeGreaterThanOrEqual(3);
        expect(panel.terms).toBeGreaterThanOrEqual(3);
        // The first key point's source link scrolls to that comment and highlights it.
        const jumped = await page.evaluate(() => {
          const root = document.querySelector('rethread-bar')!.shadowRoot!;
          const link = root.querySelector('.points li .link') as HTMLButtonElement;
          const author = link.textContent;
          link.click();
          const active = document.activeElement;
          return { author, focusedHasAuthor: !!author && (active?.textContent ?? '').includes(author), highlighted: active?.hasAttribute('data-rethread-highlight') ?? false };
        });
        expect(jumped.focusedHasAuthor).toBe(true);
        expect(jumped.highlighted).toBe(true);
        await page.evaluate(() => document.querySelector('rethread-bar')!.scrollIntoView());
        await page.saveScreenshot('summary-panel');
      } finally {
        await page.close();
      }
    });

    it('hacker news (table rows): the site keeps its own threads; the bar counts them and its summary works', async () => {
      const adapters = await startServer({ root: path.join(REPO_ROOT, 'test/fixtures/adapters') });
      const page = await browser.openPage(adapters.url('hackernews.html'));
      try {
        await page.waitForFunction(() => document.documentElement.dataset.rethreadState === 'done' && !!document.querySelector('rethread-bar'), { timeout: 15_000 });
        const seen = await page.evaluate(() => {
          const bar = document.querySelector('rethread-bar')!.shadowRoot!;
          const visible = [...bar.querySelectorAll('button')].filter((b) => !b.hidden && !b.closest('[hidden]')).map((b) => b.textContent);
          return { rows: document.querySelectorAll('tr.athing.comtr').length, counts: bar.querySelector('.summary')!.textContent!, visible, trees: document.querySelectorAll('[role="tree"]').length };
        });
        expect(seen.trees).toBe(0); // nothing regrouped
        expect(seen.counts).toMatch(new RegExp(`^${seen.rows} comments · [1-9]\\d* threads?`));
        expect(seen.visible).toEqual(['Summary']);
        // The page is the site's own, but for the bar.
        const pristinePage = await browser.openPage(adapters.url('hackernews.html').replace('127.0.0.1', 'localhost'));
        const original = await pristinePage.evaluate(() => document.body.outerHTML);
        await pristinePage.close();
        expect(await bodyWithoutBar(page)).toBe(original);
        // The summary panel: figures of the site's threads, key points that scroll to their comment.
        await page.evaluate(() => (document.querySelector('rethread-bar')!.shadowRoot!.querySelector('button[aria-expanded]') as HTMLButtonElement).click());
        await page.waitForFunction(() => !!document.querySelector('rethread-bar')?.shadowRoot?.querySelector('.points li'), { timeout: 15_000 });
        expect(await page.evaluate(() => document.querySelector('rethread-bar')!.shadowRoot!.querySelector('.glance')!.textContent)).toContain(String(seen.rows));
      } finally {
        await page.close();
        await adapters.close();
      }
    });

    it('lazy-comments: comments that arrive later are threaded too', async () => {
      const page = await browser.openPage(server.url('lazy-comments.html'));
      try {
        await ready(page);
        const exp = expected('lazy-comments.html');
        const all = [...exp.comments, ...(exp.later ?? [])];
        // The page adds five after 300 ms and five more on "Load more".
        await page.waitForFunction(() => document.querySelectorAll('[role="treeitem"]').length >= 10, { timeout: 10_000 });
        await page.evaluate(() => (document.querySelector('button.load-more-comments') as HTMLButtonElement).click());
        await page.waitForFunction(() => document.querySelectorAll('[role="treeitem"]').length >= 15, { timeout: 10_000 });
        const levels = await page.evaluate(() =>
          [...document.querySelectorAll('[role="treeitem"]')].map((el) => ({ who: el.querySelector('.author')?.textContent?.trim(), level: Number(el.getAttribute('aria-level')) })),
        );
        const depth = (i: number): number => (all[i]!.parent == null ? 1 : 1 + depth(all[i]!.parent!));
        const want = all.map((c, i) => `${c.author}:${depth(i)}`).sort();
        expect(levels.map((l) => `${l.who}:${l.level}`).sort()).toEqual(want);
        expect(await page.evaluate(() => document.documentElement.dataset.rethreadComments)).toBe('15');
      } finally {
        await page.close();
      }
    });

    it('spa-navigation: after "Next article" (pushState, new story rendered in place) the new comments get a view of their own', async () => {
      const page = await browser.openPage(server.url('spa-navigation.html'));
      try {
        await ready(page);
        const exp = expected('spa-navigation.html');
        const next = exp.next!;
        expect(await page.evaluate(() => document.documentElement.dataset.rethreadComments)).toBe(String(exp.comments.length));

        // The app's router: pushState to the next story's path, the article and the comment list rendered anew.
        await page.click('a.story-next-link');
        expect(await page.evaluate(() => location.pathname)).toBe(next.path);
        const items = await expectOneView(page, next.comments, exp.comments);
        const reply = next.comments.find((c) => c.parent != null)!;
        expect(items.find((i) => i.who === reply.author)).toEqual({ who: reply.author, level: 2, under: next.comments[reply.parent!]!.author });

        // And back by the story's "Previous article" link (pushState again): one view of the first story's comments.
        await page.click('a.story-next-link');
        expect(await page.evaluate(() => location.pathname)).toBe('/spa-navigation.html');
        await expectOneView(page, exp.comments, next.comments);
      } finally {
        await page.close();
      }
    });

    it('spa-navigation: navigations in quick succession leave one view, of the story shown last', async () => {
      const page = await browser.openPage(server.url('spa-navigation.html'));
      try {
        await ready(page);
        const exp = expected('spa-navigation.html');
        // Next, Previous, Next in one task (a reader clicking through, a router redirecting): three location
        // changes, each long before a new view could start.
        await page.evaluate(() => {
          for (let i = 0; i < 3; i++) (document.querySelector('a.story-next-link') as HTMLAnchorElement).click();
        });
        expect(await page.evaluate(() => location.pathname)).toBe(exp.next!.path);
        await expectOneView(page, exp.next!.comments, exp.comments);
      } finally {
        await page.close();
      }
    });
  });
}
