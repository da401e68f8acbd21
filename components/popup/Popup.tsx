import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FilterSettings } from '@/lib/filters';
import { t } from '@/utils/i18n';
import { IconSettings, IconThreads } from '@/components/ui/icons';
import { useSettings } from '@/components/ui/useSettings';
import type { PageCommand, PopupApi } from './api';
import { FilterNotice } from './FilterNotice';
import { FiltersPanel } from './FiltersPanel';
import { SearchBox } from './SearchBox';
import { StatusPanel } from './StatusPanel';
import { readiness, SummaryPanel } from './SummaryPanel';
import { panelId, tabId, Tabs, type PopupView } from './Tabs';
import { usePageStatus, type EarlyStart } from './usePageStatus';
import { ViewControls } from './ViewControls';

/** Performance marks: the first status shown (the popup's "open" time is its startTime). */
export const MARK_STATUS = 'rethread:status-shown';

/**
 * The toolbar popup: what Rethread made of the active page, its view, search, and the filters; and, where the API
 * can get at the page's comments, a Summary tab (made only when it is opened, from code loaded only then).
 */
export function Popup({ api, early }: { api: PopupApi; early?: Promise<EarlyStart> }) {
  const page = usePageStatus(api, { startFailed: t('startFailed'), denied: t('permissionDenied') }, early);
  const { settings, update, error } = useSettings(api.settings);
  const { tab, status, phase } = page;
  const done = phase === 'ready' && status?.state === 'done';

  const marked = useRef(false);
  useLayoutEffect(() => {
    if (phase === 'loading' || marked.current) return;
    marked.current = true;
    performance.mark(MARK_STATUS);
  }, [phase]);

  const command = useCallback(
    async (message: PageCommand) => {
      if (!tab) return;
      const s = await api.command(tab.id, message);
      if (s) page.setStatus(s);
    },
    [api, tab, page.setStatus],
  );

  // Filters change on the page shortly after they are stored; the page also reports by itself.
  const filters = settings?.filters;
  const first = useRef(true);
  useEffect(() => {
    if (!filters) return;
    if (first.current) {
      first.current = false;
      return;
    }
    const timers = [250, 1000].map((ms) => setTimeout(() => void page.refresh(), ms));
    return () => timers.forEach(clearTimeout);
  }, [filters, page.refresh]);

  const updateFilters = (change: (f: FilterSettings) => FilterSettings) => void update((s) => ({ ...s, filters: change(s.filters) }));

  const [view, setView] = useState<PopupView>('page');
  /** The Summary tab was opened once: its content stays (hidden) when the reader goes back to the page tab. */
  const [summaryOpened, setSummaryOpened] = useState(false);
  const select = (next: PopupView) => {
    setView(next);
    if (next === 'summary') setSummaryOpened(true);
  };
  const tabs = !!api.summary;
  const panel = (v: PopupView) => (tabs ? { role: 'tabpanel' as const, id: panelId(v), 'aria-labelledby': tabId(v), hidden: view !== v } : {});

  return (
    <main class="popup">
      <header class="top">
        <h1 class="brand">
          <IconThreads />
          {t('extName')}
        </h1>
        {tab?.site && <span class="site" title={tab.site}>{tab.site}</span>}
        <button type="button" name="options" class="btn icon ghost" aria-label={t('openOptions')} title={t('openOptions')} onClick={() => api.openOptions()}>
          <IconSettings />
        </button>
      </header>

      {tabs && <Tabs selected={view} onSelect={select} />}

      <div class="panel" {...panel('page')}>
        <StatusPanel
          phase={phase}
          tab={tab}
          status={status}
          problem={page.problem}
          onAnalyse={() => tab && void page.awaitStart(api.runOnce(tab.id))}
          // permissions.request must run inside the click: enableSite is called right here, not after an await.
          onEnable={() => tab && void page.awaitStart(api.enableSite(tab))}
          onWriteRule={() => api.openOptions(tab?.site ? `rule=${tab.site}` : 'rules')}
        />

        {done && status && (
          <>
            <FilterNotice status={status} onSuspend={(suspended) => void command({ type: 'suspendFilters', suspended })} />
            <ViewControls threaded={status.threaded} onCommand={(m) => void command(m)} />
            <SearchBox search={(query, step) => (tab ? api.search(tab.id, query, step) : Promise.resolve(null))} />
          </>
        )}

        <FiltersPanel settings={settings} update={updateFilters} />
        {error && (
          <p class="error" role="alert">
            {t('saveFailed', error)}
          </p>
        )}
      </div>

      {api.summary && (
        <div class="panel" {...panel('summary')}>
          {summaryOpened && <SummaryPanel api={api.summary} tabId={tab?.id ?? null} page={readiness(phase, status)} />}
        </div>
      )}
    </main>
  );
}
