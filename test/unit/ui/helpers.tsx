// Shared setup for the popup and options tests: English messages through the fake browser's i18n, rendering into
// happy-dom, typing and clicking inside act(), and in-memory stand-ins for settings storage and the page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageStatus, RuleTestReply } from '@/lib/messages';
import { defaultSettings, type Rule, type Settings } from '@/lib/settings';
import type { OptionsApi } from '@/components/options/api';
import type { PopupApi } from '@/components/popup/api';
import type { SettingsStore } from '@/utils/settings-store';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export function readLocale(lang: string): Record<string, Message> {
  return JSON.parse(readFileSync(join(__dirname, `../../../public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, Message>;
}

/** browser.i18n as the browser does it, from public/_locales/<lang>/messages.json ($NAME$ placeholders, $1 subs). */
export function useLocale(lang = 'en'): void {
  const messages = readLocale(lang);
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getUILanguage = () => lang;
  i18n.getMessage = (key: string, subs?: string | string[]) => {
    const m = messages[key];
    if (!m) return '';
    const list = subs == null ? [] : Array.isArray(subs) ? subs : [subs];
    return m.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
      const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_s, n: string) => list[Number(n) - 1] ?? '');
    });
  };
}

let container: HTMLElement | null = null;

/** Renders into a fresh container in the document (the previous one is unmounted). */
export function mount(node: ComponentChildren): HTMLElement {
  unmount();
  container = document.createElement('div');
  document.body.append(container);
  act(() => render(node, container!));
  return container;
}

export function unmount(): void {
  if (!container) return;
  act(() => render(null, container!));
  container.remove();
  container = null;
}

/** Lets promises and timers of the components run (fake timers: advances them by ms). */
export async function settle(ms = 0): Promise<void> {
  await act(async () => {
    if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(ms);
    else await new Promise((r) => setTimeout(r, ms));
  });
}

export function click(el: Element | null | undefined): void {
  if (!el) throw new Error('nothing to click');
  act(() => (el as HTMLElement).click());
}

/** Types a whole value into a field (one input event, as a paste would). */
export function type(input: Element | null | undefined, value: string): void {
  if (!input) throw new Error('no field');
  act(() => {
    (input as HTMLInputElement).value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function change(input: Element | null | undefined, value?: string): void {
  if (!input) throw new Error('no field');
  act(() => {
    if (value !== undefined) (input as HTMLInputElement).value = value;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function key(target: Element | null | undefined, k: string, init: KeyboardEventInit = {}): void {
  if (!target) throw new Error('no target');
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
  });
}

export function submit(form: Element | null | undefined): void {
  if (!form) throw new Error('no form');
  act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

/** The element whose visible text is exactly `text` (buttons, labels...), or undefined. */
export function byText<T extends Element = HTMLElement>(root: ParentNode, text: string | RegExp, selector = '*'): T | undefined {
  return [...root.querySelectorAll<T>(selector)].find((el) => {
    const own = el.textContent?.trim() ?? '';
    return typeof text === 'string' ? own === text : text.test(own);
  });
}

/** The form field labelled `label` (by <label for>, a wrapping <label>, or aria-label). */
export function field<T extends HTMLElement = HTMLInputElement>(root: ParentNode, label: string): T {
  const lab = byText<HTMLLabelElement>(root, label, 'label');
  const el = lab
    ? lab.htmlFor
      ? root.querySelector<T>(`#${CSS.escape(lab.htmlFor)}`)
      : lab.querySelector<T>('input, select, textarea')
    : root.querySelector<T>(`[aria-label="${label}"]`);
  if (!el) throw new Error(`no field labelled "${label}"`);
  return el;
}

/** Settings in memory, with change notifications like storage.onChanged. */
export function memoryStore(initial: Settings = defaultSettings()): SettingsStore & { current: Settings; writes: number } {
  const listeners = new Set<(s: Settings) => void>();
  const store = {
    current: structuredClone(initial),
    writes: 0,
    load: async () => structuredClone(store.current),
    update: async (change: (s: Settings) => Settings) => {
      store.current = change(structuredClone(store.current));
      store.writes++;
      for (const l of listeners) l(structuredClone(store.current));
      return structuredClone(store.current);
    },
    subscribe: (l: (s: Settings) => void) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
  return store;
}

export function pageStatus(overrides: Partial<PageStatus> = {}): PageStatus {
  return {
    state: 'done',
    comments: 38,
    threads: 9,
    linked: 14,
    unresolved: 0,
    site: 'generic',
    threaded: true,
    filtered: 0,
    highlighted: 0,
    suspended: false,
    fresh: 0,
    ...overrides,
  };
}

/** A popup API over a fake page: `status` is what the page answers (null: no content script). */
export function fakePopupApi(status: PageStatus | null, overrides: Partial<PopupApi> = {}) {
  const store = memoryStore();
  const api = {
    tab: vi.fn<PopupApi['tab']>(async () => ({ id: 7, url: 'https://news.example.org/article', site: 'news.example.org', web: true })),
    status: vi.fn<PopupApi['status']>(async () => status),
    command: vi.fn<PopupApi['command']>(async () => status),
    search: vi.fn<PopupApi['search']>(async () => null),
    runOnce: vi.fn<PopupApi['runOnce']>(async () => {}),
    enableSite: vi.fn<PopupApi['enableSite']>(async () => true),
    onStatus: vi.fn<PopupApi['onStatus']>(() => () => {}),
    openOptions: vi.fn<PopupApi['openOptions']>(),
    settings: store,
  };
  Object.assign(api, overrides);
  return { api, store };
}

/** An options API with settings in memory and no browser behind it. */
export function fakeOptionsApi(initial: Settings = defaultSettings()) {
  const store = memoryStore(initial);
  const api = {
    settings: store,
    builtInSites: ['der-farang.com', 'heise.de', 'spiegel.de'],
    isGranted: vi.fn(async (_site: string) => true),
    allowSite: vi.fn(async (site: string) => {
      await store.update((s) => ({ ...s, sites: { ...s.sites, enabled: [...s.sites.enabled, site] } }));
      return true;
    }),
    removeSite: vi.fn(async (site: string) => {
      await store.update((s) => ({ ...s, sites: { ...s.sites, enabled: s.sites.enabled.filter((e) => e !== site) } }));
    }),
    testRule: vi.fn(async (_rule: Rule): Promise<RuleTestReply | null> => null),
    replaceSettings: vi.fn(async (next: Settings) => {
      await store.update(() => next);
    }),
    download: vi.fn(),
  } satisfies OptionsApi;
  return { api, store };
}

/** A File as the file picker gives it. */
export function chooseFile(input: Element | null | undefined, name: string, content: string): void {
  if (!input) throw new Error('no file input');
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
