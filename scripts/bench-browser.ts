// Part of `npm run bench`: the content script in real Chromium with the e2e build loaded, on synthetic
// discussions of 1,000 / 5,000 / 20,000 comments (the flat generator of bench.ts). Measures, in the page's clock,
// the time from the content script's start until every comment is placed in the thread view, and the longest
// main-thread task after that start (Long Tasks API: every task over 50 ms is recorded).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isInstalled, launchBrowser } from '../test/e2e/browsers';
import { startServer } from '../test/e2e/server';

const SIZES = process.argv.includes('--quick') ? [1000, 5000] : [1000, 5000, 20000];
const RUNS = 2;
const ROOT = path.resolve(import.meta.dirname, '..');
const BENCH_DIR = path.join(ROOT, '.bench');

if (!isInstalled('chromium')) {
  console.log('\nChromium is not installed: browser benchmark skipped (sudo apt-get install chromium).');
  process.exit(0);
}
if (!existsSync(path.join(ROOT, '.output/e2e/chrome-mv3/manifest.json'))) {
  console.error('No e2e build: run `npm run build:e2e` first.');
  process.exit(1);
}
for (const n of SIZES) {
  if (!existsSync(path.join(BENCH_DIR, `flat-${n}.html`))) execFileSync('npx', ['tsx', 'scripts/bench.ts', '--dump', String(n)], { cwd: ROOT, stdio: 'inherit' });
}

const server = await startServer({ root: BENCH_DIR });
const browser = await launchBrowser('chromium');
const rows: string[][] = [];
try {
  for (const n of SIZES) {
    const shown: number[] = [];
    const longest: number[] = [];
    let placed = 0;
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.openPage(server.url(`flat-${n}.html`));
      try {
        await page.waitForFunction(() => document.documentElement.dataset.rethreadState === 'done', { timeout: 120_000 });
        // Every comment placed: as many tree items as comments found.
        await page.waitForFunction(
          () => document.querySelectorAll('[role="treeitem"]').length >= Number(document.documentElement.dataset.rethreadComments),
          { timeout: 120_000, polling: 10 },
        );
        const m = await page.evaluate(async () => {
          const done = performance.now();
          const start = Number(document.documentElement.dataset.rethreadStart);
          const tasks = await new Promise<PerformanceEntry[]>((resolve) => {
            const po = new PerformanceObserver((list) => resolve(list.getEntries()));
            po.observe({ type: 'longtask', buffered: true });
            setTimeout(() => resolve([]), 500);
          });
          const after = tasks.filter((t) => t.startTime + t.duration > start);
          return {
            shown: done - start,
            longest: Math.max(0, ...after.map((t) => t.duration)),
            tasks: after.map((t) => `${(t.startTime - start).toFixed(0)}+${t.duration.toFixed(0)}`),
            placed: document.querySelectorAll('[role="treeitem"]').length,
          };
        });
        // --tasks lists every long task as "start+duration" in ms after the content script's start.
        if (process.argv.includes('--tasks')) process.stderr.write(`  run ${run + 1}: ${m.tasks.join(' ') || 'no long tasks'}\n`);
        shown.push(m.shown);
        longest.push(m.longest);
        placed = m.placed;
      } finally {
        await page.close();
      }
    }
    rows.push([n.toLocaleString('en'), String(placed), Math.min(...shown).toFixed(0), Math.max(...longest).toFixed(0)]);
    process.stderr.write(`chromium ${n}: shown in ${Math.min(...shown).toFixed(0)} ms, longest task ${Math.max(...longest).toFixed(0)} ms\n`);
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`\nIn Chromium ${browser.version} with the extension (best of ${RUNS} for the time, worst of ${RUNS} for the longest task):\n`);
console.log('| comments | placed in threads | content script start to threads shown (ms) | longest task after start (ms) |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
