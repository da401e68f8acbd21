// The reader's settings: one zod schema, defaults, and migrations from every earlier version. A stored value
// that is corrupt or from an unknown future version never breaks the extension: it is replaced by defaults
// and kept aside (returned as `rejected`) so nothing is silently lost. Schemas are built on first use (lib/lazy):
// the content script imports this module and should not pay for them before it has read storage.
import * as z from 'zod/mini';
import type { Adapter } from './adapters/types';
import type { FilterSettings } from './filters';
import { lazy } from './lazy';

export const SETTINGS_VERSION = 2;

const hostname = lazy(() => z.string().check(z.regex(/^[a-z0-9.-]+(?::\d+)?$/i), z.maxLength(253)));
const name = lazy(() => z.string().check(z.minLength(1), z.maxLength(200)));
/** A CSS selector as the reader typed it (no braces or angle brackets); whether the browser accepts it is checked
 *  where a DOM exists. A regex check rather than a refine: the same strings pass, and zod's refine code stays out of
 *  the content script. */
const selector = lazy(() => z.string().check(z.minLength(1), z.maxLength(500), z.regex(/^[^{}<>]*$/, 'not a CSS selector')));

export const KeywordSchema = lazy(() => z.object({
  pattern: z.string().check(z.minLength(1), z.maxLength(500)),
  mode: z.enum(['hide', 'highlight']),
}));

export const FiltersSchema = lazy(() => z.object({
  keywords: z.array(KeywordSchema).check(z.maxLength(500)),
  muted: z.array(name).check(z.maxLength(2000)),
  muteReplies: z.boolean(),
  highlighted: z.array(name).check(z.maxLength(2000)),
  minLength: z.number().check(z.int(), z.minimum(0), z.maximum(10000)),
  onlyNew: z.boolean(),
}));

/** A reader's own rule for a site the detector gets wrong: selectors for its comments (an adapter as data). */
export const RuleSchema = lazy(() => z.object({
  host: hostname,
  item: selector,
  author: z.optional(selector),
  time: z.optional(selector),
  title: z.optional(selector),
  text: z.optional(selector),
}));
export type Rule = z.infer<typeof RuleSchema>;

export const SettingsSchema = lazy(() => z.object({
  version: z.literal(SETTINGS_VERSION),
  sites: z.object({
    /** Sites the reader turned Rethread on for (beyond the built-in list). */
    enabled: z.array(hostname).check(z.maxLength(1000)),
    /** Built-in sites the reader turned off. */
    disabled: z.array(hostname).check(z.maxLength(1000)),
  }),
  view: z.object({
    /** Show threads when a page loads (false: original order until asked). */
    threaded: z.boolean(),
  }),
  filters: FiltersSchema,
  rules: z.array(RuleSchema).check(z.maxLength(200)),
}));

export type Settings = z.infer<typeof SettingsSchema>;

export function defaultFilters(): FilterSettings {
  return { keywords: [], muted: [], muteReplies: false, highlighted: [], minLength: 0, onlyNew: false };
}

export function defaultSettings(): Settings {
  return { version: SETTINGS_VERSION, sites: { enabled: [], disabled: [] }, view: { threaded: true }, filters: defaultFilters(), rules: [] };
}

export interface Loaded {
  settings: Settings;
  /** A stored value that could not be read, kept for the reader to inspect or export. */
  rejected?: unknown;
  /** True when the stored value was migrated or repaired and should be written back. */
  changed: boolean;
}

type Raw = Record<string, unknown>;

/** Steps from each older version to the next. */
const MIGRATIONS: Record<number, (old: Raw) => Raw> = {
  // 1 -> 2: filters and custom site rules arrived.
  1: (old) => ({ ...old, version: 2, filters: defaultFilters(), rules: [] }),
};

/** Reads whatever storage holds into valid settings. */
export function loadSettings(stored: unknown): Loaded {
  if (stored == null) return { settings: defaultSettings(), changed: false };
  if (typeof stored !== 'object' || Array.isArray(stored)) return { settings: defaultSettings(), rejected: stored, changed: true };
  let value = stored as Raw;
  let changed = false;
  while (typeof value.version === 'number' && value.version < SETTINGS_VERSION && MIGRATIONS[value.version]) {
    value = MIGRATIONS[value.version]!(value);
    changed = true;
  }
  const parsed = SettingsSchema.safeParse(value);
  if (parsed.success) return { settings: parsed.data, changed };
  return { settings: defaultSettings(), rejected: stored, changed: true };
}

/** Checks an imported settings file: migrated and valid, or a readable error (nothing changes then). */
export function importSettings(json: string): { settings: Settings } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { error: `Not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const loaded = loadSettings(data);
  if (loaded.rejected !== undefined || data == null) {
    const parsed = SettingsSchema.safeParse(data);
    const issue = parsed.success ? null : parsed.error.issues[0];
    return { error: issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'Not Rethread settings' };
  }
  return { settings: loaded.settings };
}

/** Comments seen per page (lib/filters SeenStore), stored apart from the settings: it changes on every visit. */
export const SeenSchema = lazy(() => z.object({
  pages: z.record(z.string().check(z.maxLength(2048)), z.object({ at: z.number(), ids: z.array(z.string().check(z.maxLength(16))).check(z.maxLength(5000)) })),
}));

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

/** The reader's rules as site adapters. */
export function rulesAsAdapters(rules: Rule[]): Adapter[] {
  return rules.map((r) => {
    const fields: NonNullable<Adapter['fields']> = {};
    if (r.author) fields.author = r.author;
    if (r.time) fields.time = r.time;
    if (r.title) fields.title = r.title;
    if (r.text) fields.text = r.text;
    return { name: `rule:${r.host}`, kind: 'site', hosts: [r.host], detect: r.item, item: r.item, fields, fixture: '' };
  });
}
