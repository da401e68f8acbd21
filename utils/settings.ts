// Settings in browser storage, always read through lib/settings' schema and migrations.
import { browser } from 'wxt/browser';
import { loadSettings, type Settings } from '@/lib/settings';

const KEY = 'settings';
const REJECTED = 'settings.rejected';

export async function getSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const loaded = loadSettings(stored);
  if (loaded.rejected !== undefined) await browser.storage.local.set({ [REJECTED]: { at: Date.now(), value: loaded.rejected } });
  if (loaded.changed) await browser.storage.local.set({ [KEY]: loaded.settings });
  return loaded.settings;
}

export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = change(await getSettings());
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
