import { t } from '@/utils/i18n';
import type { PageCommand } from './api';

/** Threads or the original order, and the collapse commands (threads only). */
export function ViewControls({ threaded, onCommand }: { threaded: boolean; onCommand(message: PageCommand): void }) {
  return (
    <section class="view" aria-label={t('viewHeading')}>
      <fieldset class="segmented">
        <legend class="sr-only">{t('viewHeading')}</legend>
        <label>
          <input type="radio" name="view" value="threads" checked={threaded} onChange={() => onCommand({ type: 'setThreaded', threaded: true })} />
          <span>{t('threadedView')}</span>
        </label>
        <label>
          <input type="radio" name="view" value="original" checked={!threaded} onChange={() => onCommand({ type: 'setThreaded', threaded: false })} />
          <span>{t('originalOrder')}</span>
        </label>
      </fieldset>
      <div class="actions">
        <button type="button" name="collapseAll" class="btn" disabled={!threaded} onClick={() => onCommand({ type: 'collapseAll' })}>
          {t('collapseAll')}
        </button>
        <button type="button" name="expandAll" class="btn" disabled={!threaded} onClick={() => onCommand({ type: 'expandAll' })}>
          {t('expandAll')}
        </button>
        <button type="button" name="topLevelOnly" class="btn" disabled={!threaded} onClick={() => onCommand({ type: 'topLevelOnly' })}>
          {t('topLevelOnly')}
        </button>
      </div>
    </section>
  );
}
