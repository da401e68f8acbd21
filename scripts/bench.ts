// npm run bench: how the pipeline's cost grows with the size of a discussion.
// Synthetic discussions of 1,000 / 10,000 / 50,000 comments in two shapes: a flat list whose replies say
// "@Name" or quote an earlier comment, and a nested WordPress-style list. Reports the median time per phase.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { analyzeDocument } from '../lib/analyze';
import { summarize } from '../lib/summary';
import { nodeWordLists } from '../lib/summary/wordlists-node';

const FIRST = ['Anna', 'Bernd', 'Clara', 'Dieter', 'Eva', 'Felix', 'Greta', 'Hans', 'Ines', 'Jonas', 'Karla', 'Lukas', 'Mia', 'Nils', 'Olga', 'Paul'];
const LAST = ['Berg', 'Fischer', 'Klein', 'Wolf', 'Neumann', 'Schwarz', 'Krüger', 'Hofmann', 'Lange', 'Weber', 'Brandt', 'Vogel'];
// Comments draw on a vocabulary of a few thousand words, common ones far more often (Zipf's law), as real
// discussions do: a tiny vocabulary would make every phrase look like a quote of every comment.
const FUNCTION_WORDS = 'die der und das ist nicht ich sie es zu den mit von auf für ein eine auch so wie aber wenn man noch nur schon dann hier'.split(' ');
const SYLLABLES = ['ra', 'be', 'ko', 'sten', 'weg', 'stadt', 'rat', 'geld', 'bau', 'plan', 'ver', 'kehr', 'markt', 'schul', 'haus', 'park', 'bahn', 'land', 'zeit', 'wahl', 'burg', 'feld', 'tor', 'brü', 'cke', 'amt', 'steu', 'er', 'lo', 'kal'];
const VOCABULARY = [...FUNCTION_WORDS];
for (let i = 0; VOCABULARY.length < 3000; i++) VOCABULARY.push(SYLLABLES[i % 30]! + SYLLABLES[Math.floor(i / 30) % 30]! + (i >= 900 ? SYLLABLES[Math.floor(i / 900) % 30]! : ''));

/** Deterministic pseudo-random numbers, so every run measures the same pages. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function sentence(r: () => number, n: number): string {
  // Zipf: the k-th most common word comes up about 1/k as often as the most common one.
  return Array.from({ length: n }, () => VOCABULARY[Math.min(VOCABULARY.length - 1, Math.floor(Math.exp(r() * Math.log(VOCABULARY.length))) - 1)]).join(' ');
}

function stamp(i: number): string {
  const d = new Date(Date.UTC(2024, 10, 1, 8, 0) + i * 60_000);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

function flatPage(n: number): string {
  const r = rng(n);
  const authors: string[] = [];
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const author = `${FIRST[Math.floor(r() * FIRST.length)]} ${LAST[Math.floor(r() * LAST.length)]}${Math.floor(r() * 50)}`;
    let text = sentence(r, 12 + Math.floor(r() * 30));
    const roll = r();
    if (i > 0 && roll < 0.3) text = `@${authors[Math.floor(r() * authors.length)]}: ${text}`;
    else if (i > 0 && roll < 0.35) text = `„${sentence(r, 6)}“ ${text}`;
    authors.push(author);
    items.push(`<div class="comment" id="comment-${1000 + i}"><div class="comment-meta"><span class="comment-author">${author}</span> <span class="comment-date">${stamp(i)}</span></div><div class="comment-content"><p>${text}</p></div><a class="comment-reply-link" href="#">Antworten</a></div>`);
  }
  return page(`<div id="comments" class="comments-area"><div class="comment-list">${items.join('')}</div></div>`);
}

function nestedPage(n: number): string {
  const r = rng(n + 7);
  let i = 0;
  const comment = (depth: number): string => {
    const id = 5000 + i;
    const t = stamp(i++);
    const author = `${FIRST[Math.floor(r() * FIRST.length)]} ${LAST[Math.floor(r() * LAST.length)]}`;
    let replies = '';
    if (depth < 5) {
      const k = r() < 0.4 ? 1 + Math.floor(r() * 3) : 0;
      const kids: string[] = [];
      for (let j = 0; j < k && i < n; j++) kids.push(comment(depth + 1));
      if (kids.length) replies = `<ol class="children">${kids.join('')}</ol>`;
    }
    return `<li id="comment-${id}" class="comment depth-${depth}"><article id="div-comment-${id}" class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">${author}</b> <span class="says">sagt:</span></div><div class="comment-metadata"><time datetime="">${t}</time></div></footer><div class="comment-content"><p>${sentence(r, 15 + Math.floor(r() * 25))}</p></div></article>${replies}</li>`;
  };
  const top: string[] = [];
  while (i < n) top.push(comment(1));
  return page(`<div id="comments" class="comments-area"><ol class="comment-list">${top.join('')}</ol></div>`);
}

function page(comments: string): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Radweg kommt später | Lokalzeitung</title></head><body><header><nav><a href="/">Start</a></nav></header><main><article><h1>Radweg kommt später</h1><p>${'Die Stadt hat beschlossen. '.repeat(40)}</p></article>${comments}</main><footer>Impressum</footer></body></html>`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

// --dump N writes the flat and nested pages of N comments to .bench/ (for profiling) and stops.
const dump = process.argv.indexOf('--dump');
if (dump >= 0) {
  const n = Number(process.argv[dump + 1] ?? 10000);
  mkdirSync('.bench', { recursive: true });
  writeFileSync(`.bench/flat-${n}.html`, flatPage(n));
  writeFileSync(`.bench/nested-${n}.html`, nestedPage(n));
  process.exit(0);
}

const sizes = process.argv.includes('--quick') ? [1000, 10000] : [1000, 10000, 50000];
const runs = (n: number) => (n >= 50000 ? 3 : n >= 10000 ? 5 : 9);
const rows: string[][] = [];
const summaryOnly = process.argv.includes('--summary-only');
for (const shape of summaryOnly ? [] : (['flat + mentions', 'nested'] as const)) {
  for (const n of sizes) {
    const html = shape === 'nested' ? nestedPage(n) : flatPage(n);
    const samples: Record<string, number[]> = {};
    let found = 0;
    let linked = 0;
    for (let k = 0; k < runs(n); k++) {
      const t0 = performance.now();
      const { document } = parseHTML(html);
      const parseMs = performance.now() - t0;
      const t1 = performance.now();
      const result = analyzeDocument(document as unknown as Document, {});
      const totalMs = performance.now() - t1;
      found = result.comments.length;
      linked = result.comments.filter((c) => c.parent).length;
      for (const [k2, v] of Object.entries({ parseMs, ...result.timings, totalMs })) (samples[k2] ??= []).push(v);
    }
    const m = (k: string) => median(samples[k] ?? [0]).toFixed(1);
    rows.push([shape, n.toLocaleString('en'), String(found), String(linked), m('parseMs'), m('detectMs'), m('nestingMs'), m('threadMs'), m('totalMs')]);
    process.stderr.write(`${shape} ${n}: ${m('totalMs')} ms\n`);
  }
}
const header = ['shape', 'comments', 'found', 'linked', 'parse (linkedom)', 'detect + read', 'nesting', 'thread', 'analyze total'];
if (!summaryOnly) {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\nNode ${process.version}, median of ${runs(1000)}/${runs(10000)}/${runs(50000)} runs; "analyze total" excludes parsing (the browser has parsed the page already).`);
}

// --- summary: summarize() on the comments of the flat pages above (--summary-only runs just this part) ---
{
  const wordLists = nodeWordLists();
  const summaryRows: string[][] = [];
  for (const n of [500, 2000, 10000]) {
    const { document } = parseHTML(flatPage(n));
    const { comments, article } = analyzeDocument(document as unknown as Document, {});
    summarize({ comments, article }, { wordLists }); // warm-up
    const k = n >= 10000 ? 5 : 9;
    const ms: number[] = [];
    let s: ReturnType<typeof summarize> | null = null;
    for (let i = 0; i < k; i++) {
      const t0 = performance.now();
      s = summarize({ comments, article }, { wordLists });
      ms.push(performance.now() - t0);
    }
    const covered = new Set(s!.keyPoints.flatMap((p) => p.support)).size;
    summaryRows.push([n.toLocaleString('en'), String(comments.length), String(s!.keyPoints.length), String(s!.terms.length), String(covered), median(ms).toFixed(1), Math.min(...ms).toFixed(1)]);
    process.stderr.write(`summary ${n}: ${median(ms).toFixed(1)} ms\n`);
  }
  const sh = ['comments', 'found', 'key points', 'terms', 'supporting comments', 'summarize (median)', 'min'];
  console.log(`\nsummary (extractive, flat + mentions comments):\n`);
  console.log(`| ${sh.join(' | ')} |`);
  console.log(`|${sh.map(() => '---').join('|')}|`);
  for (const r of summaryRows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\nms; median of 9/9/5 runs after one warm-up run; word lists loaded once before.`);
}
