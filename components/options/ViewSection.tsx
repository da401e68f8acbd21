import type { Settings } from '@/lib/settings';
import { t } from '@/utils/i18n';
import { Section } from '@/components/ui/Section';

/** Threads when a page loads, or the site's order until the reader switches. */
export function ViewSection({ settings, update }: { settings: Settings; update(change: (s: Settings) => Settings): void }) {
  const set = (threaded: boolean) => update((s) => ({ ...s, view: { threaded } }));
  return (
    <Section id="view" title={t('defaultViewHeading')}>
      <fieldset class="choices">
        <legend class="sr-only">{t('defaultViewHeading')}</legend>
        <label class="check">
          <input type="radio" name="default-view" checked={settings.view.threaded} onChange={() => set(true)} />
          <span>{t('viewThreadsOnLoad')}</span>
        </label>
        <label class="check">
          <input type="radio" name="default-view" checked={!settings.view.threaded} onChange={() => set(false)} />
          <span>{t('viewOriginalOnLoad')}</span>
        </label>
      </fieldset>
    </Section>
  );
}
