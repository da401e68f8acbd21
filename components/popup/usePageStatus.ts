import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PageStatus } from '@/lib/messages';
import type { PageTab, PopupApi } from './api';

/**
 * loading: asking the page; unsupported: no web page to work on; absent: Rethread is not running on the page;
 * analysing: started on the page just now, waiting for its first report; ready: `status` holds the page's report.
 */
export type Phase = 'loading' | 'unsupported' | 'absent' | 'analysing' | 'ready';

export interface PageState {
  phase: Phase;
  tab: PageTab | null;
  status: PageStatus | null;
  /** A problem of the popup's own (could not run on the page, permission refused). */
  problem: string | null;
  setStatus(status: PageStatus): void;
  setProblem(problem: string | null): void;
  refresh(): Promise<void>;
  /** Waits for the page's first report after Rethread was started on it. */
  awaitStart(start: Promise<unknown>): Promise<void>;
}

/** The popup's first questions, asked before anything renders (see startEarly). */
export interface EarlyStart {
  tab: PageTab | null;
  /** The page's status; null when no content script answered (or no web page). */
  status: PageStatus | null;
}

/**
 * Asks for the tab and its status right away, in parallel with loading and rendering the popup: the answer is
 * what the reader opened the popup for.
 */
export function startEarly(api: PopupApi): Promise<EarlyStart> {
  return api
    .tab()
    .catch(() => null)
    .then(async (tab) => ({ tab, status: tab?.web ? await api.status(tab.id) : null }));
}

const POLL_MS = 200;
/** How long a page may take to report after Rethread was started on it. */
const START_TIMEOUT_MS = 15_000;

/** The active page's Rethread status: asked once when the popup opens, then kept current. */
export function usePageStatus(api: PopupApi, texts: { startFailed: string; denied: string }, early?: Promise<EarlyStart>): PageState {
  const [phase, setPhase] = useState<Phase>('loading');
  const [tab, setTab] = useState<PageTab | null>(null);
  const [status, setStatusState] = useState<PageStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const tabRef = useRef<PageTab | null>(null);
  const live = useRef(true);

  const setStatus = useCallback((s: PageStatus) => {
    if (!live.current) return;
    setStatusState(s);
    setPhase('ready');
  }, []);

  const refresh = useCallback(async () => {
    const current = tabRef.current;
    if (!current) return;
    const s = await api.status(current.id);
    if (s) setStatus(s);
  }, [api, setStatus]);

  useEffect(() => {
    live.current = true;
    let off = () => {};
    void (async () => {
      const { tab: found, status: s } = await (early ?? startEarly(api));
      if (!live.current) return;
      tabRef.current = found;
      setTab(found);
      if (!found || !found.web) {
        setPhase('unsupported');
        return;
      }
      off = api.onStatus(found.id, setStatus);
      if (s) setStatus(s);
      else setPhase('absent');
    })();
    return () => {
      live.current = false;
      off();
    };
  }, [api, setStatus, early]);

  // While the page is still reading its comments, ask again now and then (reports also arrive by themselves).
  const running = status?.state === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void refresh(), POLL_MS * 2);
    return () => clearInterval(timer);
  }, [running, refresh]);

  const awaitStart = useCallback(
    async (start: Promise<unknown>) => {
      const current = tabRef.current;
      if (!current) return;
      setProblem(null);
      setPhase('analysing');
      try {
        if ((await start) === false) {
          setProblem(texts.denied); // the reader said no to the permission: nothing changed
          setPhase('absent');
          return;
        }
        const deadline = Date.now() + START_TIMEOUT_MS;
        while (live.current && Date.now() < deadline) {
          const s = await api.status(current.id);
          if (s && s.state !== 'running') return setStatus(s);
          if (s) setStatusState(s);
          await new Promise((r) => setTimeout(r, POLL_MS));
        }
        throw new Error('no report from the page');
      } catch (e) {
        // The browser's words (no access, page gone...) are for the console; the reader gets a plain sentence.
        console.warn('Rethread: could not start on this page', e);
        if (!live.current) return;
        setProblem(texts.startFailed);
        setPhase('absent');
      }
    },
    [api, setStatus, texts.startFailed, texts.denied],
  );

  return { phase, tab, status, problem, setStatus, setProblem, refresh, awaitStart };
}
