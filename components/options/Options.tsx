import type { FilterSettings } from '@/lib/filters';
import { t } from '@/utils/i18n';
import { normalizeHost } from '@/utils/host-input';
import { FiltersEditor } from '@/components/ui/FiltersEditor';
import { IconThreads } from '@/components/ui/icons';
import { Section } from '@/components/ui/Section';
import { useSettings } from '@/components/ui/useSettings';
import type { OptionsApi } from './api';
import { BackupSection } from './BackupSection';
import { RulesSection } from './RulesSection';
import { SitesSection } from './SitesSection';
import { ViewSection } from './ViewSection';

/** "#rule=example.org": open the rule form for that host (from the popup). */
export function hostFromHash(hash: string): string | null {
  const m = hash.match(/^#rule=(.+)$/);
  return m ? normalizeHost(decodeURIComponent(m[1]!)) : null;
}

const SECTIONS = [
  ['filters', 'filtersHeading'],
  ['sites', 'sitesHeading'],
  ['view', 'defaultViewHeading'],
  ['rules', 'rulesHeading'],
  ['backup', 'backupHeading'],
] as const;

/** The options page: filters, sites, default view, custom site rules, backup. */
export function Options({ api, hash = '' }: { api: OptionsApi; hash?: string }) {
  const { settings, update, error } = useSettings(api.settings);
  const change = (c: Parameters<typeof update>[0]) => void update(c);
  const updateFilters = (c: (f: FilterSettings) => FilterSettings) => change((s) => ({ ...s, filters: c(s.filters) }));

  return (
    <div class="page">
      <header class="page-head">
        <h1>
          <IconThreads />
          {t('optionsTitle')}
        </h1>
        <p class="intro">{t('optionsIntro')}</p>
        <nav aria-label={t('optionsNav')}>
          <ul>
            {SECTIONS.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {error && (
        <p class="error-box" role="alert">
          {t('saveFailed', error)}
        </p>
      )}
      {settings ? (
        <main>
          <Section id="filters" title={t('filtersHeading')} intro={t('filtersIntro')}>
            <FiltersEditor filters={settings.filters} update={updateFilters} />
          </Section>
          <SitesSection api={api} settings={settings} update={change} />
          <ViewSection settings={settings} update={change} />
          <RulesSection api={api} settings={settings} update={change} startHost={hostFromHash(hash)} />
          <BackupSection api={api} settings={settings} />
        </main>
      ) : (
        <p class="muted">{t('statusLoading')}</p>
      )}
    </div>
  );
}
