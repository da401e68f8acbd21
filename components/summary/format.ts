// Small text helpers of the Summary tab (no DOM, no browser APIs but utils/i18n).
import type { CommentData } from '@/lib/messages';
import { language, shortSpan, t } from '@/utils/i18n';

/** The name a comment is shown under: its author, or "Anonymous". */
export function authorName(c: Pick<CommentData, 'author'> | undefined): string {
  return c?.author?.trim() || t('popupSumAnonymous');
}

/** The first words of a text, cut at a word boundary: "den er nicht kennt und ihm auch …". */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, '')} …`;
}

/** "Written from Nov 5, 15:00 to Nov 6, 11:50", "Written on Nov 5, 15:00", or null without times. */
export function spanText(span: { from: string | null; to: string | null }): string | null {
  const [from, to] = shortSpan(span.from, span.to);
  if (from && to && from !== to) return t('popupSumSpan', from, to);
  const one = from ?? to;
  return one ? t('popupSumSpanOne', one) : null;
}

/** "42 %" / "42 %" as the reader's language writes a share. */
export function percent(fraction: number): string {
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 0 }).format(Math.max(0, Math.min(1, fraction)));
}

/** The on-device model's plain-text key points as separate lines, without their bullets. */
export function summaryLines(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.replace(/^\s*(?:[*•·–-]|\d+[.)])\s+/u, '').trim())
    .filter(Boolean);
}
