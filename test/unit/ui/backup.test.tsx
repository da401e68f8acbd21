// @vitest-environment happy-dom
// Export, import (a bad file changes nothing and says why) and reset (only after confirming).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '@/lib/settings';
import { BackupSection } from '@/components/options/BackupSection';
import { byText, chooseFile, click, fakeOptionsApi, mount, settle, unmount, useLocale } from './helpers';

beforeAll(() => useLocale('en'));
afterEach(unmount);

const mine: Settings = {
  ...defaultSettings(),
  filters: { ...defaultSettings().filters, muted: ['Horst Flügge'], keywords: [{ pattern: 'Tempo 30', mode: 'hide' }] },
  rules: [{ host: 'example.org', item: '.c' }],
};

function setup(settings = mine) {
  const { api, store } = fakeOptionsApi(settings);
  const root = mount(<BackupSection api={api} settings={settings} />);
  return { api, store, root, file: root.querySelector('input[type="file"]') };
}

describe('BackupSection', () => {
  it('exports every setting as a dated JSON file', () => {
    const { api, root } = setup();
    click(byText(root, 'Export settings', 'button'));
    expect(api.download).toHaveBeenCalledWith(expect.stringMatching(/^rethread-settings-\d{4}-\d\d-\d\d\.json$/), mine);
  });

  it('a file that is not JSON: a clear error, nothing changes', async () => {
    const { api, store, root, file } = setup();
    chooseFile(file, 'notes.txt', 'hello, not json');
    await settle();
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toMatch(/^This file could not be imported, nothing was changed\. Not JSON: /);
    expect(api.replaceSettings).not.toHaveBeenCalled();
    expect(store.writes).toBe(0);
  });

  it('JSON that is not Rethread settings: says which field is wrong, nothing changes', async () => {
    const { api, store, root, file } = setup();
    chooseFile(file, 'bad.json', JSON.stringify({ ...defaultSettings(), filters: { ...defaultSettings().filters, minLength: -3 } }));
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/could not be imported.*filters\.minLength/);
    expect(api.replaceSettings).not.toHaveBeenCalled();
    expect(store.current).toEqual(mine);
  });

  it('a good file (even from version 1) replaces the settings', async () => {
    const { api, root, file } = setup(defaultSettings());
    chooseFile(file, 'old.json', JSON.stringify({ version: 1, sites: { enabled: ['example.org'], disabled: [] }, view: { threaded: false } }));
    await settle();
    expect(api.replaceSettings).toHaveBeenCalledWith(expect.objectContaining({ version: 2, view: { threaded: false } }));
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Settings imported.');
  });

  it('reset asks first; Cancel keeps everything, confirming restores the defaults', async () => {
    const { api, store, root } = setup();
    click(byText(root, 'Reset to defaults…', 'button'));
    expect(root.querySelector('[role="alertdialog"]')?.textContent).toContain('Reset every setting?');
    await settle();
    expect(document.activeElement?.textContent).toBe('Cancel');
    click(byText(root, 'Cancel', 'button'));
    expect(root.querySelector('[role="alertdialog"]')).toBeNull();
    await settle();
    expect(document.activeElement?.textContent).toBe('Reset to defaults…');
    expect(api.replaceSettings).not.toHaveBeenCalled();
    click(byText(root, 'Reset to defaults…', 'button'));
    click(byText(root, 'Reset everything', 'button'));
    await settle();
    expect(api.replaceSettings).toHaveBeenCalledWith(defaultSettings());
    expect(store.current).toEqual(defaultSettings());
    expect(root.textContent).toContain('All settings are back to their defaults.');
  });
});
