import type { PageStatus } from '@/lib/messages';
import { plural, t } from '@/utils/i18n';

/** "7 hidden by filters · show them", or, while they are off on this page, "Filters are off · turn them on again". */
export function FilterNotice({ status, onSuspend }: { status: PageStatus; onSuspend(suspended: boolean): void }) {
  if (status.suspended) {
    return (
      <p class="notice">
        {t('filtersSuspended')}
        <span class="sep"> · </span>
        <button type="button" name="resume" class="link" onClick={() => onSuspend(false)}>
          {t('filtersResume')}
        </button>
      </p>
    );
  }
  if (!status.filtered) return null;
  return (
    <p class="notice">
      {plural('hiddenByFilters', status.filtered)}
      <span class="sep"> · </span>
      <button type="button" name="suspend" class="link" onClick={() => onSuspend(true)}>
        {t('showThem')}
      </button>
    </p>
  );
}
