// @vitest-environment happy-dom
// The thin layer over the browser: settings storage that never stores what it could not read back, the tab the
// popup works on, and messages to a page validated on arrival. With wxt's fake browser.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '@/lib/settings';
import { PageStatusSchema } from '@/lib/messages';
import { settingsStore } from '@/utils/settings-store';
import { sendToPage } from '@/utils/page-messages';
import { popupTab } from '@/utils/tabs';
import { normalizeHost } from '@/utils/host-input';
import { selectorError } from '@/utils/selectors';
import { pageStatus } from './helpers';

const tabs = fakeBrowser.tabs as unknown as Record<string, unknown>;

afterEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('settingsStore', () => {
  it('stores valid changes and tells subscribers', async () => {
    const heard = vi.fn();
    const off = settingsStore.subscribe(heard);
    await settingsStore.update((s) => ({ ...s, filters: { ...s.filters, muted: ['Horst'] } }));
    expect((await settingsStore.load()).filters.muted).toEqual(['Horst']);
    await vi.waitFor(() => expect(heard).toHaveBeenCalledWith(expect.objectContaining({ filters: expect.objectContaining({ muted: ['Horst'] }) })));
    off();
  });

  it('refuses a change the schema would reject on the next read, and stores nothing', async () => {
    await settingsStore.update((s) => ({ ...s, filters: { ...s.filters, muted: ['Horst'] } }));
    await expect(settingsStore.update((s) => ({ ...s, filters: { ...s.filters, minLength: -1 } }))).rejects.toThrow(/filters\.minLength/);
    expect((await settingsStore.load()).filters).toEqual({ ...defaultSettings().filters, muted: ['Horst'] });
  });
});

describe('popupTab', () => {
  it('?tab=<id> names the page (the e2e tests open popup.html as a tab)', async () => {
    tabs.get = vi.fn(async (id: number) => ({ id, url: 'http://127.0.0.1/x.html' }));
    expect(await popupTab('?tab=42')).toEqual({ id: 42, url: 'http://127.0.0.1/x.html' });
  });

  it('else the active tab of the window, unless that is the popup page itself', async () => {
    tabs.query = vi.fn(async () => [{ id: 5, url: 'https://example.org/' }]);
    tabs.getCurrent = vi.fn(async () => undefined);
    expect(await popupTab('')).toEqual({ id: 5, url: 'https://example.org/' });
    tabs.getCurrent = vi.fn(async () => ({ id: 5 }));
    expect(await popupTab('')).toBeNull();
  });
});

describe('sendToPage', () => {
  it('the reply when it fits the schema; null when it does not, or when no content script answers', async () => {
    tabs.sendMessage = vi.fn(async () => pageStatus());
    expect(await sendToPage(1, { type: 'getStatus' }, PageStatusSchema)).toEqual(pageStatus());
    tabs.sendMessage = vi.fn(async () => ({ state: 'done' }));
    expect(await sendToPage(1, { type: 'getStatus' }, PageStatusSchema)).toBeNull();
    tabs.sendMessage = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await sendToPage(1, { type: 'getStatus' }, PageStatusSchema)).toBeNull();
  });
});

describe('input helpers', () => {
  it('normalizeHost', () => {
    expect(normalizeHost(' WWW.Spiegel.de ')).toBe('spiegel.de');
    expect(normalizeHost('https://www.zeit.de/politik/x?y#z')).toBe('zeit.de');
    expect(normalizeHost('example.org/path')).toBe('example.org');
    expect(normalizeHost('localhost:8080')).toBe('localhost:8080');
    expect(normalizeHost('a b')).toBeNull();
    expect(normalizeHost('file:///tmp/x.html')).toBeNull();
    expect(normalizeHost('')).toBeNull();
  });

  it('selectorError asks the browser (happy-dom here)', () => {
    expect(selectorError('li.comment > .fn')).toBeNull();
    expect(selectorError('li[')).toEqual(expect.any(String));
  });
});
