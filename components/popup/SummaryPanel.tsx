// The Summary tab's content, loaded only when the reader first opens the tab: its module (components/summary)
// and, through it, lib/summary and the word lists stay out of the popup's first bundle.
import { useEffect, useState } from 'preact/hooks';
import type { PageStatus } from '@/lib/messages';
import type { SummaryApi } from '@/components/summary/api';
import type { PageReadiness } from '@/components/summary/SummaryTab';
import { t } from '@/utils/i18n';
import type { Phase } from './usePageStatus';

type TabModule = typeof import('@/components/summary/SummaryTab');

/** What the Summary tab can do with the page the popup reports. */
export function readiness(phase: Phase, status: PageStatus | null): PageReadiness {
  if (phase === 'loading' || phase === 'analysing') return 'waiting';
  if (phase !== 'ready' || !status) return 'none';
  if (status.state === 'running') return 'waiting';
  if (status.state === 'done') return 'ready';
  if (status.state === 'error') return 'error';
  return 'none';
}

export function SummaryPanel({ api, tabId, page }: { api: SummaryApi; tabId: number | null; page: PageReadiness }) {
  const [mod, setMod] = useState<TabModule | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import('@/components/summary/SummaryTab').then(
      (m) => live && setMod(() => m),
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  if (failed) {
    return (
      <p class="error-lead" role="alert">
        {t('popupSumFailed', failed)}
      </p>
    );
  }
  if (!mod) {
    return (
      <p class="lead busy" role="status">
        <span class="spinner" aria-hidden="true" />
        {t('popupSumLoading')}
      </p>
    );
  }
  return <mod.SummaryTab api={api} tabId={tabId} page={page} />;
}
