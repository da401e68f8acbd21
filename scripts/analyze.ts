// npm run analyze -- <page.html>... [--url URL] [--now ISO] [--no-adapters] [--explain] [--summary]
// Runs the content script's pipeline on saved pages in Node and prints one JSON line per page
// (contract: ANALYZE_CONTRACT.md). Logs go to stderr; --explain prints why each candidate list was taken or not;
// --summary adds the discussion's local (extractive) summary to each line.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { analyzeDocument } from '../lib/analyze';
import { findArticle } from '../lib/article/readable';
import { summarize } from '../lib/summary';
import { nodeWordLists } from '../lib/summary/wordlists-node';

interface Args {
  files: string[];
  url: string | null;
  now: Date | undefined;
  siteAdapters: boolean;
  explain: boolean;
  summary: boolean;
}

function parseArgs(argv: string[]): Args {
  // RETHREAD_NO_ADAPTERS=1 does what --no-adapters does, for callers that cannot pass flags (the corpus scorer).
  const noAdapters = ['1', 'true', 'yes'].includes((process.env.RETHREAD_NO_ADAPTERS ?? '').toLowerCase());
  const args: Args = { files: [], url: null, now: undefined, siteAdapters: !noAdapters, explain: false, summary: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--url') args.url = argv[++i] ?? null;
    else if (a === '--now') args.now = new Date(argv[++i] ?? '');
    else if (a === '--no-adapters') args.siteAdapters = false;
    else if (a === '--explain') args.explain = true;
    else if (a === '--summary') args.summary = true;
    else if (a === '--help' || a === '-h') {
      process.stderr.write('usage: npm run analyze -- <page.html>... [--url URL] [--now ISO-DATE] [--no-adapters] [--explain] [--summary]\n');
      process.exit(0);
    } else if (a.startsWith('--')) {
      process.stderr.write(`unknown option ${a}\n`);
      process.exit(2);
    } else args.files.push(a);
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
let failed = false;
for (const file of args.files) {
  const started = performance.now();
  try {
    const html = readFileSync(file, 'utf8');
    const { document } = parseHTML(html);
    const parsedMs = performance.now() - started;
    const options: Parameters<typeof analyzeDocument>[1] = { url: args.url, siteAdapters: args.siteAdapters, article: findArticle };
    if (args.now && !Number.isNaN(args.now.getTime())) options.now = args.now;
    if (args.explain) options.explain = (line) => process.stderr.write(`  ${line}\n`);
    const result = analyzeDocument(document as unknown as Document, options);
    let summaryMs: number | null = null;
    let summary: ReturnType<typeof summarize> | null = null;
    if (args.summary) {
      const t0 = performance.now();
      summary = summarize({ comments: result.comments, article: result.article }, { wordLists: nodeWordLists() });
      summaryMs = Math.round((performance.now() - t0) * 10) / 10;
    }
    const line = {
      file,
      site: result.site,
      article: result.article,
      order: result.order,
      comments: result.comments,
      ...(summary ? { summary } : {}),
      timings: {
        totalMs: Math.round((performance.now() - started) * 10) / 10,
        parseMs: Math.round(parsedMs * 10) / 10,
        ...result.timings,
        ...(summaryMs !== null ? { summaryMs } : {}),
      },
    };
    process.stdout.write(JSON.stringify(line) + '\n');
  } catch (e) {
    failed = true;
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`${file}: ${message}\n`);
    process.stdout.write(JSON.stringify({ file, error: message, comments: [] }) + '\n');
  }
}
process.exitCode = failed ? 1 : 0;
