// The reader's settings: one zod schema, defaults, and migrations from every earlier version. A stored value
// that is corrupt or from an unknown future version never breaks the extension: it is replaced by defaults
// and kept aside (returned as `rejected`) so nothing is silently lost.
import * as z from 'zod/mini';

export const SETTINGS_VERSION = 1;

const hostname = z.string().check(z.regex(/^[a-z0-9.-]+(?::\d+)?$/i), z.maxLength(253));

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  sites: z.object({
    /** Sites the reader turned Rethread on for (beyond the built-in list). */
    enabled: z.array(hostname).check(z.maxLength(1000)),
    /** Built-in sites the reader turned off. */
    disabled: z.array(hostname).check(z.maxLength(1000)),
  }),
  view: z.object({
    /** Show threads when a page loads (false: leave the page in its original order until asked). */
    threaded: z.boolean(),
  }),
});

export type Settings = z.infer<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return { version: SETTINGS_VERSION, sites: { enabled: [], disabled: [] }, view: { threaded: true } };
}

export interface Loaded {
  settings: Settings;
  /** A stored value that could not be read, kept for the reader to inspect or export. */
  rejected?: unknown;
  /** True when the stored value was migrated or repaired and should be written back. */
  changed: boolean;
}

/** Steps from each older version to the next (none yet: version 1 is the first). */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

/** Reads whatever storage holds into valid settings. */
export function loadSettings(stored: unknown): Loaded {
  if (stored == null) return { settings: defaultSettings(), changed: false };
  let value = stored as Record<string, unknown>;
  let changed = false;
  if (typeof value === 'object' && typeof value.version === 'number') {
    while (typeof value.version === 'number' && value.version < SETTINGS_VERSION && MIGRATIONS[value.version]) {
      value = MIGRATIONS[value.version]!(value);
      changed = true;
    }
  }
  const parsed = SettingsSchema.safeParse(value);
  if (parsed.success) return { settings: parsed.data, changed };
  return { settings: defaultSettings(), rejected: stored, changed: true };
}

/** The hostname Rethread keys sites by ("www.spiegel.de" -> "spiegel.de"). */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}
