#!/usr/bin/env node
/* global process, console */
// `npm test`: every check, in order, stopping at the first failure.
//   typecheck, lint, unit tests, user build + store zips (Chrome, Firefox), web-ext lint, e2e build, e2e tests.
// Missing browsers: the e2e tests for them are skipped (listed at the end, with how to install them), unless
// RETHREAD_REQUIRE_BROWSERS=1 (CI), which makes a missing browser a failure.
// Options: --list (print the steps), --only=a,b / --from=step (run some of them; names from --list).
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'node_modules/.bin');
const E2E_REPORT = path.join(ROOT, '.output/e2e-report.json');
const BROWSERS = [
  // Same defaults and overrides as test/e2e/browsers.ts.
  { name: 'chromium', executable: process.env.RETHREAD_CHROMIUM || '/usr/bin/chromium' },
  { name: 'firefox', executable: process.env.RETHREAD_FIREFOX || '/usr/bin/firefox-esr' },
];
const INSTALL_HINT = 'sudo apt-get install chromium firefox-esr';
const required = () => {
  const v = process.env.RETHREAD_REQUIRE_BROWSERS;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
};

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = (s) => paint('1', s);
const red = (s) => paint('31', s);
const green = (s) => paint('32', s);
const yellow = (s) => paint('33', s);

/** Environment for every child: no update checks; user builds never see test hosts or another out dir. */
function childEnv(extra = {}) {
  const env = { ...process.env, NO_UPDATE_NOTIFIER: '1', ...extra };
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
  return env;
}
const USER_BUILD_ENV = { RETHREAD_AUTO_HOSTS: undefined, RETHREAD_OUT_DIR: undefined };
const E2E_BUILD_ENV = { RETHREAD_AUTO_HOSTS: '127.0.0.1', RETHREAD_OUT_DIR: '.output/e2e' };

/** Runs a command from node_modules/.bin with inherited output; resolves to its exit code. */
function run(bin, args, env = {}, { capture = false } = {}) {
  const cmd = path.join(BIN, bin);
  console.log(paint('2', `$ ${Object.entries(env).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v} `).join('')}${bin} ${args.join(' ')}`));
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: childEnv(env), stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.on('error', (err) => {
      console.error(red(`cannot run ${cmd}: ${err.message} (did \`npm ci\` run?)`));
      resolve({ code: 127, out });
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), out }));
  });
}

async function runAll(...commands) {
  for (const [bin, args, env] of commands) {
    const { code } = await run(bin, args, env);
    if (code !== 0) return { ok: false, note: `${bin} ${args.join(' ')} exited with ${code}` };
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------------------------
// web-ext lint: no errors, and no warnings except zod's eval probe.

/**
 * zod 4 probes whether eval is allowed (util.allowsEval: `const F = Function; new F("")` in a try/catch, right after
 * a navigator.userAgent "Cloudflare" check; minified to `Function(``)`). web-ext reports it as DANGEROUS_EVAL. In an
 * extension the CSP makes it throw, zod catches that and never compiles code. It is the only warning we accept, and
 * only where the flagged code really is that probe: a Function constructor called with an empty string literal
 * (which evaluates nothing), preceded by zod's "Cloudflare" check. Anything else fails the step.
 */
const EMPTY_FUNCTION_CALL = /(?:new\s+)?([A-Za-z_$][\w$]*)\(\s*(""|''|``)\s*\)/g;

function isZodEvalProbe(message, extDir) {
  if (message.code !== 'DANGEROUS_EVAL' || !message.file) return false;
  const file = path.join(extDir, message.file);
  if (!existsSync(file)) return false;
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  // Offset of line:column in the whole file (minified bundles are one line; unminified zod spans several).
  let at = (message.column ?? 1) - 1;
  for (let i = 0; i < (message.line ?? 1) - 1 && i < lines.length; i++) at += lines[i].length + 1;
  const before = text.slice(Math.max(0, at - 400), at);
  if (!/Cloudflare/.test(before)) return false;
  for (const m of text.slice(Math.max(0, at - 8), at + 40).matchAll(EMPTY_FUNCTION_CALL)) {
    const name = m[1];
    // Function itself, or a local alias of it (`F = Function`, unminified zod).
    if (name === 'Function' || new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\s*=\\s*Function\\b`).test(before)) return true;
  }
  return false;
}

export function judgeWebExtLint(report, extDir) {
  const fmt = (m) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}:${m.column ?? ''}` : ''} ${m.message}`;
  const allowed = report.warnings.filter((w) => isZodEvalProbe(w, extDir));
  const badWarnings = report.warnings.filter((w) => !allowed.includes(w));
  const lines = [];
  for (const e of report.errors) lines.push(red(`  error   ${fmt(e)}`));
  for (const w of badWarnings) lines.push(red(`  warning ${fmt(w)}`));
  for (const w of allowed) lines.push(yellow(`  allowed ${fmt(w)} (zod's eval probe: new Function("") in a try/catch)`));
  for (const n of report.notices) lines.push(`  notice  ${fmt(n)}`);
  const ok = report.errors.length === 0 && badWarnings.length === 0;
  return {
    ok,
    lines,
    note: `${report.errors.length} errors, ${badWarnings.length} warnings, ${allowed.length} allowed (zod eval probe), ${report.notices.length} notices`,
  };
}

async function webExtLint() {
  const dir = path.join(ROOT, '.output/firefox-mv2');
  const { code, out } = await run('web-ext', ['lint', '-s', dir, '--output=json', '--no-config-discovery'], {}, { capture: true });
  let report;
  try {
    report = JSON.parse(out.slice(out.indexOf('{')));
  } catch {
    console.log(out);
    return { ok: false, note: `web-ext lint exited with ${code} and printed no JSON report` };
  }
  const verdict = judgeWebExtLint(report, dir);
  for (const line of verdict.lines) console.log(line);
  console.log(verdict.note);
  return verdict;
}

// ---------------------------------------------------------------------------------------------------------------

function checkUserBuildHasNoTestHosts() {
  const bad = [];
  for (const target of ['chrome-mv3', 'firefox-mv2']) {
    const file = path.join(ROOT, '.output', target, 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    const matches = (manifest.content_scripts ?? []).flatMap((s) => s.matches ?? []);
    for (const m of matches) if (/:\/\/(127\.|localhost|\[::1\])/.test(m)) bad.push(`${target}: ${m}`);
  }
  if (bad.length) console.log(red(`test hosts in the user build:\n  ${bad.join('\n  ')}`));
  return bad.length === 0;
}

function installedBrowsers() {
  return BROWSERS.map((b) => {
    try {
      accessSync(b.executable, constants.X_OK);
      return { ...b, installed: true };
    } catch {
      return { ...b, installed: false };
    }
  });
}

/** Skipped tests from vitest's JSON report, as "file > suite > test". */
function skippedTests() {
  if (!existsSync(E2E_REPORT)) return [];
  const report = JSON.parse(readFileSync(E2E_REPORT, 'utf8'));
  const out = [];
  for (const file of report.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'skipped' || t.status === 'pending' || t.status === 'todo') {
        out.push(`${path.relative(ROOT, file.name)} > ${[...(t.ancestorTitles ?? []), t.title].join(' > ')}`);
      }
    }
  }
  return out;
}

const followUps = [];

async function e2eTests() {
  const browsers = installedBrowsers();
  const missing = browsers.filter((b) => !b.installed);
  if (missing.length && required()) {
    for (const b of missing) console.log(red(`${b.executable} is not installed.`));
    return { ok: false, note: `RETHREAD_REQUIRE_BROWSERS is set and ${missing.map((b) => b.name).join(', ')} missing. Install: ${INSTALL_HINT}` };
  }
  rmSync(E2E_REPORT, { force: true });
  const { code } = await run('vitest', [
    'run',
    '-c',
    'vitest.e2e.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.relative(ROOT, E2E_REPORT)}`,
  ]);
  const skipped = skippedTests();
  if (missing.length) {
    followUps.push(
      yellow(`Skipped e2e tests (${missing.map((b) => `${b.executable} not installed`).join(', ')}):`),
      ...skipped.map((t) => yellow(`  - ${t}`)),
      yellow(`Install the browsers to run them: ${INSTALL_HINT}`),
    );
  } else if (skipped.length) {
    followUps.push(yellow(`Skipped e2e tests:`), ...skipped.map((t) => yellow(`  - ${t}`)));
  }
  const note = missing.length ? `${skipped.length} skipped: ${missing.map((b) => b.name).join(', ')} not installed` : undefined;
  return { ok: code === 0, note: code === 0 ? note : `vitest exited with ${code}` };
}

const STEPS = [
  { name: 'typecheck', title: 'Typecheck (tsc --noEmit)', run: () => runAll(['tsc', ['--noEmit']]) },
  { name: 'lint', title: 'Lint (eslint .)', run: () => runAll(['eslint', ['.']]) },
  { name: 'unit', title: 'Unit tests (vitest run)', run: () => runAll(['vitest', ['run']]) },
  {
    name: 'build',
    title: 'User build + zips (wxt zip, wxt zip -b firefox) -> .output/',
    run: async () => {
      const r = await runAll(['wxt', ['zip'], USER_BUILD_ENV], ['wxt', ['zip', '-b', 'firefox'], USER_BUILD_ENV]);
      if (!r.ok) return r;
      return checkUserBuildHasNoTestHosts() ? { ok: true } : { ok: false, note: 'the user build contains test hosts' };
    },
  },
  { name: 'webext-lint', title: 'web-ext lint -s .output/firefox-mv2', run: webExtLint },
  {
    name: 'e2e-build',
    title: 'E2E build (RETHREAD_AUTO_HOSTS=127.0.0.1) -> .output/e2e/',
    run: () => runAll(['wxt', ['build'], E2E_BUILD_ENV], ['wxt', ['build', '-b', 'firefox'], E2E_BUILD_ENV]),
  },
  { name: 'e2e', title: 'E2E tests in Chromium and Firefox ESR (vitest -c vitest.e2e.config.ts)', run: e2eTests },
];

function selectSteps(argv) {
  const only = argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
  const from = argv.find((a) => a.startsWith('--from='))?.slice(7);
  for (const n of [...(only ?? []), ...(from ? [from] : [])]) {
    if (!STEPS.some((s) => s.name === n)) throw new Error(`unknown step "${n}"; steps: ${STEPS.map((s) => s.name).join(', ')}`);
  }
  if (only) return STEPS.filter((s) => only.includes(s.name));
  if (from) return STEPS.slice(STEPS.findIndex((s) => s.name === from));
  return STEPS;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--list')) {
    for (const s of STEPS) console.log(`${s.name.padEnd(12)} ${s.title}`);
    return 0;
  }
  const steps = selectSteps(argv);
  const results = [];
  const t0 = Date.now();
  let failed;
  for (const [i, step] of steps.entries()) {
    console.log(`\n${bold(`==> [${i + 1}/${steps.length}] ${step.title}`)}`);
    const start = Date.now();
    let r;
    try {
      r = await step.run();
    } catch (err) {
      r = { ok: false, note: String(err?.stack ?? err) };
    }
    const ms = Date.now() - start;
    results.push({ step, ok: r.ok, ms, note: r.note });
    console.log(r.ok ? green(`<== ${step.name}: ok (${seconds(ms)})`) : red(`<== ${step.name}: FAILED (${seconds(ms)})${r.note ? `: ${r.note}` : ''}`));
    if (!r.ok) {
      failed = step;
      break;
    }
  }

  console.log(`\n${bold('Summary')}`);
  for (const r of results) {
    const status = r.ok ? green('ok    ') : red('FAILED');
    console.log(`  ${status} ${r.step.name.padEnd(12)} ${seconds(r.ms).padStart(8)}${r.note ? `  ${r.note}` : ''}`);
  }
  for (const s of steps.slice(results.length)) console.log(`  ${paint('2', 'not run')} ${s.name}`);
  for (const line of followUps) console.log(line);
  console.log(
    failed
      ? red(`\nFAILED at ${failed.name} after ${seconds(Date.now() - t0)}`)
      : green(`\nAll ${results.length} steps passed in ${seconds(Date.now() - t0)}`),
  );
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
