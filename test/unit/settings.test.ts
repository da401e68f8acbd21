import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { analyzeDocument } from '@/lib/analyze';
import { defaultSettings, importSettings, loadSettings, rulesAsAdapters, SETTINGS_VERSION, siteOf } from '@/lib/settings';

describe('loadSettings', () => {
  it('gives defaults on a first run, with nothing to write back', () => {
    expect(loadSettings(undefined)).toEqual({ settings: defaultSettings(), changed: false });
  });

  it('migrates version 1 to the current version, keeping what the reader chose', () => {
    const v1 = { version: 1, sites: { enabled: ['example.org'], disabled: ['heise.de'] }, view: { threaded: false } };
    const { settings, changed, rejected } = loadSettings(v1);
    expect(changed).toBe(true);
    expect(rejected).toBeUndefined();
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.sites).toEqual(v1.sites);
    expect(settings.view.threaded).toBe(false);
    expect(settings.filters.muted).toEqual([]);
  });

  it.each([
    ['a string', 'hello'],
    ['an array', [1, 2]],
    ['a wrong type', { ...defaultSettings(), filters: { ...defaultSettings().filters, minLength: 'ten' } }],
    ['a future version', { ...defaultSettings(), version: 99 }],
    ['an invalid site name', { ...defaultSettings(), sites: { enabled: ['<script>'], disabled: [] } }],
  ])('falls back to defaults on %s and keeps the bad value aside', (_, bad) => {
    const { settings, rejected, changed } = loadSettings(bad);
    expect(settings).toEqual(defaultSettings());
    expect(rejected).toEqual(bad);
    expect(changed).toBe(true);
  });
});

describe('importSettings', () => {
  it('accepts an exported file', () => {
    const s = { ...defaultSettings(), filters: { ...defaultSettings().filters, muted: ['Horst'] } };
    expect(importSettings(JSON.stringify(s))).toEqual({ settings: s });
  });
  it('explains what is wrong with a bad file', () => {
    expect(importSettings('{nope')).toHaveProperty('error', expect.stringMatching(/^Not JSON/));
    const bad = importSettings(JSON.stringify({ ...defaultSettings(), rules: [{ host: 'x.de', item: 'div{' }] }));
    expect(bad).toHaveProperty('error', expect.stringContaining('rules.0.item'));
  });
  it('takes any selector without braces or angle brackets, up to 500 characters', () => {
    const withItem = (item: string) => importSettings(JSON.stringify({ ...defaultSettings(), rules: [{ host: 'x.de', item }] }));
    for (const item of ['.talk .post', '.a\n.b', 'li:nth-child(2n+1)', 'a[href^="#c"]', 'x'.repeat(500)]) {
      expect(withItem(item)).toHaveProperty('settings');
    }
    for (const item of ['div{', 'a}', '<b', 'ul > li', '.a\n{', '']) expect(withItem(item)).toHaveProperty('error');
    expect(withItem('div{')).toEqual({ error: 'rules.0.item: not a CSS selector' });
    expect(withItem('x'.repeat(501) + '<')).toHaveProperty('error', expect.stringMatching(/^rules\.0\.item: /));
  });
});

describe('siteOf', () => {
  it('keys sites by host without www', () => {
    expect(siteOf('https://www.spiegel.de/politik/x.html')).toBe('spiegel.de');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });
});

describe('custom site rules', () => {
  it('are site adapters that win over generic detection on their host only', () => {
    // A page whose comments carry no comment vocabulary at all: generic detection finds nothing.
    const html = `<html><body><article><h1>Titel</h1><p>Text.</p></article><div class="talk">
      <div class="post"><b class="who">Anna</b> <i class="when">06.11.24 11:50</i><p class="say">Erster Beitrag hier.</p></div>
      <div class="post"><b class="who">Bernd</b> <i class="when">06.11.24 12:10</i><p class="say">@Anna stimmt.</p></div></div></body></html>`;
    const { document } = parseHTML(html);
    const doc = document as unknown as Document;
    const rules = rulesAsAdapters([{ host: 'zeitung.example', item: '.talk .post', author: '.who', time: '.when', text: '.say' }]);
    expect(analyzeDocument(doc, { url: 'https://zeitung.example/a', adapters: [] }).comments).toHaveLength(0);
    const r = analyzeDocument(doc, { url: 'https://www.zeitung.example/a', adapters: rules });
    expect(r.site).toBe('rule:zeitung.example');
    expect(r.comments.map((c) => [c.author, c.time, c.text, c.parent])).toEqual([
      ['Anna', '2024-11-06T11:50', 'Erster Beitrag hier.', null],
      ['Bernd', '2024-11-06T12:10', '@Anna stimmt.', 'c0'],
    ]);
    expect(analyzeDocument(doc, { url: 'https://other.example/a', adapters: rules }).comments).toHaveLength(0);
  });
});
