// The content script in real browsers: the e2e build (npm run build:e2e, matches 127.0.0.1) runs on fixture pages
// served from 127.0.0.1 and reports on <html>: data-rethread-state = "done" | "none" | "error" and
// data-rethread-comments = the number of comments found. Run with `npm run test:e2e` (or as part of `npm test`).
// A missing browser skips its tests, unless RETHREAD_REQUIRE_BROWSERS is set (CI): then they fail.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { BROWSER_NAMES, browserInternalRequests, foreignRequests, type PageHandle, type RecordedRequest } from './browsers';
import { FIXTURE_PAGES_DIR } from './server';
import { describeBrowser } from './suite';

/** How long the content script may take to report, per page. */
const REPORT_TIMEOUT = 15_000;

function expectedCommentCount(page: string): number {
  const file = path.join(FIXTURE_PAGES_DIR, page.replace(/\.html$/, '.expected.json'));
  const data = JSON.parse(readFileSync(file, 'utf8')) as { comments?: unknown };
  if (!Array.isArray(data.comments)) throw new Error(`${file} has no "comments" array`);
  return data.comments.length;
}

interface Report {
  state: string | null;
  comments: string | null;
  /** data-rethread, the content script's first sign of life. */
  loaded: string | null;
}

const readReport = (page: PageHandle): Promise<Report> =>
  page.evaluate(() => {
    const html = document.documentElement;
    return {
      state: html.getAttribute('data-rethread-state'),
      comments: html.getAttribute('data-rethread-comments'),
      loaded: html.getAttribute('data-rethread'),
    };
  });

/** Waits until the content script has set data-rethread-state (or the timeout passed) and returns what it set. */
async function waitForReport(page: PageHandle, timeout = REPORT_TIMEOUT): Promise<Report> {
  await page
    .waitForFunction(() => document.documentElement.hasAttribute('data-rethread-state'), { timeout })
    .catch(() => {}); // the assertions below say what is missing
  return readReport(page);
}

const describeReport = (r: Report) =>
  `data-rethread-state=${JSON.stringify(r.state)}, data-rethread-comments=${JSON.stringify(r.comments)}, ` +
  `data-rethread=${JSON.stringify(r.loaded)}` +
  (r.state === null ? ` (no state after ${REPORT_TIMEOUT / 1000} s: is the pipeline wired into the content script?)` : '');

const formatRequests = (rs: readonly RecordedRequest[]) =>
  rs.map((r) => `  ${r.source} ${r.method} ${r.url}${r.initiator ? ` (from ${r.initiator})` : ''}`).join('\n');

for (const name of BROWSER_NAMES) {
  describeBrowser(name, name, (run) => {
    beforeAll(() => {
      console.info(`[e2e] ${name} ${run.browser.version}, extension ${run.browser.extensionOrigin}, pages at ${run.server.origin}`);
    });

    it('loads the extension (its manifest is served at extensionOrigin)', async () => {
      const page = await run.browser.openPage(`${run.browser.extensionOrigin}/manifest.json`);
      try {
        const manifest = JSON.parse(await page.evaluate(() => document.body.textContent ?? '')) as { name?: string };
        // The name is localized: "__MSG_extName__" stands for the extName message of the default locale.
        const key = /^__MSG_(\w+)__$/.exec(manifest.name ?? '')?.[1];
        let name = manifest.name;
        if (key) {
          await page.goto(`${run.browser.extensionOrigin}/_locales/en/messages.json`);
          const messages = JSON.parse(await page.evaluate(() => document.body.textContent ?? '')) as Record<string, { message: string }>;
          name = messages[key]?.message;
        }
        expect(name).toBe('Rethread');
      } finally {
        await page.close();
      }
    });

    it('runs the content script on a fixture page (data-rethread or data-rethread-state is set)', async () => {
      const page = await run.browser.openPage(run.server.url('seed-der-farang.html'));
      try {
        await page.waitForFunction(
          () => document.documentElement.hasAttribute('data-rethread') || document.documentElement.hasAttribute('data-rethread-state'),
          { timeout: REPORT_TIMEOUT },
        );
      } finally {
        await page.close();
      }
    });

    it('seed-der-farang.html: state "done", every expected comment found', async () => {
      const expected = expectedCommentCount('seed-der-farang.html');
      const page = await run.browser.openPage(run.server.url('seed-der-farang.html'));
      try {
        const report = await waitForReport(page);
        await page.saveScreenshot('seed-der-farang', { fullPage: true });
        expect(report.state, describeReport(report)).toBe('done');
        expect(report.comments, describeReport(report)).toBe(String(expected));
      } finally {
        await page.close();
      }
    });

    it('no-comments.html: state "none", no comments', async () => {
      const page = await run.browser.openPage(run.server.url('no-comments.html'));
      try {
        const report = await waitForReport(page);
        await page.saveScreenshot('no-comments', { fullPage: true });
        expect(report.state, describeReport(report)).toBe('none');
        expect([null, '0'], describeReport(report)).toContain(report.comments);
      } finally {
        await page.close();
      }
    });

    it('makes no network request of its own (only the fixture server is contacted)', async () => {
      for (const file of ['seed-der-farang.html', 'no-comments.html']) {
        const page = await run.browser.openPage(run.server.url(file));
        await waitForReport(page, 5_000);
        await new Promise((r) => setTimeout(r, 1000)); // let late requests show up
        await page.close();
      }
      const internal = browserInternalRequests(run.browser);
      if (internal.length) {
        console.info(`[e2e] ${name}: the browser's own requests, refused by the network trap:\n${formatRequests(internal)}`);
      }
      const foreign = foreignRequests(run.browser, run.server.origin);
      expect(foreign, `requests to anything but ${run.server.origin}:\n${formatRequests(foreign)}`).toEqual([]);
      // The fixture server did see the pages: the recording works.
      expect(run.server.requests.map((r) => r.url)).toContain('/seed-der-farang.html');
    });
  });
}
