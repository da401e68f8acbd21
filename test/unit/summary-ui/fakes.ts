// Stand-ins for the page (getComments, focus) and for Chrome's built-in Summarizer.
import { vi } from 'vitest';
import type { CommentsReply } from '@/lib/messages';
import type { Availability, CreateMonitor, OnDeviceEnv, SummarizerOptions } from '@/lib/summary/ondevice';
import type { SummaryApi } from '@/components/summary/api';
import { settle } from '../ui/helpers';

/** A page that answers getComments with `reply` (null: no content script) and records focus. */
export function fakeSummaryApi(reply: CommentsReply | null, onDevice: OnDeviceEnv = {}) {
  return {
    comments: vi.fn<SummaryApi['comments']>(async () => (reply ? structuredClone(reply) : null)),
    focus: vi.fn<SummaryApi['focus']>(async () => null),
    onDevice,
  } satisfies SummaryApi;
}

export interface FakeSummarizerOptions {
  /** What availability() answers for the discussion's language ('*': asked without one). */
  availability: Record<string, Availability>;
  /** Download progress create() reports, in order, before it waits for `release` (if given). */
  progress?: number[];
  /** create() does not return before this resolves (to see the progress on screen). */
  release?: Promise<void>;
  /** What summarize() answers. */
  answer?: string;
  fail?: string;
}

/** A fake global Summarizer that records what it is asked. */
export function fakeSummarizer(o: FakeSummarizerOptions) {
  const calls = { availability: [] as SummarizerOptions[], create: 0, summarize: [] as string[], destroyed: 0 };
  const env: OnDeviceEnv = {
    Summarizer: {
      async availability(options) {
        calls.availability.push(options);
        return o.availability[options.expectedInputLanguages?.[0] ?? '*'] ?? 'unavailable';
      },
      async create(options) {
        calls.create++;
        const listeners: ((e: Event & { loaded: number; total?: number }) => void)[] = [];
        const monitor: CreateMonitor = { addEventListener: (_type, l) => listeners.push(l) };
        options.monitor?.(monitor);
        for (const loaded of o.progress ?? []) for (const l of listeners) l(Object.assign(new Event('downloadprogress'), { loaded, total: 1 }));
        await o.release;
        if (o.fail) throw new Error(o.fail);
        return {
          inputQuota: 4000,
          async summarize(text: string) {
            calls.summarize.push(text);
            return o.answer ?? '* The readers want to keep the library open.\n* Some suggest volunteers.';
          },
          destroy() {
            calls.destroyed++;
          },
        };
      },
    },
  };
  return { env, calls };
}

export function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets the tab load its code, ask the page and summarise, until `done` holds (or 10 s pass). */
export async function until(done: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await settle(10);
  }
}
