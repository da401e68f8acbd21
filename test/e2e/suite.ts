// What every e2e test file does for each browser: a describe block of its own, with the fixture server and the browser
// (extension loaded) started before its tests and stopped after them. A missing browser skips its block, with a
// warning, unless RETHREAD_REQUIRE_BROWSERS is set (CI): then the block fails. Kept apart from browsers.ts, which
// scripts use without vitest.
import { afterAll, beforeAll, describe } from 'vitest';
import { BROWSERS, INSTALL_HINT, browsersRequired, isInstalled, launchBrowser, type BrowserName, type ExtensionBrowser } from './browsers';
import { startServer, type FixtureServer } from './server';

/** Set by the block's first beforeAll: read it in tests and later hooks, not while the block is being defined. */
export interface BrowserRun {
  server: FixtureServer;
  browser: ExtensionBrowser;
}

export function describeBrowser(name: BrowserName, title: string, body: (run: BrowserRun) => void): void {
  const { executable } = BROWSERS[name];
  const installed = isInstalled(name);
  const required = browsersRequired();
  if (!installed && !required) console.warn(`[e2e] ${name}: SKIPPED, ${executable} is not installed. Install: ${INSTALL_HINT}`);
  describe.skipIf(!installed && !required)(installed || required ? title : `${name} (not installed: ${executable})`, () => {
    const run = {} as BrowserRun;
    beforeAll(async () => {
      if (!installed) throw new Error(`${executable} is not installed and RETHREAD_REQUIRE_BROWSERS is set. Install: ${INSTALL_HINT}`);
      run.server = await startServer();
      run.browser = await launchBrowser(name);
    });
    afterAll(async () => {
      await run.browser?.close();
      await run.server?.close();
    });
    body(run);
  });
}
