import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings';
import { t } from '@/utils/i18n';
import { normalizeHost } from '@/utils/host-input';
import { AddField } from '@/components/ui/AddField';
import { Checkbox } from '@/components/ui/Checkbox';
import { Section } from '@/components/ui/Section';
import type { OptionsApi } from './api';
import { EnabledSites } from './EnabledSites';

export interface SitesSectionProps {
  api: OptionsApi;
  settings: Settings;
  update(change: (s: Settings) => Settings): void;
}

/** Where Rethread runs: the reader's own sites (with their permission) and the built-in news sites. */
export function SitesSection({ api, settings, update }: SitesSectionProps) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [granted, setGranted] = useState<Record<string, boolean>>({});
  const enabled = settings.sites.enabled;

  useEffect(() => {
    let live = true;
    void Promise.all(enabled.map(async (site) => [site, await api.isGranted(site).catch(() => false)] as const)).then(
      (pairs) => live && setGranted(Object.fromEntries(pairs)),
    );
    return () => {
      live = false;
    };
  }, [api, enabled]);

  // Runs inside the submit (a user action): allowSite asks for the permission first thing.
  const add = () => {
    const site = normalizeHost(value);
    if (!site) return setError(t('siteInvalid'));
    if (enabled.includes(site)) return setError(t('duplicate'));
    setError(null);
    void api.allowSite(site).then((ok) => (ok ? setValue('') : setError(t('permissionDenied'))));
  };

  const disabled = settings.sites.disabled;
  const setBuiltIn = (site: string, on: boolean) =>
    update((s) => ({
      ...s,
      sites: { ...s.sites, disabled: on ? s.sites.disabled.filter((d) => d !== site) : [...new Set([...s.sites.disabled, site])] },
    }));

  return (
    <Section id="sites" title={t('sitesHeading')}>
      <h3>{t('sitesEnabledHeading')}</h3>
      <EnabledSites
        sites={enabled}
        granted={granted}
        onAllow={(site) => void api.allowSite(site).then((ok) => ok && setGranted((g) => ({ ...g, [site]: true })))}
        onRemove={(site) => void api.removeSite(site)}
      />
      <div class="editor">
        <AddField
          label={t('siteAddLabel')}
          name="site"
          placeholder="example.org"
          value={value}
          error={error}
          onInput={(v) => {
            setValue(v);
            setError(null);
          }}
          onSubmit={add}
        />
      </div>

      <fieldset class="builtin">
        <legend>
          <h3>{t('sitesBuiltInHeading')}</h3>
        </legend>
        <p class="hint">{t('sitesBuiltInHint')}</p>
        <div class="grid">
          {api.builtInSites.map((site) => (
            <Checkbox key={site} checked={!disabled.includes(site)} onChange={(on) => setBuiltIn(site, on)}>
              {site}
            </Checkbox>
          ))}
        </div>
      </fieldset>
    </Section>
  );
}
