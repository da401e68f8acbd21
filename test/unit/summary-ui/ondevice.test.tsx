// @vitest-environment happy-dom
// The "AI summary (on-device)" section with a fake Chrome Summarizer: nothing where the browser has none, a quiet
// line where it cannot serve the discussion, a button where it can; the model's download starts only on a click.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SummaryTab } from '@/components/summary/SummaryTab';
import type { OnDeviceEnv } from '@/lib/summary/ondevice';
import { byText, click, mount, settle, unmount, useLocale } from '../ui/helpers';
import { libraryDiscussion } from './discussion';
import { deferred, fakeSummarizer, fakeSummaryApi, until } from './fakes';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

async function rendered(env: OnDeviceEnv) {
  const root = mount(<SummaryTab api={fakeSummaryApi(libraryDiscussion(), env)} tabId={7} page="ready" />);
  await until(() => !!root.querySelector('.key-point'));
  await settle();
  return root;
}

const section = (root: Element) => root.querySelector('section.ai');

beforeEach(() => useLocale('en'));
afterEach(() => unmount());

describe('on-device summary', () => {
  it('no Summarizer (Firefox, older Chrome): nothing at all, the extractive summary is the summary', async () => {
    const root = await rendered({});
    expect(section(root)).toBeNull();
    expect(root.querySelector('.ai-note')).toBeNull();
    expect(root.textContent).not.toMatch(/AI/);
    expect(root.querySelectorAll('.key-point').length).toBeGreaterThan(0);
  });

  it('unavailable on this device, or not for this language: one quiet line, no button, no heading', async () => {
    const none = fakeSummarizer({ availability: {} });
    let root = await rendered(none.env);
    expect(section(root)).toBeNull();
    expect(text(root.querySelector('.ai-note'))).toBe('Chrome’s on-device AI summary is not available on this computer.');
    expect(root.querySelector('.ai-note')?.getAttribute('role')).toBeNull(); // not an alert
    expect(none.calls.create).toBe(0);

    const lang = fakeSummarizer({ availability: { de: 'available', '*': 'available' } });
    root = await rendered(lang.env);
    expect(section(root)).toBeNull();
    expect(text(root.querySelector('.ai-note'))).toBe('Chrome’s on-device AI summary does not support the language of this discussion.');
    expect(lang.calls.availability[0]).toMatchObject({ expectedInputLanguages: ['en'] });
    expect(lang.calls.create).toBe(0);
  });

  it('available: a button makes the summary in the discussion’s language and shows it labelled as on-device', async () => {
    const fake = fakeSummarizer({ availability: { en: 'available' } });
    const root = await rendered(fake.env);
    const ai = section(root)!;
    expect(ai.getAttribute('data-ai-state')).toBe('available');
    expect(text(ai.querySelector('h2'))).toBe('AI summary (on-device)');
    expect(fake.calls.create).toBe(0); // nothing before the click
    click(byText(ai, 'Summarise with on-device AI', 'button'));
    await until(() => !!root.querySelector('.ai-result'));
    expect(fake.calls.create).toBe(1);
    expect(fake.calls.summarize[0]).toContain('Margaret Hale: Closing the Elm Street library');
    const result = root.querySelector('.ai-result')!;
    expect(result.getAttribute('data-engine')).toBe('chrome-summarizer');
    expect([...result.querySelectorAll('li')].map(text)).toEqual(['The readers want to keep the library open.', 'Some suggest volunteers.']);
    expect(text(result.querySelector('.hint'))).toMatch(/^Written by Chrome’s built-in model on this computer/);
    // The extractive key points stay above it.
    expect(root.querySelectorAll('.key-point').length).toBeGreaterThan(0);
    expect(fake.calls.destroyed).toBe(1);
  });

  it('downloadable: the download starts only on a click, with its progress shown, then the summary', async () => {
    const gate = deferred();
    const fake = fakeSummarizer({ availability: { en: 'downloadable' }, progress: [0.25], release: gate.promise });
    const root = await rendered(fake.env);
    const ai = section(root)!;
    expect(ai.getAttribute('data-ai-state')).toBe('downloadable');
    expect(text(ai)).toContain('Chrome has to download the model first');
    await settle(50);
    expect(fake.calls.create).toBe(0); // opening the tab downloads nothing
    click(byText(ai, 'Download the model and summarise', 'button'));
    await settle();
    expect(fake.calls.create).toBe(1);
    expect(text(ai.querySelector('[role="status"]'))).toBe('Chrome is downloading the model… 25%');
    const bar = ai.querySelector('progress')!;
    expect(bar.getAttribute('aria-label')).toBe('Download of the model');
    expect(Number(bar.getAttribute('value'))).toBe(0.25);
    expect(byText(ai, 'Stop', 'button')).toBeDefined();
    gate.resolve();
    await until(() => !!root.querySelector('.ai-result'));
    expect(root.querySelector('section.ai progress')).toBeNull();
    expect(fake.calls.summarize.length).toBe(1);
  });

  it('Stop ends the run and offers the button again; a failure says so quietly and offers to try again', async () => {
    const gate = deferred();
    const fake = fakeSummarizer({ availability: { en: 'downloadable' }, release: gate.promise });
    const root = await rendered(fake.env);
    click(byText(section(root)!, 'Download the model and summarise', 'button'));
    await settle();
    click(byText(section(root)!, 'Stop', 'button'));
    gate.resolve();
    await until(() => !!byText(root, 'Download the model and summarise', 'button'));
    expect(root.querySelector('.ai-result')).toBeNull();
    expect(fake.calls.summarize.length).toBe(0);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failing = fakeSummarizer({ availability: { en: 'available' }, fail: 'model crashed' });
    const again = await rendered(failing.env);
    click(byText(section(again)!, 'Summarise with on-device AI', 'button'));
    await until(() => !!again.querySelector('section.ai [role="alert"]'));
    expect(text(again.querySelector('section.ai [role="alert"]'))).toBe('The on-device summary could not be made.');
    expect(byText(again, 'Try again', 'button')).toBeDefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('in German', async () => {
    useLocale('de');
    const root = await rendered(fakeSummarizer({ availability: { en: 'downloadable' } }).env);
    expect(text(section(root)!.querySelector('h2'))).toBe('KI-Zusammenfassung (auf dem Gerät)');
    expect(byText(root, 'Modell herunterladen und zusammenfassen', 'button')).toBeDefined();
  });
});
