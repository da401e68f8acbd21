// Real headless browsers with the e2e build of the extension loaded, behind one small interface so each test is
// written once and runs in Chromium and in Firefox ESR.
//   Chromium: Debian's /usr/bin/chromium driven by playwright-core (CDP), extension from .output/e2e/chrome-mv3.
//   Firefox:  Debian's /usr/bin/firefox-esr driven by puppeteer-core (WebDriver BiDi), extension from .output/e2e/firefox-mv2.
// Both are pointed at a network trap (see network-trap.ts): nothing they do reaches the network, and every attempt
// to is recorded. Requests made by pages, content scripts and (in Chromium) the extension's service worker are
// recorded too, in `requests`.
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createHash, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { REPO_ROOT } from './server';
import { startNetworkTrap, type NetworkTrap, type TrappedRequest } from './network-trap';
import { screenshotPath } from './screenshots';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSER_NAMES: readonly BrowserName[] = ['chromium', 'firefox'];

export interface BrowserInfo {
  name: BrowserName;
  executable: string;
  /** Debian package that provides the executable. */
  aptPackage: string;
  /** The built extension this browser loads (npm run build:e2e). */
  extensionDir: string;
}

export const E2E_OUT_DIR = path.join(REPO_ROOT, '.output/e2e');

/** Debian's browsers by default; RETHREAD_CHROMIUM / RETHREAD_FIREFOX point elsewhere. */
export const BROWSERS: Record<BrowserName, BrowserInfo> = {
  chromium: {
    name: 'chromium',
    executable: process.env.RETHREAD_CHROMIUM || '/usr/bin/chromium',
    aptPackage: 'chromium',
    extensionDir: path.join(E2E_OUT_DIR, 'chrome-mv3'),
  },
  firefox: {
    name: 'firefox',
    executable: process.env.RETHREAD_FIREFOX || '/usr/bin/firefox-esr',
    aptPackage: 'firefox-esr',
    extensionDir: path.join(E2E_OUT_DIR, 'firefox-mv2'),
  },
};

export const INSTALL_HINT = 'sudo apt-get install chromium firefox-esr';

export function isInstalled(name: BrowserName): boolean {
  try {
    accessSync(BROWSERS[name].executable, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browsers whose executable is missing (empty when both are installed). */
export function missingBrowsers(): BrowserName[] {
  return BROWSER_NAMES.filter((name) => !isInstalled(name));
}

/** RETHREAD_REQUIRE_BROWSERS=1 (CI): a missing browser is a failure, not a skip. */
export function browsersRequired(): boolean {
  const v = process.env.RETHREAD_REQUIRE_BROWSERS;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

export interface RecordedRequest {
  url: string;
  method: string;
  /** "document", "script", "fetch", "xhr", "image", ... as the browser reports it. */
  resourceType: string;
  /** "page", "service-worker" (Chromium's extension background), or "trap" (stopped by the network trap). */
  source: 'page' | 'service-worker' | 'trap';
  /** URL of the page (or worker) that made it, if known. */
  initiator?: string;
}

export interface PageHandle {
  readonly browser: BrowserName;
  url(): string;
  goto(url: string): Promise<void>;
  /** Runs fn in the page (it is serialized: it cannot use variables of the test, only its argument). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Resolves when fn returns a truthy value in the page; rejects after timeout ms (default 10 s). */
  waitForFunction(fn: () => unknown, options?: { timeout?: number; polling?: number }): Promise<void>;
  /** Saves a PNG of the viewport (fullPage: the whole page) at path; returns the path. */
  screenshot(file: string, options?: { fullPage?: boolean }): Promise<string>;
  /** Saves .output/screenshots/<browser>-<name>.png; returns its path. */
  saveScreenshot(name: string, options?: { fullPage?: boolean }): Promise<string>;
  click(selector: string): Promise<void>;
  /** Keyboard, with the key names both drivers share ("Enter", "Tab", "ArrowDown", "Escape", "a", ...). */
  readonly keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  readonly name: BrowserName;
  readonly version: string;
  /** Chromium: the 32-letter id; Firefox: the gecko id from the manifest. */
  readonly extensionId: string;
  /** "chrome-extension://ID" or "moz-extension://UUID". */
  readonly extensionOrigin: string;
  /** Opens a new tab at url and waits for its load event (extension pages: until the document is complete). */
  openPage(url: string): Promise<PageHandle>;
  /** Every request seen so far (pages, content scripts, Chromium's service worker, and the network trap). */
  readonly requests: readonly RecordedRequest[];
  /** What the network trap stopped: anything that tried to leave the machine, from any part of the browser. */
  readonly trapped: readonly TrappedRequest[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Override the extension directory (default BROWSERS[name].extensionDir). */
  extensionDir?: string;
  /** Expect the content script to match this host; default 127.0.0.1. Launch fails early if the build lacks it. */
  expectHost?: string;
}

interface Manifest {
  version?: string;
  content_scripts?: { matches?: string[] }[];
  browser_specific_settings?: { gecko?: { id?: string } };
}

function readBuiltManifest(dir: string, expectHost: string): Manifest {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`No built extension at ${dir}: run \`npm run build:e2e\` first.`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  const matches = (manifest.content_scripts ?? []).flatMap((s) => s.matches ?? []);
  if (!matches.some((m) => m.includes(`://${expectHost}/`))) {
    throw new Error(
      `${file}: the content script does not match ${expectHost} (matches: ${matches.length}). ` +
        `Build it with \`npm run build:e2e\` (RETHREAD_AUTO_HOSTS=${expectHost}).`,
    );
  }
  return manifest;
}

/** Chromium's id for an unpacked extension without a "key": sha256 of its absolute path, first 32 hex digits as a-p. */
export function chromiumUnpackedId(dir: string): string {
  const hex = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export async function launchBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!isInstalled(name)) {
    throw new Error(`${BROWSERS[name].executable} is not installed (${INSTALL_HINT}).`);
  }
  const dir = path.resolve(options.extensionDir ?? BROWSERS[name].extensionDir);
  const manifest = readBuiltManifest(dir, options.expectHost ?? '127.0.0.1');
  const trap = await startNetworkTrap();
  try {
    return name === 'chromium' ? await launchChromium(dir, trap) : await launchFirefox(dir, manifest, trap);
  } catch (err) {
    await trap.close();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Chromium (playwright-core)

const CHROMIUM_DISABLED_FEATURES = [
  // playwright-core 1.65's defaults
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  // ours: more background traffic
  'AutofillServerCommunication',
  'OptimizationGuideModelDownloading',
  'CertificateTransparencyComponentUpdater',
  'Translate',
  'InterestFeedContentSuggestions',
];

/** Flags that keep Chromium off the network and quiet; the network trap catches whatever still tries. */
export function chromiumArgs(extensionDir: string, proxy: string): string[] {
  return [
    // Playwright adds --disable-extensions by default: this is what lets ours load.
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
    '--disable-breakpad',
    '--disable-crash-reporter',
    '--no-pings',
    '--metrics-recording-only',
    '--disable-dev-shm-usage',
    // Replaces playwright's own --disable-features (the last one wins), so it repeats playwright 1.65's list.
    `--disable-features=${CHROMIUM_DISABLED_FEATURES.join(',')}`,
    '--safebrowsing-disable-auto-update',
    // Everything but loopback goes to the trap (Chromium never proxies loopback unless told to).
    `--proxy-server=http://${proxy}`,
    // Nothing resolves but loopback, in case something bypasses the proxy.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  ];
}

async function launchChromium(dir: string, trap: NetworkTrap): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'rethread-e2e-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: BROWSERS.chromium.executable,
      headless: true,
      args: chromiumArgs(dir, trap.address),
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
      timeout: 60_000,
    });
  } catch (err) {
    await rm(profile, { recursive: true, force: true });
    throw err;
  }

  const requests: RecordedRequest[] = [];
  context.on('request', (req) => {
    const worker = req.serviceWorker();
    let initiator: string | undefined;
    try {
      initiator = worker ? worker.url() : req.frame().url();
    } catch {
      initiator = undefined; // frame() throws for requests without one
    }
    requests.push({
      url: req.url(),
      method: req.method(),
      resourceType: req.resourceType(),
      source: worker ? 'service-worker' : 'page',
      initiator,
    });
  });

  // The id is derived from the path; the service worker (if the build has a background) confirms it loaded.
  let extensionId = chromiumUnpackedId(dir);
  const hasBackground = existsSync(path.join(dir, 'background.js'));
  if (hasBackground) {
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 20_000 }).catch(() => undefined));
    if (!worker) throw new Error(`Chromium did not start the extension's service worker (extension at ${dir})`);
    extensionId = new URL(worker.url()).host;
  }
  const extensionOrigin = `chrome-extension://${extensionId}`;
  const version = context.browser()?.version() ?? '?';

  const wrap = (page: PwPage): PageHandle => {
    const handle: PageHandle = {
      browser: 'chromium',
      url: () => page.url(),
      goto: async (url) => {
        await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      },
      evaluate: async <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
        (await page.evaluate(fn as (arg: unknown) => unknown, arg as unknown)) as R,
      waitForFunction: async (fn, opts) => {
        await page.waitForFunction(fn, undefined, { timeout: opts?.timeout ?? 10_000, polling: opts?.polling ?? 100 });
      },
      screenshot: async (file, opts) => {
        await mkdir(path.dirname(file), { recursive: true });
        await page.screenshot({ path: file, fullPage: opts?.fullPage ?? false });
        return file;
      },
      saveScreenshot: (name, opts) => handle.screenshot(screenshotPath('chromium', name), opts),
      click: async (selector) => {
        await page.click(selector, { timeout: 10_000 });
      },
      keyboard: {
        press: (key) => page.keyboard.press(key),
        type: (text) => page.keyboard.type(text),
      },
      bringToFront: () => page.bringToFront(),
      close: () => page.close(),
    };
    return handle;
  };

  return {
    name: 'chromium',
    version,
    extensionId,
    extensionOrigin,
    openPage: async (url) => loadOrClose(wrap(await context.newPage()), url),
    get requests() {
      return [...requests, ...trappedAsRequests(trap)];
    },
    trapped: trap.attempts,
    close: async () => {
      try {
        await context.close();
      } finally {
        await trap.close();
        await rm(profile, { recursive: true, force: true });
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Firefox ESR (puppeteer-core over WebDriver BiDi)

/** Prefs on top of puppeteer's defaults (which already turn off updates, telemetry, safe browsing, ...). */
export function firefoxPrefs(proxy: NetworkTrap, geckoId: string, uuid: string): Record<string, unknown> {
  return {
    // A fixed moz-extension:// UUID, so the extension's origin is known before it is installed.
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
    // Everything goes to the trap; loopback stays direct (network.proxy.allow_hijacking_localhost is false).
    'network.proxy.type': 1,
    'network.proxy.http': proxy.host,
    'network.proxy.http_port': proxy.port,
    'network.proxy.ssl': proxy.host,
    'network.proxy.ssl_port': proxy.port,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    'network.proxy.socks_remote_dns': true,
    // Quieter still.
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.trr.mode': 5,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.server': '',
    'browser.ping-centre.telemetry': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.discovery.enabled': false,
    'extensions.getAddons.showPane': false,
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.google.updateURL': '',
    'privacy.query_stripping.enabled': false,
    'browser.contentblocking.report.lockwise.enabled': false,
    'identity.fxaccounts.enabled': false,
    'dom.push.enabled': false,
    'dom.push.connection.enabled': false,
    'media.gmp-gmpopenh264.enabled': false,
    'browser.translations.enable': false,
    'browser.ml.enable': false,
  };
}

async function launchFirefox(dir: string, manifest: Manifest, trap: NetworkTrap): Promise<ExtensionBrowser> {
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
  const uuid = randomUUID();
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: BROWSERS.firefox.executable,
    headless: true,
    // Without it, navigating to moz-extension:// pages is refused.
    args: ['--remote-allow-system-access', '--width=1280', '--height=900'],
    extraPrefsFirefox: firefoxPrefs(trap, geckoId, uuid),
    defaultViewport: { width: 1280, height: 900 },
    // Release builds ignore puppeteer's services.settings.server override (remote settings would then poll
    // firefox.settings.services.mozilla.com) unless this is set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    timeout: 60_000,
    protocolTimeout: 60_000,
  });
  let extensionId: string;
  try {
    extensionId = await browser.installExtension(dir);
  } catch (err) {
    await browser.close();
    throw err;
  }
  const extensionOrigin = `moz-extension://${uuid}`;
  const version = await browser.version();
  const requests: RecordedRequest[] = [];

  const wrap = (page: PpPage): PageHandle => {
    // Puppeteer never learns about navigations to moz-extension:// pages (page.url() stays about:blank).
    let extensionUrl: string | undefined;
    const handle: PageHandle = {
      browser: 'firefox',
      url: () => (page.url() === 'about:blank' && extensionUrl ? extensionUrl : page.url()),
      goto: async (url) => {
        if (url.startsWith('moz-extension://')) {
          // Extension pages load but never report their load event to BiDi: do not await it.
          page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => {});
          const target = url.split('#')[0]!.split('?')[0]!;
          const deadline = Date.now() + 30_000;
          for (;;) {
            const href = await page.evaluate(() => location.href).catch(() => '');
            if (href.startsWith(target)) break;
            if (Date.now() > deadline) throw new Error(`Firefox did not navigate to ${url} (at ${href})`);
            await new Promise((r) => setTimeout(r, 100));
          }
          await page.waitForFunction(() => document.readyState === 'complete', { timeout: 30_000, polling: 100 });
          extensionUrl = url;
        } else {
          extensionUrl = undefined;
          await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
        }
      },
      evaluate: async <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
        (await page.evaluate(fn as (arg: unknown) => unknown, arg as unknown)) as R,
      waitForFunction: async (fn, opts) => {
        await page.waitForFunction(fn, { timeout: opts?.timeout ?? 10_000, polling: opts?.polling ?? 100 });
      },
      screenshot: async (file, opts) => {
        await mkdir(path.dirname(file), { recursive: true });
        await page.screenshot({ path: file as `${string}.png`, fullPage: opts?.fullPage ?? false });
        return file;
      },
      saveScreenshot: (name, opts) => handle.screenshot(screenshotPath('firefox', name), opts),
      click: async (selector) => {
        await page.locator(selector).setTimeout(10_000).click();
      },
      keyboard: {
        press: async (key) => page.keyboard.press(key as Parameters<PpPage['keyboard']['press']>[0]),
        type: async (text) => page.keyboard.type(text),
      },
      bringToFront: () => page.bringToFront(),
      close: () => page.close(),
    };
    return handle;
  };

  return {
    name: 'firefox',
    version,
    extensionId,
    extensionOrigin,
    openPage: async (url) => {
      const page = await browser.newPage();
      page.on('request', (req) => {
        let initiator: string | undefined;
        try {
          initiator = req.frame()?.url();
        } catch {
          initiator = undefined;
        }
        let resourceType = 'unknown';
        try {
          resourceType = req.resourceType(); // BiDi without CDP: UnsupportedOperation
        } catch {
          // keep 'unknown'
        }
        requests.push({ url: req.url(), method: req.method(), resourceType, source: 'page', initiator });
      });
      return loadOrClose(wrap(page), url);
    },
    get requests() {
      return [...requests, ...trappedAsRequests(trap)];
    },
    trapped: trap.attempts,
    close: async () => {
      try {
        await browser.close();
      } finally {
        await trap.close();
      }
    },
  };
}

/** openPage's navigation: a tab that fails to load is closed, not left open for the rest of the run. */
async function loadOrClose(page: PageHandle, url: string): Promise<PageHandle> {
  try {
    await page.goto(url);
  } catch (err) {
    await page.close().catch(() => {});
    throw err;
  }
  return page;
}

function trappedAsRequests(trap: NetworkTrap): RecordedRequest[] {
  return trap.attempts.map((a) => ({
    url: a.method === 'CONNECT' ? `https://${a.target}` : a.target,
    method: a.method,
    resourceType: 'network',
    source: 'trap',
  }));
}

/**
 * Destinations the browser itself contacts whatever the flags (seen with Debian's Chromium 156: the sign-in
 * ListAccounts call, an on-demand component update check). They never leave the machine (the trap refuses them) and
 * are not counted as the extension's: in Chromium, the extension's own requests are also seen by the driver, with
 * their origin, so a request of the extension to one of these hosts would still fail foreignRequests().
 * Firefox ESR with our prefs contacts nothing at all, so any trapped Firefox request fails.
 */
export const BROWSER_INTERNAL_HOSTS: Record<BrowserName, readonly string[]> = {
  chromium: [
    'accounts.google.com',
    'update.googleapis.com',
    'redirector.gvt1.com',
    'clients2.google.com',
    'content-autofill.googleapis.com',
    'optimizationguide-pa.googleapis.com',
    'safebrowsing.googleapis.com',
  ],
  firefox: [],
};

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Trapped requests the browser makes on its own (BROWSER_INTERNAL_HOSTS): reported, not failed. */
export function browserInternalRequests(browser: Pick<ExtensionBrowser, 'name' | 'requests'>): RecordedRequest[] {
  const hosts = BROWSER_INTERNAL_HOSTS[browser.name];
  return browser.requests.filter((r) => r.source === 'trap' && hosts.includes(hostOf(r.url)));
}

/**
 * Requests that went anywhere but the fixture server: any other origin seen by the driver (pages, content scripts,
 * Chromium's service worker), except the extension's own files and local schemes (data:, blob:, about:), and every
 * request the network trap stopped except the browser's own (browserInternalRequests). Empty when the extension
 * and the page stayed local.
 */
export function foreignRequests(
  browser: Pick<ExtensionBrowser, 'name' | 'requests' | 'extensionOrigin'>,
  fixtureOrigin: string,
): RecordedRequest[] {
  const internalHosts = BROWSER_INTERNAL_HOSTS[browser.name];
  return browser.requests.filter((r) => {
    if (r.source === 'trap') return !internalHosts.includes(hostOf(r.url));
    let url: URL;
    try {
      url = new URL(r.url);
    } catch {
      return true;
    }
    if (['data:', 'blob:', 'about:'].includes(url.protocol)) return false;
    if (url.origin === fixtureOrigin) return false;
    if (r.url.startsWith(browser.extensionOrigin + '/')) return false;
    return true;
  });
}
