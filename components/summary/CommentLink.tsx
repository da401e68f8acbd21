import type { ComponentChildren } from 'preact';
import { t } from '@/utils/i18n';

export type FocusComment = (id: string) => void;

/**
 * A link-looking button that shows a comment on the page (the popup sends `focus`; the page scrolls to it). A
 * button, not a link: it goes nowhere, it acts on the page.
 */
export function CommentLink({ id, onFocus, children, class: className, title }: { id: string; onFocus: FocusComment; children: ComponentChildren; class?: string; title?: string }) {
  return (
    <button type="button" class={className ?? 'link'} data-comment={id} title={title ?? t('popupSumGoTo')} onClick={() => onFocus(id)}>
      {children}
    </button>
  );
}
