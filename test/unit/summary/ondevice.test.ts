import { describe, expect, it, vi } from 'vitest';
import { onDeviceState, packChunks, summarizeOnDevice, type Availability, type CreateMonitor, type OnDeviceEnv, type SummarizerOptions } from '@/lib/summary/ondevice';
import { comment, germanBridge } from './fixtures';

interface FakeOptions {
  /** Availability per language; '*' is the answer without a language. */
  availability: Record<string, Availability>;
  quota?: number;
  measure?: boolean;
  /** Download progress events create() fires. */
  progress?: number[];
  fail?: string;
}

/** A stand-in for Chrome's global Summarizer that records what it is asked. */
function fakeSummarizer(o: FakeOptions) {
  const calls = { availability: [] as SummarizerOptions[], create: 0, summarize: [] as string[], measured: 0, destroyed: 0 };
  const quota = o.quota ?? 1000;
  const usage = (text: string) => Math.ceil(text.length / 2); // a strict tokenizer: one token per two characters
  const env: OnDeviceEnv = {
    Summarizer: {
      async availability(options) {
        calls.availability.push(options);
        const lang = options.expectedInputLanguages?.[0] ?? '*';
        return o.availability[lang] ?? 'unavailable';
      },
      async create(options) {
        calls.create++;
        const listeners: ((e: Event & { loaded: number }) => void)[] = [];
        const monitor: CreateMonitor = { addEventListener: (_type, l) => listeners.push(l) };
        options.monitor?.(monitor);
        for (const loaded of o.progress ?? []) for (const l of listeners) l(Object.assign(new Event('downloadprogress'), { loaded }));
        if (o.fail) throw new Error(o.fail);
        return {
          inputQuota: quota,
          ...(o.measure === false
            ? {}
            : {
                async measureInputUsage(text: string) {
                  calls.measured++;
                  return usage(text);
                },
              }),
          async summarize(text: string) {
            if (usage(text) > quota) throw new Error(`QuotaExceededError: ${usage(text)} > ${quota}`);
            calls.summarize.push(text);
            return `* summary ${calls.summarize.length} (${text.split('\n').length} lines)`;
          },
          destroy() {
            calls.destroyed++;
          },
        };
      },
    },
  };
  return { env, calls, usage };
}

describe('on-device summary: state', () => {
  it('reports a missing API plainly', async () => {
    expect(await onDeviceState('de', {})).toEqual({ state: 'missing', reason: expect.stringMatching(/no built-in Summarizer/) });
    expect(await onDeviceState('de', { Summarizer: {} as never })).toMatchObject({ state: 'missing' });
  });

  it('asks the browser with the discussion’s language and never creates anything', async () => {
    const { env, calls } = fakeSummarizer({ availability: { en: 'available', de: 'downloadable', '*': 'available' } });
    expect(await onDeviceState('en', env)).toEqual({ state: 'available' });
    expect(await onDeviceState('de', env)).toEqual({ state: 'downloadable' });
    expect(calls.availability[0]).toMatchObject({ type: 'key-points', format: 'plain-text', length: 'medium', expectedInputLanguages: ['en'], outputLanguage: 'en' });
    expect(calls.create).toBe(0);
  });

  it('tells an unsupported language from an unavailable device', async () => {
    const lang = fakeSummarizer({ availability: { en: 'available', '*': 'available' } });
    expect(await onDeviceState('fr', lang.env)).toMatchObject({ state: 'unsupported-language', reason: expect.stringContaining('"fr"') });
    expect(await onDeviceState('und', lang.env)).toMatchObject({ state: 'unsupported-language' });
    const none = fakeSummarizer({ availability: {} });
    expect(await onDeviceState('en', none.env)).toMatchObject({ state: 'unavailable' });
  });

  it('does not throw when availability() does', async () => {
    const env: OnDeviceEnv = { Summarizer: { availability: () => Promise.reject(new Error('blocked by policy')), create: vi.fn() } };
    expect(await onDeviceState('en', env)).toMatchObject({ state: 'unavailable', reason: expect.stringContaining('blocked by policy') });
  });
});

describe('on-device summary: summarizing', () => {
  const comments = germanBridge();

  it('summarises in chunks within the quota, then summarises the summaries', async () => {
    const { env, calls, usage } = fakeSummarizer({ availability: { de: 'available', '*': 'available' }, quota: 200 });
    const chunks: number[] = [];
    const r = await summarizeOnDevice(comments, 'de', { env, title: 'Maut für die alte Brücke', onChunk: (done) => chunks.push(done) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.engine).toBe('chrome-summarizer');
    expect(r.chunks).toBeGreaterThan(3);
    expect(chunks).toEqual(Array.from({ length: r.chunks }, (_, i) => i + 1));
    for (const text of calls.summarize) expect(usage(text)).toBeLessThanOrEqual(200);
    // Every comment's text went to the model, in order.
    const sent = calls.summarize.slice(0, r.chunks).join('\n');
    for (const c of comments) expect(sent).toContain(c.text.slice(0, 40));
    expect(calls.summarize.length).toBeGreaterThan(r.chunks);
    expect(calls.destroyed).toBe(1);
    expect(calls.measured).toBeGreaterThan(0);
  });

  it('estimates usage where measureInputUsage is missing, and halves a chunk the model still finds too long', async () => {
    // The fake counts a token per two characters, more than the estimate assumes: some chunks are refused at first.
    const { env, calls, usage } = fakeSummarizer({ availability: { de: 'available', '*': 'available' }, quota: 300, measure: false });
    const r = await summarizeOnDevice(comments, 'de', { env });
    expect(r.ok).toBe(true);
    expect(calls.measured).toBe(0);
    for (const text of calls.summarize) expect(usage(text)).toBeLessThanOrEqual(300);
    const sent = calls.summarize.join('\n');
    for (const c of comments) expect(sent).toContain(c.text.slice(0, 30));
  });

  it('cuts a single comment longer than the quota', async () => {
    const long = comment('l', 'Viel', 'Die Brücke ist alt. '.repeat(100));
    const chunks = await packChunks([`${long.author}: ${long.text}`], { budget: 100, usage: async (t) => t.length / 2, estimate: (t) => t.length / 4 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect(c.length / 2).toBeLessThanOrEqual(100);
    expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(`Viel: ${long.text}`.trim().replace(/\s+/g, ' '));
  });

  it('starts a download only when asked, and reports its progress', async () => {
    const fake = fakeSummarizer({ availability: { de: 'downloadable', '*': 'downloadable' }, progress: [0, 0.5, 1] });
    expect(await onDeviceState('de', fake.env)).toEqual({ state: 'downloadable' });
    const declined = await summarizeOnDevice(comments, 'de', { env: fake.env, download: false });
    expect(declined).toMatchObject({ ok: false, state: 'downloadable' });
    expect(fake.calls.create).toBe(0);
    const progress: number[] = [];
    const r = await summarizeOnDevice(comments, 'de', { env: fake.env, onProgress: (f) => progress.push(f) });
    expect(r.ok).toBe(true);
    expect(fake.calls.create).toBe(1);
    expect(progress).toEqual([0, 0.5, 1]);
  });

  it('reports missing, unavailable, unsupported and failing plainly instead of throwing', async () => {
    expect(await summarizeOnDevice(comments, 'de', { env: {} })).toMatchObject({ ok: false, state: 'missing' });
    const fr = fakeSummarizer({ availability: { en: 'available', '*': 'available' } });
    expect(await summarizeOnDevice(comments, 'fr', { env: fr.env })).toMatchObject({ ok: false, state: 'unsupported-language' });
    expect(fr.calls.create).toBe(0);
    const broken = fakeSummarizer({ availability: { de: 'available', '*': 'available' }, fail: 'model crashed' });
    expect(await summarizeOnDevice(comments, 'de', { env: broken.env })).toMatchObject({ ok: false, state: 'failed', reason: expect.stringContaining('model crashed') });
    const ok = fakeSummarizer({ availability: { de: 'available', '*': 'available' } });
    expect(await summarizeOnDevice([comment('a', 'x', '')], 'de', { env: ok.env })).toMatchObject({ ok: false, state: 'empty' });
  });

  it('stops when the signal is aborted', async () => {
    const { env, calls } = fakeSummarizer({ availability: { de: 'available', '*': 'available' }, quota: 200 });
    const controller = new AbortController();
    const r = await summarizeOnDevice(comments, 'de', { env, signal: controller.signal, onChunk: (done) => done === 2 && controller.abort() });
    expect(r).toMatchObject({ ok: false, state: 'aborted' });
    expect(calls.summarize.length).toBe(2);
    expect(calls.destroyed).toBe(1);
  });

  it('makes no network request', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { env } = fakeSummarizer({ availability: { de: 'available', '*': 'available' } });
    await summarizeOnDevice(comments, 'de', { env });
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });
});
