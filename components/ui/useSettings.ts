import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/settings';
import type { SettingsStore } from '@/utils/settings-store';

export interface SettingsState {
  /** Null until loaded. */
  settings: Settings | null;
  /** Shows the change at once, then stores it (applied to the freshly read stored value). */
  update(change: (s: Settings) => Settings): Promise<void>;
  /** A failure to load or store, for the page to show. */
  error: string | null;
}

/** The reader's settings, kept current when they change elsewhere (another page, an import). */
export function useSettings(store: SettingsStore): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    store.load().then(
      (s) => live && setSettings(s),
      (e: unknown) => live && setError(String(e)),
    );
    const off = store.subscribe((s) => live && setSettings(s));
    return () => {
      live = false;
      off();
    };
  }, [store]);

  const update = useCallback(
    async (change: (s: Settings) => Settings) => {
      setSettings((s) => (s ? change(s) : s));
      try {
        setSettings(await store.update(change));
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [store],
  );

  return { settings, update, error };
}
