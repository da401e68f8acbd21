import { t } from '@/utils/i18n';

export interface EnabledSitesProps {
  sites: readonly string[];
  /** Known permission state per site (missing: not checked yet). */
  granted: Record<string, boolean>;
  onAllow(site: string): void;
  onRemove(site: string): void;
}

/** The sites the reader turned Rethread on for, each with Remove (and Allow when the permission is gone). */
export function EnabledSites({ sites, granted, onAllow, onRemove }: EnabledSitesProps) {
  if (!sites.length) return <p class="empty">{t('sitesEnabledEmpty')}</p>;
  return (
    <ul class="table" aria-label={t('sitesEnabledHeading')}>
      {sites.map((site) => (
        <li key={site}>
          <span class="host">{site}</span>
          {granted[site] === false && (
            <>
              <span class="warn">{t('permissionMissing')}</span>
              <button type="button" class="btn" onClick={() => onAllow(site)}>
                {t('grant')}
              </button>
            </>
          )}
          <button type="button" class="btn danger" aria-label={t('remove', site)} onClick={() => onRemove(site)}>
            {t('removeShort')}
          </button>
        </li>
      ))}
    </ul>
  );
}
