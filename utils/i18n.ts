// Every visible string goes through the browser's i18n messages (public/_locales), in the browser's language.
import { browser } from 'wxt/browser';

export type MessageKey = string;

/** A message with its placeholders filled; the key itself if the message is missing (never an empty label). */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  try {
    // Keys are checked by the test that compares both locale files; the generated key type is too narrow here.
    const m = browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], subs.map(String));
    if (m) return m;
  } catch {
    // Outside an extension context (tests): fall through.
  }
  return subs.length ? `${key} ${subs.join(' ')}` : key;
}

/** Plural of the two-form languages Rethread ships (English, German): "<key>One" for 1, "<key>Other" else. */
export function plural(key: MessageKey, count: number): string {
  return t(`${key}${count === 1 ? 'One' : 'Other'}`, count.toLocaleString(language()));
}

export function language(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** "06.11. 08:10" (de) / "Nov 6, 08:10" (en) for a local ISO time as shown on the page. */
export function shortTime(iso: string | null, withYear = false): string | null {
  if (!iso) return null;
  const m = iso.match(/^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?/);
  if (!m) return null;
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0)));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', day: 'numeric', month: 'short' };
  if (withYear) options.year = 'numeric';
  if (m[4]) Object.assign(options, { hour: '2-digit', minute: '2-digit', hour12: false });
  return new Intl.DateTimeFormat(language(), options).format(date);
}

/** Both ends of a time span as shortTime gives them, with years where the span crosses one ("Apr 20, 2018 – Oct 27, 2020"). */
export function shortSpan(from: string | null, to: string | null): [string | null, string | null] {
  const years = from && to && from.slice(0, 4) !== to.slice(0, 4);
  return [shortTime(from, !!years), shortTime(to, !!years)];
}
