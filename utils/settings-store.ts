// The reader's settings as a small store for the popup and options pages: load, update, and hear about changes
// made anywhere (another page, an import, the content script).
import { browser } from 'wxt/browser';
import { loadSettings, SettingsSchema, type Settings } from '@/lib/settings';
import { getSettings, updateSettings } from './settings';

export interface SettingsStore {
  load(): Promise<Settings>;
  /** Applies `change` to the current stored settings (read fresh, so concurrent edits are not lost). */
  update(change: (s: Settings) => Settings): Promise<Settings>;
  subscribe(listener: (s: Settings) => void): () => void;
}

export const settingsStore: SettingsStore = {
  load: getSettings,
  update: (change) =>
    updateSettings((s) => {
      const next = change(s);
      // Never store what the schema would reject on the next read (that would reset everything to defaults).
      const checked = SettingsSchema.safeParse(next);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new Error(issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid settings');
      }
      return checked.data;
    }),
  subscribe(listener) {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && 'settings' in changes) listener(loadSettings(changes.settings!.newValue).settings);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
};
