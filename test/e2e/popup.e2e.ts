// The popup and the options page in real browsers, against what the PAGE shows. The e2e build (npm run build:e2e)
// runs the content script on 127.0.0.1; the popup is opened as a tab of its own (popup.html?tab=<id> names the
// article's tab, since a page opened by the test is the active tab itself) and driven like a reader would: it
// mutes an author, adds a keyword, searches, collapses, switches to the original order; after each step the test
// checks the article page itself, then reloads it and checks that the settings survived.
// The Summary tab is opened on two fixtures: its figures against the fixture's .expected.json, its key points, and
// a key point's source link, which must scroll the PAGE to the comment the sentence comes from.
// Screenshots: .output/screenshots/<browser>-popup*.png and <browser>-options.png (cropped to the popup's size).
// Run with `npm run build:e2e && npx vitest run -c vitest.e2e.config.ts test/e2e/popup.e2e.ts`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_NAMES, foreignRequests, type PageHandle } from './browsers';
import { FIXTURE_PAGES_DIR } from './server';
import { describeBrowser } from './suite';

/** How long the content script may take to analyse a page. */
const DONE_TIMEOUT = 15_000;
/** How long the page may take to apply a change (filters arrive through storage, commands through messages). */
const APPLY_TIMEOUT = 5_000;
/** The popup must show the page's status this fast (ms from its document parsed to the status mark; see the test). */
const OPEN_BUDGET_MS = 100;
/** Times the popup is opened to measure it (the first one is cold). */
const OPENS = 5;

// ---------------------------------------------------------------------------------------------------------------
// Fixtures

/** Ids of the elements matching `pattern` in the order the fixture file lists them (= the site's own order). */
function fixtureIds(file: string, pattern: RegExp): string[] {
  const html = readFileSync(path.join(FIXTURE_PAGES_DIR, file), 'utf8');
  return [...html.matchAll(pattern)].map((m) => m[1]!);
}

const SEED = 'seed-der-farang.html';
const SEED_ORDER = fixtureIds(SEED, /<div class="result-item comment-item" id="(comment-item-\d+)"/g);
/** The seed's threads: Jürgen Franke <- Horst Flügge ("J. Franke 5.11. 17.40") <- michael von wob ("@ Horst"). */
const SEED_COUNTS = '5 comments · 1 thread · 2 replies linked';
const WORDPRESS = 'wordpress-nested.html';
const WORDPRESS_ORDER = fixtureIds(WORDPRESS, /<li id="(comment-\d+)"/g);

/** What the fixture's .expected.json says: its comments and their authors. */
function expectedOf(file: string): { comments: number; participants: number } {
  const json = JSON.parse(readFileSync(path.join(FIXTURE_PAGES_DIR, file.replace(/\.html$/, '.expected.json')), 'utf8')) as { comments: { author: string | null }[] };
  return { comments: json.comments.length, participants: new Set(json.comments.map((c) => c.author).filter(Boolean)).size };
}

/** Words of single comments of the seed page (each inside one text node). */
const HORST = 'wer an der Front unter Beschuss steht'; // Horst Flügge, answered by michael von wob
const MICHAEL = 'Man will nur überleben'; // michael von wob, a reply to Horst
const LADDAWAN = 'Brot und Spiele'; // Laddawan Sukkon
const JUERGEN = 'liefert die Propaganda'; // Jürgen Franke, top level, answered by Horst
const TOM = 'slug numbers went up'; // wordpress: Tom Brereton, a reply to Denise
const DENISE_TO_TOM = 'We dug a little'; // wordpress: Denise Holloway's answer to Tom

// ---------------------------------------------------------------------------------------------------------------
// The page side (functions run in the page: they may only use their argument)

type Shown = 'shown' | 'hidden' | 'absent';

/** Whether text is rendered on the page: "hidden" when every node holding it is invisible, "absent" when none has it. */
const textShown = (page: PageHandle, text: string): Promise<Shown> =>
  page.evaluate((s: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let found = false;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.nodeValue?.includes(s)) continue;
      found = true;
      const el = n.parentElement as (HTMLElement & { checkVisibility(o?: object): boolean }) | null;
      if (el && el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return 'shown' as const;
    }
    return found ? ('hidden' as const) : ('absent' as const);
  }, text);

interface PageView {
  state: string | null;
  /** Ids of the comment elements in document order. */
  order: string[];
  /** Our reply groups in the page (0 in the original order). */
  groups: number;
  /** Items we marked (0 in the original order). */
  items: number;
  /** aria-expanded of every comment that has replies. */
  expanded: string[];
  /** aria-expanded of the top-level comments that have replies (aria-level 1). */
  topExpanded: string[];
  /** The comment elements that are visible. */
  visible: string[];
}

const readView = (page: PageHandle, selector: string): Promise<PageView> =>
  page.evaluate((sel: string) => {
    const comments = [...document.querySelectorAll<HTMLElement>(sel)];
    return {
      state: document.documentElement.getAttribute('data-rethread-state'),
      order: comments.map((c) => c.id),
      groups: document.querySelectorAll('rethread-replies').length,
      items: document.querySelectorAll('[data-rethread-item]').length,
      expanded: comments.filter((c) => c.hasAttribute('aria-expanded')).map((c) => c.getAttribute('aria-expanded')!),
      topExpanded: comments
        .filter((c) => c.hasAttribute('aria-expanded') && c.getAttribute('aria-level') === '1')
        .map((c) => c.getAttribute('aria-expanded')!),
      visible: comments.filter((c) => (c as HTMLElement & { checkVisibility(): boolean }).checkVisibility()).map((c) => c.id),
    };
  }, selector);

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = APPLY_TIMEOUT): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

async function waitForDone(page: PageHandle): Promise<void> {
  await page
    .waitForFunction(() => document.documentElement.getAttribute('data-rethread-state') === 'done', { timeout: DONE_TIMEOUT })
    .catch(() => {});
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-rethread-state'))).toBe('done');
}

// ---------------------------------------------------------------------------------------------------------------
// The extension side

/** Runs in an extension page: the WebExtension namespace of either browser. */
interface ExtApi {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(id: number, m: unknown): Promise<{ comments?: number } | undefined>;
  };
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; clear(): Promise<void> } };
}

/** The id of the tab showing a page with `comments` comments: the active one (brought to front), else any. */
async function tabIdOf(ext: PageHandle, article: PageHandle, comments: number): Promise<number> {
  await article.bringToFront();
  const id = await ext.evaluate(async (n: number) => {
    const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as ExtApi;
    const tabs = [...(await api.tabs.query({ active: true, currentWindow: true })), ...(await api.tabs.query({}))];
    for (const tab of tabs) {
      if (tab.id == null) continue;
      const status = await api.tabs.sendMessage(tab.id, { type: 'getStatus' }).catch(() => undefined);
      if (status?.comments === n) return tab.id;
    }
    return null;
  }, comments);
  if (id == null) throw new Error(`no tab answered getStatus with ${comments} comments`);
  return id;
}

const storedSettings = (ext: PageHandle) =>
  ext.evaluate(async () => {
    const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as ExtApi;
    return (await api.storage.local.get('settings')).settings as
      | { filters: { muted: string[]; keywords: { pattern: string; mode: string }[]; muteReplies: boolean } }
      | undefined;
  });

const clearSettings = (ext: PageHandle) =>
  ext.evaluate(async () => {
    const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as ExtApi;
    await api.storage.local.clear();
  });

interface OpenTiming {
  /** ms from navigation start to the status shown (the popup's own performance mark). */
  shown: number;
  /** The same to the document parsed, to the scripts evaluated, and to the page's answer. */
  parsed: number;
  scripts: number;
  answer: number;
}

/**
 * Loads an extension page anew and waits until the new document has shown a status. (Firefox's goto() returns as
 * soon as the address matches, which the old document of the same page already does: it is marked first.)
 */
async function reload(page: PageHandle, url: string): Promise<void> {
  await page.evaluate(() => void ((window as { stale?: boolean }).stale = true)).catch(() => {});
  await page.goto(url);
  await page.waitForFunction(
    () => !(window as { stale?: boolean }).stale && performance.getEntriesByName('rethread:status-shown').length > 0,
    { timeout: 10_000 },
  );
}

/** Opens popup.html for a tab and measures how long it took to show the page's status. */
async function openPopup(popup: PageHandle, origin: string, tabId: number): Promise<OpenTiming> {
  await reload(popup, `${origin}/popup.html?tab=${tabId}`);
  return popup.evaluate(() => {
    const at = (name: string) => Math.round((performance.getEntriesByName(name)[0]?.startTime ?? NaN) * 10) / 10;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { shown: at('rethread:status-shown'), parsed: Math.round(nav?.domInteractive ?? NaN), scripts: at('rethread:main'), answer: at('rethread:answer') };
  });
}

const text = (page: PageHandle, selector: string) =>
  page.evaluate((sel: string) => document.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, selector);

async function typeInto(page: PageHandle, selector: string, value: string, enter = true): Promise<void> {
  await page.click(selector);
  await page.keyboard.type(value);
  if (enter) await page.keyboard.press('Enter');
}

async function openFilters(popup: PageHandle): Promise<void> {
  const open = await popup.evaluate(() => (document.querySelector('details.filters') as HTMLDetailsElement | null)?.open ?? false);
  if (!open) await popup.click('details.filters > summary');
}

// ---------------------------------------------------------------------------------------------------------------
// Screenshots, cropped to what a reader sees (the popup is 360 px wide; the browser window is 1280)

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf: Buffer): number {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Crops an 8-bit RGB/RGBA PNG to its top-left width x height (the harness saves whole viewports). */
function cropPng(file: string, width: number, height: number): void {
  const png = readFileSync(file);
  let pos = 8;
  let ihdr: Buffer | null = null;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') ihdr = data;
    else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  if (!ihdr) throw new Error(`${file}: no IHDR`);
  const [w, h, depth, color, , , interlace] = [ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9], 0, 0, ihdr[12]];
  if (depth !== 8 || (color !== 2 && color !== 6) || interlace) return; // not a form we crop: keep it whole
  const bpp = color === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = w * bpp;
  const out = Buffer.alloc(h * stride);
  // Undo the scanline filters.
  for (let y = 0; y < h; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = out.subarray(y * stride, (y + 1) * stride);
    const prev = y ? out.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? cur[x - bpp]! : 0;
      const b = prev[x]!;
      const c = x >= bpp ? prev[x - bpp]! : 0;
      let v = line[x]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[x] = v & 0xff;
    }
  }
  const cw = Math.min(width, w);
  const ch = Math.min(height, h);
  const cropped = Buffer.alloc(ch * (cw * bpp + 1));
  for (let y = 0; y < ch; y++) out.copy(cropped, y * (cw * bpp + 1) + 1, y * stride, y * stride + cw * bpp);
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.from(ihdr);
  header.writeUInt32BE(cw, 0);
  header.writeUInt32BE(ch, 4);
  writeFileSync(file, Buffer.concat([png.subarray(0, 8), chunk('IHDR', header), chunk('IDAT', deflateSync(cropped)), chunk('IEND', Buffer.alloc(0))]));
}

/** Saves .output/screenshots/<browser>-<name>.png of an extension page, cropped to its content's box. */
async function screenshotOf(page: PageHandle, name: string, fullPage = false): Promise<string> {
  const box = await page.evaluate(() => {
    const body = document.body.getBoundingClientRect();
    const app = document.getElementById('app')!.getBoundingClientRect();
    const scale = window.devicePixelRatio || 1;
    return { width: Math.ceil(body.width * scale), height: Math.ceil((app.bottom + window.scrollY) * scale) };
  });
  const file = await page.saveScreenshot(name, { fullPage });
  cropPng(file, box.width, box.height);
  return file;
}

// ---------------------------------------------------------------------------------------------------------------

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const name of BROWSER_NAMES) {
  describeBrowser(name, `popup and options in ${name}`, (run) => {
    /** The popup, opened as a tab. */
    let popup: PageHandle;
    let origin: string;

    beforeAll(async () => {
      origin = run.browser.extensionOrigin;
      popup = await run.browser.openPage(`${origin}/popup.html`);
    });

    describe(SEED, () => {
      let article: PageHandle;
      let tabId: number;
      const view = () => readView(article, '.comment-item');

      beforeAll(async () => {
        await clearSettings(popup);
        article = await run.browser.openPage(run.server.url(SEED));
        await waitForDone(article);
        tabId = await tabIdOf(popup, article, SEED_ORDER.length);
        await popup.bringToFront();
      });

      afterAll(async () => {
        await article?.close();
      });

      it(`shows the page's status within ${OPEN_BUDGET_MS} ms of its document being parsed (best of ${OPENS} opens; total reported)`, async () => {
        const opens: OpenTiming[] = [];
        for (let i = 0; i < OPENS; i++) opens.push(await openPopup(popup, origin, tabId));
        const times = opens.map((o) => o.shown);
        const line = await text(popup, '.status .counts');
        console.info(
          `[e2e] ${name}: popup status shown after ${times.join(', ')} ms (best ${Math.min(...times)}, median ${median(times)}), ` +
            `${opens.map((o) => Math.round(o.shown - o.parsed)).join(', ')} ms after its document was parsed; ` +
            `document parsed / scripts run / page answered at ${opens.map((o) => `${o.parsed}/${o.scripts}/${o.answer}`).join(', ')} ms`,
        );
        expect(line).toBe(SEED_COUNTS);
        expect(await text(popup, '.status')).toContain('Read by generic detection');
        await screenshotOf(popup, 'popup');
        // The budget covers what the popup does: from its document parsed to the status on screen (loading its
        // scripts, finding the tab, asking the page, rendering). Before that the browser sets up the page, which on a
        // busy 2-core machine alone takes 30-200 ms (an empty extension page too), so the total is reported, and
        // only bounded loosely.
        const own = opens.map((o) => o.shown - o.parsed);
        expect(Math.min(...own)).toBeLessThan(OPEN_BUDGET_MS);
        expect(Math.min(...times)).toBeLessThan(4 * OPEN_BUDGET_MS);
      });

      it('finds the active tab by itself when opened without ?tab', async () => {
        await article.bringToFront();
        await reload(popup, `${origin}/popup.html`);
        await popup.bringToFront();
        expect(await text(popup, '.status .counts')).toBe(SEED_COUNTS);
      });

      it('mute an author: stored and listed in the popup', async () => {
        await popup.bringToFront();
        await openFilters(popup);
        await typeInto(popup, 'input[name="muted"]', 'Horst Flügge');
        const settings = await eventually(() => storedSettings(popup), (s) => !!s?.filters.muted.length);
        expect(settings?.filters.muted).toEqual(['Horst Flügge']);
        expect(await text(popup, '.filters .chips')).toContain('Horst Flügge');
      });

      it('mute an author: the page hides their comment (a reply keeps it as a placeholder); the popup counts it', async () => {
        expect(await eventually(() => textShown(article, HORST), (s) => s !== 'shown')).not.toBe('shown');
        expect(await textShown(article, MICHAEL)).toBe('shown');
        expect(await eventually(() => text(popup, '.notice'), (t) => !!t)).toMatch(/^1 hidden by filters · show them$/);
      });

      it('add a keyword: stored', async () => {
        await typeInto(popup, 'input[name="keyword"]', LADDAWAN);
        const settings = await eventually(() => storedSettings(popup), (s) => !!s?.filters.keywords.length);
        expect(settings?.filters.keywords).toEqual([{ pattern: LADDAWAN, mode: 'hide' }]);
      });

      it('add a keyword: the page hides the matching comment; the popup counts both', async () => {
        expect(await eventually(() => textShown(article, LADDAWAN), (s) => s !== 'shown')).not.toBe('shown');
        expect(await eventually(() => text(popup, '.notice'), (t) => t?.startsWith('2 ') ?? false)).toBe('2 hidden by filters · show them');
        await screenshotOf(popup, 'popup-filters');
      });

      it('"show them" turns the filters off on this page, and on again', async () => {
        await popup.click('button[name="suspend"]');
        expect(await eventually(() => textShown(article, HORST), (s) => s === 'shown')).toBe('shown');
        expect(await textShown(article, LADDAWAN)).toBe('shown');
        expect(await text(popup, '.notice')).toBe('Filters are off on this page · turn them on again');
        await popup.click('button[name="resume"]');
        expect(await eventually(() => textShown(article, HORST), (s) => s !== 'shown')).not.toBe('shown');
      });

      it('search: "1 of 1", and the page shows the match', async () => {
        await typeInto(popup, 'input[name="q"]', 'Propaganda', false);
        expect(await eventually(() => text(popup, '.position'), (t) => !!t)).toBe('1 of 1');
        const marked = await eventually(
          () =>
            article.evaluate(() => {
              const el = document.querySelector('[data-rethread-highlight]') ?? document.activeElement;
              return el?.textContent?.includes('Propaganda') ?? false;
            }),
          (m) => m,
        );
        expect(marked).toBe(true);
        expect(await textShown(article, JUERGEN)).toBe('shown');
      });

      it('top level only: every thread on the page is collapsed', async () => {
        await popup.click('button[name="topLevelOnly"]');
        const v = await eventually(view, (x) => x.topExpanded.length > 0 && x.topExpanded.every((e) => e === 'false'));
        expect(v.topExpanded).toEqual(['false']); // Jürgen Franke's thread
        // Jürgen's replies (Horst, and michael below him) are folded away; the other top-level comments stay.
        expect(v.visible).toEqual(expect.arrayContaining(['comment-item-142058', 'comment-item-142071']));
        expect(v.visible).not.toContain('comment-item-142079');
        expect(v.visible).not.toContain('comment-item-142087');
        expect(await textShown(article, MICHAEL)).not.toBe('shown');
        await popup.click('button[name="expandAll"]');
        expect((await eventually(view, (x) => x.expanded.every((e) => e === 'true'))).expanded.every((e) => e === 'true')).toBe(true);
      });

      it('original order: the page is back in the site’s own order, without our groups', async () => {
        await popup.click('input[name="view"][value="original"]');
        const v = await eventually(view, (x) => x.groups === 0);
        expect(v.order).toEqual(SEED_ORDER);
        expect(v.groups).toBe(0);
        expect(v.items).toBe(0);
        expect(await popup.evaluate(() => (document.querySelector('input[value="original"]') as HTMLInputElement).checked)).toBe(true);
        await popup.click('input[name="view"][value="threads"]');
        expect((await eventually(view, (x) => x.groups > 0)).groups).toBeGreaterThan(0);
      });

      it('after a reload the settings survived: the popup still lists them', async () => {
        await article.goto(run.server.url(SEED));
        await waitForDone(article);
        tabId = await tabIdOf(popup, article, SEED_ORDER.length);
        await popup.bringToFront();
        await openPopup(popup, origin, tabId);
        await openFilters(popup);
        expect(await text(popup, '.filters')).toContain('Horst Flügge');
        expect(await text(popup, '.filters')).toContain(LADDAWAN);
      });

      it('after a reload the settings survived: the page hides the muted author and the keyword at once', async () => {
        expect(await eventually(() => textShown(article, HORST), (s) => s !== 'shown')).not.toBe('shown');
        expect(await textShown(article, LADDAWAN)).not.toBe('shown');
        expect(await textShown(article, MICHAEL)).toBe('shown');
      });

      it('options page: shows the settings; a rule is checked inline and tested on the open page', async () => {
        const options = await run.browser.openPage(`${origin}/options.html`);
        try {
          await options.waitForFunction(() => !!document.querySelector('#filters'));
          expect(await text(options, '#filters')).toContain('Horst Flügge');
          await screenshotOf(options, 'options', true);
          await options.click('button[name="addRule"]');
          await typeInto(options, 'input[name="host"]', '127.0.0.1', false);
          await typeInto(options, 'input[name="item"]', '.comment-item[', false);
          await options.click('button[name="test"]');
          expect(await text(options, '.form-field.item .error')).toBe('The browser does not accept this CSS selector');
          await options.click('input[name="item"]');
          await options.keyboard.press('Backspace');
          await typeInto(options, 'input[name="author"]', '.comment-name', false);
          await options.click('button[name="test"]');
          const result = await eventually(() => text(options, '.test-result'), (t) => !!t, 10_000);
          await screenshotOf(options, 'options-rule', true);
          expect(result).toMatch(/^5 comments found/);
          expect(result).toMatch(/michael von wob|Horst Flügge|Rolf W\. Schwake|Jürgen Franke|Laddawan Sukkon/);
        } finally {
          await options.close();
        }
      });
    });

    describe(WORDPRESS, () => {
      let article: PageHandle;
      let tabId: number;
      const view = () => readView(article, 'li.comment');

      beforeAll(async () => {
        await clearSettings(popup);
        article = await run.browser.openPage(run.server.url(WORDPRESS));
        await waitForDone(article);
        tabId = await tabIdOf(popup, article, WORDPRESS_ORDER.length);
        await popup.bringToFront();
        await openPopup(popup, origin, tabId);
      });

      afterAll(async () => {
        await article?.close();
      });

      it('status of a larger nested page', async () => {
        expect(await text(popup, '.status .counts')).toMatch(/^12 comments · \d+ threads? · \d+ repl(y|ies) linked$/);
        expect(await text(popup, '.status')).toContain('Read by generic detection');
        await screenshotOf(popup, 'popup-wordpress');
      });

      it('collapse all, expand all, top level only: aria-expanded on the page follows', async () => {
        await popup.click('button[name="collapseAll"]');
        let v = await eventually(view, (x) => x.expanded.length > 0 && x.expanded.every((e) => e === 'false'));
        expect(v.expanded.length).toBeGreaterThan(3);
        expect(v.expanded.every((e) => e === 'false')).toBe(true);
        await popup.click('button[name="expandAll"]');
        v = await eventually(view, (x) => x.expanded.every((e) => e === 'true'));
        expect(v.expanded.every((e) => e === 'true')).toBe(true);
        expect(v.visible).toHaveLength(WORDPRESS_ORDER.length);
        await popup.click('button[name="topLevelOnly"]');
        v = await eventually(view, (x) => x.visible.length < WORDPRESS_ORDER.length);
        // Only comments without a parent stay visible: Martin, Denise, Gareth, Ana, Rob, Hannah.
        expect(v.visible).toHaveLength(6);
        await popup.click('button[name="expandAll"]');
      });

      it('original order restores the site’s nesting, threads come back', async () => {
        await popup.click('input[name="view"][value="original"]');
        let v = await eventually(view, (x) => x.groups === 0);
        expect(v.order).toEqual(WORDPRESS_ORDER);
        expect(v.items).toBe(0);
        await popup.click('input[name="view"][value="threads"]');
        v = await eventually(view, (x) => x.groups > 0);
        expect(v.items).toBe(WORDPRESS_ORDER.length);
      });

      it('mute an author with "also hide replies to them": both go from the page', async () => {
        await openFilters(popup);
        await popup.click('input[name="muteReplies"]');
        await typeInto(popup, 'input[name="muted"]', 'Tom Brereton');
        const settings = await eventually(() => storedSettings(popup), (s) => !!s?.filters.muted.length && s.filters.muteReplies);
        expect(settings?.filters).toMatchObject({ muted: ['Tom Brereton'], muteReplies: true });
        expect(await eventually(() => textShown(article, TOM), (s) => s !== 'shown')).not.toBe('shown');
        expect(await eventually(() => textShown(article, DENISE_TO_TOM), (s) => s !== 'shown')).not.toBe('shown');
      });
    });

    describe('Summary tab', () => {
      /** The summary's code and word lists: loaded by the popup only once the tab is opened. */
      const summaryCode = (page: PageHandle) =>
        page.evaluate(() =>
          [...performance.getEntriesByType('resource').map((e) => e.name), ...[...document.querySelectorAll('script[src], link[href]')].map((e) => e.getAttribute('src') ?? e.getAttribute('href') ?? '')]
            .filter((u) => /SummaryTab|wordlists|\/summary-/.test(u))
            .map((u) => u.replace(/^.*\//, '')),
        );

      for (const [file, shot] of [
        [SEED, 'popup-summary'],
        [WORDPRESS, 'popup-summary-wordpress'],
      ] as const) {
        describe(file, () => {
          const expected = expectedOf(file);
          let article: PageHandle;
          let tabId: number;

          beforeAll(async () => {
            await clearSettings(popup);
            article = await run.browser.openPage(run.server.url(file));
            await waitForDone(article);
            tabId = await tabIdOf(popup, article, expected.comments);
            await popup.bringToFront();
            await openPopup(popup, origin, tabId);
          });

          afterAll(async () => {
            await article?.close();
          });

          it('opens on the page tab; the summary code is loaded only when the Summary tab is opened', async () => {
            expect(await popup.evaluate(() => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent)).toBe('Page');
            expect(await summaryCode(popup)).toEqual([]);
            await popup.click('button[name="tab-summary"]');
            await popup.waitForFunction(() => ['done', 'error', 'none', 'page-error'].includes(document.querySelector('.summary-tab')?.getAttribute('data-view') ?? ''), {
              timeout: DONE_TIMEOUT,
            });
            expect(await text(popup, '.summary-tab [role="alert"]')).toBeNull();
            expect(await popup.evaluate(() => document.querySelector('.summary-tab')?.getAttribute('data-view'))).toBe('done');
            const loaded = await summaryCode(popup);
            console.info(`[e2e] ${name}: ${file}: loaded for the Summary tab: ${loaded.join(', ')}`);
          });

          it(`shows the fixture's figures: ${expected.comments} comments, ${expected.participants} participants`, async () => {
            expect(await text(popup, '[data-figure="comments"]')).toBe(`${expected.comments} comments`);
            expect(await text(popup, '[data-figure="participants"]')).toBe(`${expected.participants} participants`);
            expect(await text(popup, '.glance .span')).toMatch(/^Written from \w{3} \d+, \d\d:\d\d to \w{3} \d+, \d\d:\d\d$/);
            expect(await popup.evaluate(() => document.querySelectorAll('[data-list="threads"] button[data-comment]').length)).toBeGreaterThan(0);
          });

          it('shows key points, each a sentence with its support and a source link', async () => {
            const points = await popup.evaluate(() =>
              [...document.querySelectorAll('.key-point')].map((p) => ({
                text: p.querySelector('blockquote')?.textContent ?? '',
                count: p.querySelector('.kp-count')?.textContent ?? '',
                source: p.querySelector('.source')?.getAttribute('data-comment') ?? null,
              })),
            );
            expect(points.length).toBeGreaterThanOrEqual(1);
            expect(points.length).toBeLessThanOrEqual(7);
            for (const p of points) {
              expect(p.text.length).toBeGreaterThan(10);
              expect(p.count).toMatch(/^\d+ comments? says? this$/);
              expect(p.source).toMatch(/\S/);
            }
            expect(await popup.evaluate(() => document.querySelectorAll('.terms .term').length)).toBeGreaterThan(0);
            await screenshotOf(popup, shot, true);
          });

          it('a key point’s source link scrolls the page to that comment', async () => {
            const points = await popup.evaluate(() => [...document.querySelectorAll('.key-point blockquote')].map((b) => b.textContent ?? ''));
            // The last key point: the one most likely below the fold.
            const index = points.length - 1;
            const sentence = points[index]!;
            await article.evaluate(() => window.scrollTo(0, 0));
            // The toolbar popup sits over the page, which stays visible; here the popup is a tab of its own, and a
            // background tab does not run its smooth scrolling (Firefox): the page is in front, as it would be, while
            // the popup's link is clicked.
            await article.bringToFront();
            await popup.evaluate((sel: string) => (document.querySelector(sel) as HTMLElement).click(), `.key-point:nth-child(${index + 1}) .source`);
            // Read the page: the comment it highlights (or focuses) must be the one the sentence comes from.
            const shown = await eventually(
              () =>
                article.evaluate((want: string) => {
                  const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');
                  const el = (document.querySelector('[data-rethread-highlight]') ?? document.activeElement) as HTMLElement | null;
                  const rect = el?.getBoundingClientRect();
                  return {
                    highlighted: !!document.querySelector('[data-rethread-highlight]'),
                    focused: document.activeElement !== document.body && document.activeElement === el,
                    holdsSentence: !!el && el !== document.body && squash(el.textContent).includes(squash(want)),
                    inView: !!rect && rect.bottom > 0 && rect.top < window.innerHeight,
                    scrollY: Math.round(window.scrollY),
                  };
                }, sentence),
              (s) => s.holdsSentence && s.inView,
            );
            console.info(`[e2e] ${name}: ${file}: "${sentence.slice(0, 40)}…" -> page scrolled to ${shown.scrollY}, highlighted ${shown.highlighted}, focused ${shown.focused}`);
            expect(shown.holdsSentence).toBe(true);
            expect(shown.highlighted || shown.focused).toBe(true);
            expect(shown.inView).toBe(true);
          });
        });
      }

      it('made no network request', () => {
        expect(foreignRequests(run.browser, run.server.origin)).toEqual([]);
      });
    });

    describe('a page Rethread does not run on', () => {
      it('says no comment section was found and offers to analyse the page once', async () => {
        // Same server by another name: the e2e build's content script only matches 127.0.0.1.
        const page = await run.browser.openPage(run.server.url('no-comments.html').replace('127.0.0.1', 'localhost'));
        try {
          const id = await page.bringToFront().then(() =>
            popup.evaluate(async () => {
              const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as ExtApi;
              return (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null;
            }),
          );
          expect(id).not.toBeNull();
          await popup.bringToFront();
          await reload(popup, `${origin}/popup.html?tab=${id}`);
          await popup.waitForFunction(() => document.querySelector('.status')?.getAttribute('data-phase') === 'absent');
          expect(await text(popup, '.status .lead')).toBe('No comment section found on this page');
          expect(await popup.evaluate(() => !!document.querySelector('button[name="analyse"]'))).toBe(true);
          await screenshotOf(popup, 'popup-no-comments');
          // Opened by the test, not by the toolbar button, the popup has no activeTab grant: running fails, plainly.
          await popup.click('button[name="analyse"]');
          expect(await eventually(() => text(popup, '.status [role="alert"]'), (t) => !!t, 10_000)).toBe('Rethread could not run on this page.');
        } finally {
          await page.close();
        }
      });
    });
  });
}
