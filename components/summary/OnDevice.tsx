import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { onDeviceState, summarizeOnDevice, type OnDeviceEnv, type OnDeviceState } from '@/lib/summary/ondevice';
import type { Comment } from '@/lib/types';
import { t } from '@/utils/i18n';
import { percent, summaryLines } from './format';

export interface OnDeviceProps {
  env: OnDeviceEnv;
  /** The discussion's language (Summary.language). */
  language: string;
  comments: readonly Comment[];
  /** The article's headline, as context for the model. */
  title: string | null;
}

type Run =
  | { kind: 'idle' }
  /** download: the model's download progress 0..1 while the browser fetches it; parts: chunks summarised. */
  | { kind: 'running'; download: number | null; parts: [done: number, total: number] | null }
  | { kind: 'done'; lines: string[] }
  | { kind: 'failed' };

/**
 * Chrome's built-in Summarizer as an extra, where the browser has it: its state, a button that starts the work
 * (the model's download too, only when clicked), progress, and the result labelled as made on the device. Where
 * the browser has no such model (Firefox, older Chrome) nothing is shown; where it cannot serve this discussion,
 * one quiet line. The extractive summary above stays the summary either way.
 */
export function OnDeviceSection({ env, language, comments, title }: OnDeviceProps) {
  const id = useId();
  const [state, setState] = useState<OnDeviceState | null>(null);
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const live = useRef(true);

  const check = () =>
    onDeviceState(language, env).then(
      (s) => live.current && setState(s),
      () => live.current && setState({ state: 'missing', reason: 'onDeviceState failed' }),
    );

  useEffect(() => {
    live.current = true;
    void check();
    return () => {
      live.current = false;
      controller.current?.abort();
    };
  }, [env, language]); // asked once per discussion

  if (!state || state.state === 'missing') return null;
  if (state.state === 'unsupported-language' || state.state === 'unavailable') {
    return (
      <p class="hint ai-note" data-ai-state={state.state}>
        {t(state.state === 'unsupported-language' ? 'popupAiUnsupportedLanguage' : 'popupAiUnavailable')}
      </p>
    );
  }

  const needsDownload = state.state !== 'available';
  const start = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setRun({ kind: 'running', download: needsDownload ? 0 : null, parts: null });
    const result = await summarizeOnDevice(comments, language, {
      env,
      signal: abort.signal,
      title,
      // Only this click asks for the model: where the browser still lacks it, this starts its download.
      download: needsDownload,
      onProgress: (fraction) => live.current && setRun((r) => (r.kind === 'running' ? { ...r, download: fraction } : r)),
      onChunk: (done, total) => live.current && setRun({ kind: 'running', download: null, parts: [done, total] }),
    });
    if (!live.current || controller.current !== abort) return;
    controller.current = null;
    if (result.ok) {
      setRun({ kind: 'done', lines: summaryLines(result.text) });
      setState({ state: 'available' });
      return;
    }
    if (result.state === 'aborted') {
      setRun({ kind: 'idle' });
    } else {
      console.warn('Rethread: on-device summary', result.reason);
      setRun({ kind: 'failed' });
    }
    void check(); // the model may have arrived, or gone
  };
  const stop = () => controller.current?.abort();

  const lang = language === 'und' ? undefined : language;
  const intro = state.state === 'available' ? 'popupAiIntroAvailable' : state.state === 'downloading' ? 'popupAiIntroDownloading' : 'popupAiIntroDownloadable';

  return (
    <section class="sum-block ai" aria-labelledby={`${id}-h`} data-ai-state={state.state}>
      <h2 id={`${id}-h`}>{t('popupAiHeading')}</h2>
      {run.kind === 'done' ? (
        <div class="ai-result" data-engine="chrome-summarizer">
          <ul class="ai-lines" lang={lang}>
            {run.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          <p class="hint">{t('popupAiResultNote')}</p>
        </div>
      ) : (
        <>
          <p class="muted">{t(intro)}</p>
          {run.kind === 'running' ? (
            <div class="ai-progress">
              <p class="busy" role="status">
                <span class="spinner" aria-hidden="true" />
                {run.download !== null && run.download < 1
                  ? t('popupAiDownloading', percent(run.download))
                  : run.parts
                    ? t('popupAiWorking', run.parts[0], run.parts[1])
                    : t('popupAiStarting')}
              </p>
              {run.download !== null && run.download < 1 && <progress max={1} value={run.download} aria-label={t('popupAiProgress')} />}
              <button type="button" name="aiStop" class="btn" onClick={stop}>
                {t('popupAiStop')}
              </button>
            </div>
          ) : (
            <>
              {run.kind === 'failed' && (
                <p class="error" role="alert">
                  {t('popupAiFailed')}
                </p>
              )}
              <button type="button" name="aiSummarise" class="btn" onClick={() => void start()}>
                {t(run.kind === 'failed' ? 'popupAiRetry' : needsDownload ? 'popupAiDownload' : 'popupAiSummarise')}
              </button>
            </>
          )}
        </>
      )}
    </section>
  );
}
