// Which comments each page showed on the reader's last visit, for "only new since my last visit". Bounded
// (lib/filters rememberSeen) and schema-checked like everything Rethread stores.
import { browser } from 'wxt/browser';
import { rememberSeen, type SeenStore } from '@/lib/filters';
import { SeenSchema } from '@/lib/settings';

const KEY = 'seen';

/** The page a comment section belongs to: the URL without fragment and tracking parameters. */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const p of [...u.searchParams.keys()]) if (/^(utm_|fbclid|gclid|mc_)/i.test(p)) u.searchParams.delete(p);
    return u.toString();
  } catch {
    return url;
  }
}

async function load(): Promise<SeenStore> {
  const parsed = SeenSchema.safeParse((await browser.storage.local.get(KEY))[KEY]);
  return parsed.success ? parsed.data : { pages: {} };
}

/** Fingerprints seen on the last visit to this page, or null on a first visit. */
export async function seenOn(url: string): Promise<Set<string> | null> {
  const page = (await load()).pages[pageKey(url)];
  return page ? new Set(page.ids) : null;
}

export async function rememberOn(url: string, ids: string[]): Promise<void> {
  const next = rememberSeen(await load(), pageKey(url), ids, Date.now());
  await browser.storage.local.set({ [KEY]: next });
}
