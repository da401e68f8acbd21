// The popup's Summary tab: "what are these comments about?", made on the reader's machine when the tab opens.
// This module is loaded lazily by the popup (components/popup/SummaryPanel); lib/summary and the word lists are
// imported only once the page's comments are in (./load).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CommentData, CommentsReply } from '@/lib/messages';
import type { Summary } from '@/lib/summary';
import { t } from '@/utils/i18n';
import type { SummaryApi } from './api';
import { Glance } from './Glance';
import { KeyPoints } from './KeyPoints';
import { asComment, makeSummary } from './load';
import { OnDeviceSection } from './OnDevice';
import './summary.css';

/**
 * How far the page is: waiting (still reading its comments, or the popup still asking), none (no comment section, or
 * Rethread does not run there), error (Rethread failed on the page), ready (its comments can be asked for).
 */
export type PageReadiness = 'waiting' | 'none' | 'error' | 'ready';

export interface SummaryTabProps {
  api: SummaryApi;
  tabId: number | null;
  page: PageReadiness;
}

type View =
  | { kind: 'loading' }
  | { kind: 'empty' }
  | { kind: 'error'; message: string }
  | { kind: 'done'; summary: Summary; reply: CommentsReply };

function Busy({ text }: { text: string }) {
  return (
    <p class="lead busy" role="status">
      <span class="spinner" aria-hidden="true" />
      {text}
    </p>
  );
}

function Result({ api, tabId, summary, reply }: { api: SummaryApi; tabId: number; summary: Summary; reply: CommentsReply }) {
  const { byId, firstBy, comments } = useMemo(() => {
    const byId = new Map<string, CommentData>();
    const firstBy = new Map<string, string>();
    for (const c of reply.comments) {
      byId.set(c.id, c);
      if (c.author && !firstBy.has(c.author)) firstBy.set(c.author, c.id);
    }
    return { byId, firstBy, comments: reply.comments.map(asComment) };
  }, [reply]);
  const onFocus = (id: string) => void api.focus(tabId, id);
  return (
    <>
      <Glance summary={summary} byId={byId} firstBy={firstBy} onFocus={onFocus} />
      <KeyPoints summary={summary} byId={byId} onFocus={onFocus} />
      <OnDeviceSection env={api.onDevice} language={summary.language} comments={comments} title={reply.title.trim() || null} />
    </>
  );
}

/** Loading, no comments, an error, or the summary. Made once, the first time the page is ready. */
export function SummaryTab({ api, tabId, page }: SummaryTabProps) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const started = useRef(false);
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );

  useEffect(() => {
    if (page !== 'ready' || tabId == null || started.current) return;
    started.current = true;
    void (async () => {
      try {
        const reply = await api.comments(tabId);
        if (!live.current) return;
        if (!reply) return setView({ kind: 'error', message: t('popupSumNoAnswer') });
        if (!reply.comments.length) return setView({ kind: 'empty' });
        const summary = await makeSummary(reply);
        if (live.current) setView({ kind: 'done', summary, reply });
      } catch (e) {
        console.warn('Rethread: summary', e);
        if (live.current) setView({ kind: 'error', message: t('popupSumFailed', e instanceof Error ? e.message : String(e)) });
      }
    })();
  }, [api, tabId, page]);

  // What is shown: the page's state first (no comments, a problem, still reading), then the summary's own.
  const shown: 'none' | 'page-error' | 'waiting' | View['kind'] =
    tabId == null || page === 'none' || view.kind === 'empty' ? 'none' : page === 'error' ? 'page-error' : page === 'waiting' ? 'waiting' : view.kind;

  const body = () => {
    switch (shown) {
      case 'none':
        return <p class="lead">{t('statusNone')}</p>;
      case 'page-error':
        return <p class="lead error-lead">{t('popupSumPageError')}</p>;
      case 'waiting':
        return <Busy text={t('statusRunning')} />;
      case 'loading':
        return <Busy text={t('popupSumLoading')} />;
    }
    if (view.kind === 'error') {
      return (
        <p class="error-lead" role="alert">
          {view.message}
        </p>
      );
    }
    return view.kind === 'done' && tabId != null ? <Result api={api} tabId={tabId} summary={view.summary} reply={view.reply} /> : null;
  };

  return (
    <div class="summary-tab" data-view={shown} aria-busy={shown === 'waiting' || shown === 'loading'}>
      {body()}
    </div>
  );
}
