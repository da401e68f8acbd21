import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { defaultSettings, importSettings, type Settings } from '@/lib/settings';
import { t } from '@/utils/i18n';
import { Section } from '@/components/ui/Section';
import type { OptionsApi } from './api';

type Outcome = { ok: true; text: string } | { ok: false; text: string } | null;

/** Export all settings to a JSON file, import one (a bad file changes nothing), reset to defaults. */
export function BackupSection({ api, settings }: { api: OptionsApi; settings: Settings }) {
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [confirming, setConfirming] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  // The question takes the focus (on the harmless answer); closing it gives the focus back.
  useEffect(() => {
    if (confirming) {
      asked.current = true;
      cancel.current?.focus();
    } else if (asked.current) {
      asked.current = false;
      resetButton.current?.focus();
    }
  }, [confirming]);

  const exportNow = () => {
    const day = new Date().toISOString().slice(0, 10);
    api.download(`rethread-settings-${day}.json`, settings);
    setOutcome({ ok: true, text: t('exportDone') });
  };

  const importFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    let text: string;
    try {
      text = await chosen.text();
    } catch (e) {
      return setOutcome({ ok: false, text: t('importFailed', String(e)) });
    }
    const result = importSettings(text);
    if ('error' in result) return setOutcome({ ok: false, text: t('importFailed', result.error) });
    try {
      await api.replaceSettings(result.settings);
      setOutcome({ ok: true, text: t('importDone') });
    } catch (e) {
      setOutcome({ ok: false, text: t('importFailed', e instanceof Error ? e.message : String(e)) });
    }
  };

  const reset = async () => {
    setConfirming(false);
    await api.replaceSettings(defaultSettings());
    setOutcome({ ok: true, text: t('resetDone') });
  };

  return (
    <Section id="backup" title={t('backupHeading')} intro={t('backupIntro')}>
      <div class="buttons">
        <button type="button" class="btn" onClick={exportNow}>
          {t('exportSettings')}
        </button>
        <button type="button" class="btn" onClick={() => file.current?.click()} aria-describedby={`${id}-out`}>
          {t('importSettings')}
        </button>
        <input
          ref={file}
          class="sr-only"
          type="file"
          accept="application/json,.json"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const input = e.currentTarget;
            void importFile(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
        <button ref={resetButton} type="button" class="btn danger" disabled={confirming} onClick={() => setConfirming(true)}>
          {t('resetSettings')}
        </button>
      </div>
      {confirming && (
        <div class="confirm" role="alertdialog" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{t('resetConfirm')}</p>
          <div class="buttons">
            <button type="button" class="btn danger solid" onClick={() => void reset()}>
              {t('resetYes')}
            </button>
            <button ref={cancel} type="button" class="btn" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <div id={`${id}-out`} aria-live="polite">
        {outcome && (
          <p class={outcome.ok ? 'notice-ok' : 'error-box'} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.text}
          </p>
        )}
      </div>
    </Section>
  );
}
