// Long computations are written as generators that `yield` between small units of work. Node and the tests run
// them at once; the content script runs them in slices so that a page with thousands of comments never sees a
// main-thread task longer than its budget.

/** A computation that may pause between steps and finally returns T. */
export type Steps<T> = Generator<void, T, void>;

/** Runs to the end without pausing. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface SliceReport {
  /** The longest slice of uninterrupted work, in milliseconds. */
  longestSliceMs: number;
  slices: number;
}

/**
 * Waits for the next chance to run, letting the page handle input and paint in between. In browsers a message to
 * ourselves: a chain of setTimeout(0) is clamped to 4 ms per step after the fifth (seconds over hundreds of slices).
 */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const port = messagePort();
    if (!port) {
      setTimeout(resolve, 0);
      return;
    }
    waiting.push(resolve);
    port.postMessage(null);
  });

const waiting: (() => void)[] = [];
let channel: MessageChannel | null | undefined;

/** One channel for every pause, in browsers only: in Node (ports there can be unref'd) an open port keeps the process alive. */
function messagePort(): MessagePort | null {
  if (channel === undefined) {
    channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
    if (channel && 'unref' in channel.port1) {
      channel.port1.close();
      channel = null;
    }
    // One message per pause, answered in order.
    if (channel) channel.port1.onmessage = () => waiting.shift()?.();
  }
  return channel ? channel.port2 : null;
}

/** Runs in slices of about `budgetMs`, pausing with `pause` between them. */
export async function runSliced<T>(steps: Steps<T>, budgetMs = 25, pause: () => Promise<void> = nextTask): Promise<{ value: T } & SliceReport> {
  let longest = 0;
  let slices = 0;
  for (;;) {
    const start = performance.now();
    let r = steps.next();
    while (!r.done && performance.now() - start < budgetMs) r = steps.next();
    longest = Math.max(longest, performance.now() - start);
    slices++;
    if (r.done) return { value: r.value, longestSliceMs: longest, slices };
    await pause();
  }
}

/** Yields once every `every` calls: a cheap counter for loops that should pause now and then. */
export function pacer(every: number): () => boolean {
  let n = 0;
  return () => ++n % every === 0;
}
