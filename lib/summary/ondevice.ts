// Chrome's built-in Summarizer (the Summarizer API, Gemini Nano on the reader's machine) as an optional extra on
// top of the extractive summary. It is used only where the browser has it, for a language it supports, and only
// when the reader asks: onDeviceState() never downloads anything; summarizeOnDevice() may start the model's
// download (the browser's own, from its own servers, with its own consent rules) because the reader clicked.
// Rethread itself makes no network request here. Where the API is missing, the language is unsupported or
// anything fails, the answer says so plainly and nothing throws: the extractive summary stays the summary.
//
// Long discussions exceed the model's input quota: comments are packed into chunks that fit (measured with
// measureInputUsage() where the browser offers it), each chunk is summarised, then the chunk summaries are
// summarised once more (again in chunks, if they are many).
import type { Comment } from '../types';

export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export type OnDeviceState =
  | { state: 'missing'; reason: string }
  | { state: 'unsupported-language'; reason: string }
  | { state: 'unavailable'; reason: string }
  | { state: 'downloadable' | 'downloading' | 'available'; reason?: undefined };

export interface SummarizerOptions {
  type: 'key-points' | 'tldr' | 'teaser' | 'headline';
  format: 'plain-text' | 'markdown';
  length: 'short' | 'medium' | 'long';
  expectedInputLanguages?: string[];
  outputLanguage?: string;
  sharedContext?: string;
}

/** The part of a Summarizer instance used here. */
export interface SummarizerInstance {
  readonly inputQuota?: number;
  measureInputUsage?(input: string, options?: { context?: string; signal?: AbortSignal }): Promise<number>;
  summarize(input: string, options?: { context?: string; signal?: AbortSignal }): Promise<string>;
  destroy?(): void;
}

interface DownloadProgress extends Event {
  loaded: number;
  total?: number;
}

export interface CreateMonitor {
  addEventListener(type: 'downloadprogress', listener: (e: DownloadProgress) => void): void;
}

/** The part of the global Summarizer used here. */
export interface SummarizerApi {
  availability(options: SummarizerOptions): Promise<Availability>;
  create(options: SummarizerOptions & { monitor?: (m: CreateMonitor) => void; signal?: AbortSignal }): Promise<SummarizerInstance>;
}

/** Where the Summarizer comes from: globalThis in the browser, a fake in tests. */
export interface OnDeviceEnv {
  Summarizer?: SummarizerApi;
}

export const BASE_OPTIONS = { type: 'key-points', format: 'plain-text', length: 'medium' } as const;

function optionsFor(lang: string, context?: string): SummarizerOptions {
  const o: SummarizerOptions = { ...BASE_OPTIONS, expectedInputLanguages: [lang], outputLanguage: lang };
  if (context) o.sharedContext = context;
  return o;
}

function api(env: OnDeviceEnv): SummarizerApi | null {
  const s = env.Summarizer;
  return s && typeof s.availability === 'function' && typeof s.create === 'function' ? s : null;
}

/** What the browser offers for this language, without downloading or creating anything. */
export async function onDeviceState(lang: string, env: OnDeviceEnv = globalThis as OnDeviceEnv): Promise<OnDeviceState> {
  const summarizer = api(env);
  if (!summarizer) return { state: 'missing', reason: 'This browser has no built-in Summarizer.' };
  if (!lang || lang === 'und') return { state: 'unsupported-language', reason: 'The language of this discussion is not known.' };
  let answer: Availability;
  try {
    answer = await summarizer.availability(optionsFor(lang));
  } catch (e) {
    return { state: 'unavailable', reason: `The built-in Summarizer cannot be used: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (answer === 'unavailable') {
    // Available for other languages? Then it is this one it lacks.
    let general: Availability = 'unavailable';
    try {
      general = await summarizer.availability({ ...BASE_OPTIONS });
    } catch {
      // keep 'unavailable'
    }
    return general !== 'unavailable'
      ? { state: 'unsupported-language', reason: `The built-in Summarizer does not support the language "${lang}".` }
      : { state: 'unavailable', reason: 'The built-in Summarizer is not available on this device.' };
  }
  if (answer === 'downloadable' || answer === 'downloading' || answer === 'available') return { state: answer };
  return { state: 'unavailable', reason: `The built-in Summarizer answered "${String(answer)}".` };
}

export interface OnDeviceOptions {
  env?: OnDeviceEnv;
  /** Download progress of the model, 0..1 (only while the browser downloads it). */
  onProgress?: (fraction: number) => void;
  /** Each chunk as it is summarised. */
  onChunk?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** The article's headline, given to the model as context. */
  title?: string | null;
  /** Start the model's download if the browser still needs it. Default true: call this only when the reader asked. */
  download?: boolean;
}

export type OnDeviceResult =
  | { ok: true; text: string; chunks: number; engine: 'chrome-summarizer' }
  | { ok: false; state: OnDeviceState['state'] | 'aborted' | 'failed' | 'empty'; reason: string };

/** The text given to the model for one comment. */
export function commentLine(c: Comment): string {
  const text = c.text.replace(/\s+/g, ' ').trim();
  return text ? `${c.author ?? '?'}: ${text}` : '';
}

interface Measure {
  budget: number;
  /** Exact where the browser can measure, else an estimate that errs on the large side. */
  usage: (text: string) => Promise<number>;
  /** A cheap estimate, about a token per four characters. */
  estimate: (text: string) => number;
}

// Without measureInputUsage, assume a token per three characters (most languages need fewer).
const estimateTokens = (text: string) => Math.ceil(text.length / 3);

/**
 * Packs lines into chunks whose usage stays within the budget. Lines are measured only when the chunk gets near
 * the budget; a line longer than the budget alone is cut at a sentence or word boundary.
 */
export async function packChunks(lines: readonly string[], m: Measure): Promise<string[]> {
  const chunks: string[] = [];
  let current = '';
  const fits = async (text: string) => m.estimate(text) * 3 <= m.budget || (await m.usage(text)) <= m.budget;
  for (let line of lines) {
    if (!line) continue;
    const candidate = current ? `${current}\n${line}` : line;
    if (await fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) chunks.push(current);
    // The line alone too long: cut it.
    while (!(await fits(line))) {
      let cut = Math.floor(line.length / 2);
      while (cut > 1 && !(await fits(line.slice(0, cut)))) cut = Math.floor(cut / 2);
      const sentence = line.lastIndexOf('. ', cut);
      const space = line.lastIndexOf(' ', cut);
      const at = sentence > cut / 2 ? sentence + 1 : space > cut / 2 ? space : cut;
      chunks.push(line.slice(0, at).trim());
      line = line.slice(at).trim();
      if (!line) break;
    }
    current = line;
  }
  if (current) chunks.push(current);
  return chunks;
}

function isQuotaError(e: unknown): boolean {
  return e instanceof Error && (e.name === 'QuotaExceededError' || /quota/i.test(e.message));
}

/** A text cut in two near its middle, at a line break or else a space. */
function halves(text: string): [string, string] {
  const mid = Math.floor(text.length / 2);
  const line = text.lastIndexOf('\n', mid);
  const space = text.lastIndexOf(' ', mid);
  const at = line > mid / 2 ? line : space > mid / 2 ? space : mid;
  return [text.slice(0, at).trim(), text.slice(at).trim()];
}

/** Summarises the comments with the browser's model: chunks within its quota, then a summary of the summaries. */
export async function summarizeOnDevice(comments: readonly Comment[], lang: string, options: OnDeviceOptions = {}): Promise<OnDeviceResult> {
  const env = options.env ?? (globalThis as OnDeviceEnv);
  const state = await onDeviceState(lang, env);
  if (state.state === 'missing' || state.state === 'unsupported-language' || state.state === 'unavailable') {
    return { ok: false, state: state.state, reason: state.reason };
  }
  if (state.state !== 'available' && options.download === false) {
    return { ok: false, state: state.state, reason: 'The built-in Summarizer must be downloaded by the browser first.' };
  }
  const lines = comments.map(commentLine).filter(Boolean);
  if (!lines.length) return { ok: false, state: 'empty', reason: 'There are no comments to summarise.' };
  const signal = options.signal;
  const aborted = (): OnDeviceResult => ({ ok: false, state: 'aborted', reason: 'Stopped.' });
  if (signal?.aborted) return aborted();

  const context = `Reader comments under a news article${options.title ? `: "${options.title}"` : ''}.`;
  let summarizer: SummarizerInstance | null = null;
  try {
    const createOptions: Parameters<SummarizerApi['create']>[0] = {
      ...optionsFor(lang, context),
      monitor(m) {
        m.addEventListener('downloadprogress', (e) => {
          const fraction = e.total ? e.loaded / e.total : e.loaded;
          options.onProgress?.(Math.max(0, Math.min(1, fraction)));
        });
      },
    };
    if (signal) createOptions.signal = signal;
    summarizer = await env.Summarizer!.create(createOptions);
    const s = summarizer;
    const quota = typeof s.inputQuota === 'number' && Number.isFinite(s.inputQuota) && s.inputQuota > 0 ? s.inputQuota : 4000;
    const measure: Measure = {
      // Headroom for the context and the model's own instructions.
      budget: Math.floor(quota * 0.9),
      usage: async (text) => (s.measureInputUsage ? s.measureInputUsage(text, signal ? { context, signal } : { context }) : estimateTokens(text)),
      estimate: (text) => Math.ceil(text.length / 4),
    };
    // Where the usage was only estimated, the browser may still find a chunk too long: it is then halved.
    const run = async (text: string, ctx: string, depth = 0): Promise<string> => {
      try {
        return await s.summarize(text, signal ? { context: ctx, signal } : { context: ctx });
      } catch (e) {
        if (depth >= 6 || !isQuotaError(e) || text.length < 2) throw e;
        const [a, b] = halves(text);
        return `${(await run(a, ctx, depth + 1)).trim()}\n${(await run(b, ctx, depth + 1)).trim()}`;
      }
    };

    let chunks = await packChunks(lines, measure);
    const total = chunks.length;
    let parts: string[] = [];
    for (let i = 0; i < chunks.length; i++) {
      if (signal?.aborted) return aborted();
      parts.push((await run(chunks[i]!, context)).trim());
      options.onChunk?.(i + 1, chunks.length);
    }
    // Reduce: summaries of summaries until one remains (a few rounds at most).
    for (let round = 0; parts.length > 1 && round < 4; round++) {
      if (signal?.aborted) return aborted();
      chunks = await packChunks(parts, measure);
      const next: string[] = [];
      for (const chunk of chunks) next.push((await run(chunk, `Key points of parts of one discussion. ${context}`)).trim());
      if (next.length >= parts.length && chunks.length > 1) {
        parts = next;
        break;
      }
      parts = next;
    }
    return { ok: true, text: parts.join('\n'), chunks: total, engine: 'chrome-summarizer' };
  } catch (e) {
    if (signal?.aborted || (e instanceof Error && e.name === 'AbortError')) return aborted();
    return { ok: false, state: 'failed', reason: `The built-in Summarizer failed: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    summarizer?.destroy?.();
  }
}
