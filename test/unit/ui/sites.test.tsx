// @vitest-environment happy-dom
// The options page's sites (the reader's, with their permissions; the built-in ones) and default view.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '@/lib/settings';
import { Options } from '@/components/options/Options';
import { byText, click, fakeOptionsApi, field, mount, settle, submit, type, unmount, useLocale } from './helpers';

beforeAll(() => useLocale('en'));
afterEach(unmount);

const withSites: Settings = { ...defaultSettings(), sites: { enabled: ['example.org', 'blog.example.net'], disabled: ['heise.de'] } };

describe('Options: sites', () => {
  it('lists the reader’s sites; Remove gives the site up (permission included, in the api)', async () => {
    const { api, store } = fakeOptionsApi(withSites);
    const root = mount(<Options api={api} />);
    await settle();
    expect([...root.querySelectorAll('#sites .table .host')].map((h) => h.textContent)).toEqual(['example.org', 'blog.example.net']);
    click(root.querySelector('[aria-label="Remove example.org"]'));
    await settle();
    expect(api.removeSite).toHaveBeenCalledWith('example.org');
    expect(store.current.sites.enabled).toEqual(['blog.example.net']);
  });

  it('a site whose permission is gone says so and offers to allow it again', async () => {
    const { api } = fakeOptionsApi(withSites);
    api.isGranted.mockImplementation(async (site) => site !== 'blog.example.net');
    const root = mount(<Options api={api} />);
    await settle();
    await settle();
    expect(root.querySelector('#sites .table .warn')?.textContent).toBe('no permission');
    click(byText(root, 'Allow', 'button'));
    expect(api.allowSite).toHaveBeenCalledWith('blog.example.net');
  });

  it('adding a site: checked, then asked for within the submit', async () => {
    const { api, store } = fakeOptionsApi();
    const root = mount(<Options api={api} />);
    await settle();
    const input = field(root, 'Turn Rethread on for a site');
    type(input, 'not a site!');
    submit(input.form);
    expect(root.querySelector('#sites [role="alert"]')?.textContent).toBe('Not a site name (like example.org)');
    expect(api.allowSite).not.toHaveBeenCalled();
    type(input, 'https://www.Example.org/article');
    submit(input.form);
    expect(api.allowSite).toHaveBeenCalledWith('example.org');
    await settle();
    expect(store.current.sites.enabled).toEqual(['example.org']);
    expect(root.querySelector('.empty')?.textContent).not.toContain('None yet. Add one here');
  });

  it('built-in sites: ticked unless turned off; unticking turns one off', async () => {
    const { api, store } = fakeOptionsApi(withSites);
    const root = mount(<Options api={api} />);
    await settle();
    expect(field(root, 'heise.de').checked).toBe(false);
    expect(field(root, 'spiegel.de').checked).toBe(true);
    click(field(root, 'spiegel.de'));
    await settle();
    expect(store.current.sites.disabled).toEqual(['heise.de', 'spiegel.de']);
    click(field(root, 'heise.de'));
    await settle();
    expect(store.current.sites.disabled).toEqual(['spiegel.de']);
  });

  it('default view: threads on load or the original order', async () => {
    const { api, store } = fakeOptionsApi();
    const root = mount(<Options api={api} />);
    await settle();
    expect(field(root, 'Show threads as soon as a page loads').checked).toBe(true);
    click(field(root, 'Keep the site’s order until I switch to threads'));
    await settle();
    expect(store.current.view.threaded).toBe(false);
  });

  it('filters on the options page are the same editor, stored', async () => {
    const { api, store } = fakeOptionsApi();
    const root = mount(<Options api={api} />);
    await settle();
    const input = field(root, 'Highlighted authors');
    type(input, 'Clare Whitfield');
    submit(input.form);
    await settle();
    expect(store.current.filters.highlighted).toEqual(['Clare Whitfield']);
  });
});
