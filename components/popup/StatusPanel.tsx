import type { PageStatus } from '@/lib/messages';
import { plural, t } from '@/utils/i18n';
import type { PageTab } from './api';
import { StatusCounts } from './StatusCounts';
import type { Phase } from './usePageStatus';

export interface StatusPanelProps {
  phase: Phase;
  tab: PageTab | null;
  status: PageStatus | null;
  problem: string | null;
  onAnalyse(): void;
  onEnable(): void;
  onWriteRule(): void;
}

/** What Rethread made of the page, or why it did nothing, with the ways to make it try. */
export function StatusPanel({ phase, tab, status, problem, onAnalyse, onEnable, onWriteRule }: StatusPanelProps) {
  const body = () => {
    if (phase === 'loading') return <p class="lead muted">{t('statusLoading')}</p>;
    if (phase === 'unsupported') return <p class="lead">{t('statusUnsupported')}</p>;
    if (phase === 'analysing' || (phase === 'ready' && status?.state === 'running')) {
      return (
        <p class="lead busy" role="status">
          <span class="spinner" aria-hidden="true" />
          {t('statusRunning')}
        </p>
      );
    }
    if (phase === 'absent') {
      return (
        <>
          <p class="lead">{t('statusNone')}</p>
          <p class="muted">{t('statusAbsentHint')}</p>
          <div class="stack">
            <button type="button" name="analyse" class="btn primary" onClick={onAnalyse}>
              {t('analyseOnce')}
            </button>
            {tab?.site && (
              <button type="button" name="enable" class="btn" onClick={onEnable}>
                {t('enableSite')}
              </button>
            )}
          </div>
        </>
      );
    }
    if (!status) return null;
    switch (status.state) {
      case 'none':
        return (
          <>
            <p class="lead">{t('statusNone')}</p>
            <p class="muted">
              {t('statusNoneHint')}{' '}
              <button type="button" class="link" onClick={onWriteRule}>
                {t('writeRule')}
              </button>
            </p>
          </>
        );
      case 'unsure':
        return (
          <>
            <p class="lead">{t('statusUnsure', plural('comments', status.comments))}</p>
            <button type="button" class="link" onClick={onWriteRule}>
              {t('writeRule')}
            </button>
          </>
        );
      case 'error':
        return (
          <>
            <p class="lead error-lead">{t('statusError')}</p>
            <p class="error-detail">{status.error || t('unknownError')}</p>
          </>
        );
      default:
        return <StatusCounts status={status} />;
    }
  };

  return (
    <section class="status" aria-live="polite" data-phase={phase} data-state={status?.state}>
      {body()}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
