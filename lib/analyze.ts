// The whole pipeline on one parsed page: adapter or generic detection, reading each comment, the markup's own
// nesting, then threading. The content script and the Node `analyze` command both call analyzeDocument.
import { adaptersFor, type Adapter } from './adapters';
import { detectSteps, type DetectOptions, type Section } from './detect';
import { collapse, forgetTexts, textOf } from './dom';
import { markupSteps, type NestingHints } from './nesting';
import { pacer, runNow, type Steps } from './steps';
import { threadSteps, type ThreadInput } from './thread';
import { timeValue, toIso, type TimeOptions } from './time';
import type { Analysis, Article, Comment } from './types';

export interface AnalyzeOptions {
  /** The page's address: picks site adapters and resolves nothing else. */
  url?: string | null;
  /** Reference for relative times ("vor 3 Stunden"); without it they stay unresolved (null). */
  now?: Date;
  /** Use per-site adapters (platform conventions are generic and always on). Default true. */
  siteAdapters?: boolean;
  /** More site adapters: the reader's own rules. */
  adapters?: readonly Adapter[];
  /** Finds the article; the content script passes a cheap one, the CLI Readability. */
  article?: (doc: Document, commentRoot: Element | null) => Article | null;
  /** Receives the detector's reasoning line by line. */
  explain?: (line: string) => void;
}

export interface PageAnalysis extends Analysis {
  /** The comment elements, parallel to `comments`. */
  elements: Element[];
  /** The element holding the comment section. */
  root: Element | null;
  /** 0..1: how sure detection is that these are the page's reader comments. */
  confidence: number;
  timings: Record<string, number>;
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Sites number comments as they arrive: the first number of the comment's id is a fallback clock. */
function sequenceOf(el: Element): number | null {
  for (const e of [el, el.firstElementChild]) {
    if (!e) continue;
    for (const attr of ['id', 'data-comment-id', 'data-id']) {
      const m = e.getAttribute(attr)?.match(/\d{3,}/);
      if (m) return Number(m[0]);
    }
  }
  return null;
}

function* detect(doc: Document, adapters: Adapter[], base: DetectOptions): Steps<{ section: Section | null; adapter: Adapter | null }> {
  for (const adapter of adapters) {
    base.explain?.(`adapter ${adapter.name}: ${adapter.item}`);
    const options: DetectOptions = { ...base, item: adapter.item };
    if (adapter.fields) options.fields = adapter.fields;
    const section = yield* detectSteps(doc, options);
    if (section?.comments.length) return { section, adapter };
  }
  return { section: yield* detectSteps(doc, base), adapter: null };
}

/**
 * A comment's text without the passages it quotes from earlier comments, where the quote stands on its own
 * (at the start, after an address or a colon, followed by a new sentence); a quote woven into a sentence
 * ("lo que llamas \"...\" no es") stays part of it.
 */
function withoutQuoted(text: string, quoted: string[]): string {
  let out = text;
  for (const q of quoted) {
    const at = out.indexOf(q);
    if (at < 0) continue;
    let start = at;
    let end = at + q.length;
    if (start > 0 && /["'„“”»«‚‘’]/.test(out[start - 1]!)) start--;
    if (end < out.length && /["'„“”»«‚‘’]/.test(out[end]!)) end++;
    const before = out.slice(0, start).trim();
    const after = out.slice(end).trim();
    // After it a new sentence starts, or a one- or two-word one ("klar.", "und:") that does not continue it.
    const firstClause = after.match(/^[^.!?:;]*/)![0].trim();
    const standsAlone =
      (before === '' || /:$/.test(before) || /^@\s?\S+(?:\s\S+)?$/.test(before) || /[.!?]$/.test(before)) &&
      (after === '' || /^[\p{Lu}@\d]/u.test(after) || (/^\p{L}/u.test(after) && firstClause.split(/\s+/).length <= 2 && firstClause.length < after.length));
    if (standsAlone) out = out.slice(0, start) + ' ' + out.slice(end);
  }
  return collapse(out);
}

export function analyzeDocument(doc: Document, options: AnalyzeOptions = {}): PageAnalysis {
  return runNow(analyzeSteps(doc, options));
}

/** analyzeDocument in pausable steps (the content script runs them in slices). */
export function* analyzeSteps(doc: Document, options: AnalyzeOptions = {}): Steps<PageAnalysis> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round((now - t) * 100) / 100;
    t = now;
  };

  forgetTexts();
  const lang = (doc.documentElement.getAttribute('lang') ?? '').toLowerCase();
  const timeOptions: TimeOptions = { dayFirst: !lang.startsWith('en-us') };
  if (options.now) timeOptions.now = options.now;

  const adapters = adaptersFor(doc, hostOf(options.url), { sites: options.siteAdapters !== false, extra: options.adapters ?? [] });
  const base: DetectOptions = { time: timeOptions };
  if (options.explain) base.explain = options.explain;
  const { section, adapter } = yield* detect(doc, adapters, base);
  lap('detectMs');

  const article = options.article ? options.article(doc, section?.root ?? null) : null;
  lap('articleMs');

  if (!section) {
    return { site: 'generic', article, order: 'unknown', comments: [], elements: [], root: null, confidence: 0, timings };
  }
  const hints: NestingHints = {};
  if (adapter?.depth) hints.depth = adapter.depth;
  if (adapter?.parentId) hints.parentId = adapter.parentId;
  const markup = yield* markupSteps(section.items, section.root, hints);
  lap('nestingMs');

  const inputs: ThreadInput[] = [];
  const pause = pacer(500);
  for (let i = 0; i < section.comments.length; i++) {
    const rc = section.comments[i]!;
    inputs.push({
      author: rc.author,
      when: rc.time ? timeValue(rc.time) : rc.relativeMinutes != null ? -rc.relativeMinutes : null,
      parts: rc.time,
      title: rc.title,
      text: rc.text,
      quotes: rc.quotes,
      markupParent: markup[i]!.parent,
      markupConfidence: markup[i]!.confidence,
      host: rc.host,
      seq: sequenceOf(rc.element),
    });
    if (pause()) yield;
  }
  const root = section.root;
  const body = doc.body ?? doc.documentElement;
  const threads = yield* threadSteps(inputs, { time: timeOptions, context: () => textOf(body, (el) => el === root) });
  lap('threadMs');

  const comments: Comment[] = [];
  for (let i = 0; i < section.comments.length; i++) {
    const rc = section.comments[i]!;
    const link = threads.links[i]!;
    const c: Comment = {
      id: `c${i}`,
      author: rc.author,
      time: rc.time ? toIso(rc.time) : null,
      title: rc.title,
      text: withoutQuoted(rc.text, link.quoted),
      parent: link.parent == null ? null : `c${link.parent}`,
      evidence: link.evidence,
      confidence: link.confidence,
      mentions: link.mentions,
    };
    if (link.alsoAnswers.length) c.alsoAnswers = link.alsoAnswers.map((p) => `c${p}`);
    comments.push(c);
    if (pause()) yield;
  }
  return {
    site: adapter?.name ?? 'generic',
    article,
    order: threads.order,
    comments,
    elements: section.items,
    root: section.root,
    confidence: section.confidence,
    timings,
  };
}
