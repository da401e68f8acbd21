// @vitest-environment happy-dom
// The Summary tab inside the popup: a tab next to "Page", made only when opened, kept when the reader goes back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Popup } from '@/components/popup/Popup';
import { click, fakePopupApi, key, mount, pageStatus, settle, unmount, useLocale } from '../ui/helpers';
import { libraryDiscussion } from './discussion';
import { fakeSummaryApi, until } from './fakes';

function popupWithSummary(status = pageStatus({ comments: 12 })) {
  const summary = fakeSummaryApi(libraryDiscussion());
  const { api } = fakePopupApi(status, { summary });
  return { api, summary };
}

const tab = (root: Element, name: string) => [...root.querySelectorAll('[role="tab"]')].find((t) => t.textContent === name) as HTMLElement;
const panel = (root: Element, name: string) => root.querySelector(`#${tab(root, name).getAttribute('aria-controls')}`) as HTMLElement;

beforeEach(() => useLocale('en'));
afterEach(() => unmount());

describe('Popup: Summary tab', () => {
  it('opens on the page tab; nothing is summarised before the Summary tab is opened', async () => {
    const { api, summary } = popupWithSummary();
    const root = mount(<Popup api={api} />);
    await settle(50);
    expect(root.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe('What the popup shows');
    expect([...root.querySelectorAll('[role="tab"]')].map((t) => [t.textContent, t.getAttribute('aria-selected')])).toEqual([
      ['Page', 'true'],
      ['Summary', 'false'],
    ]);
    expect(panel(root, 'Page').hidden).toBe(false);
    expect(panel(root, 'Page').getAttribute('aria-labelledby')).toBe(tab(root, 'Page').id);
    expect(root.textContent).toContain('12 comments · 9 threads · 14 replies linked');
    expect(panel(root, 'Summary').hidden).toBe(true);
    expect(panel(root, 'Summary').childElementCount).toBe(0);
    expect(summary.comments).not.toHaveBeenCalled();
  });

  it('opening it loads and shows the summary; its links focus comments in the page’s tab', async () => {
    const { api, summary } = popupWithSummary();
    const root = mount(<Popup api={api} />);
    await settle();
    click(tab(root, 'Summary'));
    expect(tab(root, 'Summary').getAttribute('aria-selected')).toBe('true');
    expect(panel(root, 'Page').hidden).toBe(true);
    expect(panel(root, 'Summary').hidden).toBe(false);
    expect(panel(root, 'Summary').querySelector('[role="status"]')).not.toBeNull(); // loading
    await until(() => !!root.querySelector('.key-point'));
    expect(summary.comments).toHaveBeenCalledWith(7);
    expect(root.querySelector('[data-figure="comments"]')?.textContent).toBe('12 comments');
    click(root.querySelector('.key-point .source'));
    expect(summary.focus).toHaveBeenCalledWith(7, 'c2');
  });

  it('going back to the page tab and again to the summary does not make it again', async () => {
    const { api, summary } = popupWithSummary();
    const root = mount(<Popup api={api} />);
    await settle();
    click(tab(root, 'Summary'));
    await until(() => !!root.querySelector('.key-point'));
    click(tab(root, 'Page'));
    expect(panel(root, 'Summary').hidden).toBe(true);
    click(tab(root, 'Summary'));
    expect(root.querySelector('.key-point')).not.toBeNull();
    expect(summary.comments).toHaveBeenCalledTimes(1);
  });

  it('arrow keys move between the tabs', async () => {
    const { api } = popupWithSummary();
    const root = mount(<Popup api={api} />);
    await settle();
    key(tab(root, 'Page'), 'ArrowRight');
    expect(tab(root, 'Summary').getAttribute('aria-selected')).toBe('true');
    expect(tab(root, 'Summary').tabIndex).toBe(0);
    expect(tab(root, 'Page').tabIndex).toBe(-1);
    key(tab(root, 'Summary'), 'Home');
    expect(tab(root, 'Page').getAttribute('aria-selected')).toBe('true');
    await settle();
  });

  it('a page without comments: the Summary tab says so and asks nothing', async () => {
    const { api, summary } = popupWithSummary(pageStatus({ state: 'none', comments: 0 }));
    const root = mount(<Popup api={api} />);
    await settle();
    click(tab(root, 'Summary'));
    await until(() => !!panel(root, 'Summary').querySelector('.summary-tab'));
    expect(panel(root, 'Summary').querySelector('.lead')?.textContent).toBe('No comment section found on this page');
    expect(summary.comments).not.toHaveBeenCalled();
  });

  it('a popup API without the page’s comments has no tabs', async () => {
    const { api } = fakePopupApi(pageStatus());
    const root = mount(<Popup api={api} />);
    await settle();
    expect(root.querySelector('[role="tablist"]')).toBeNull();
    expect(root.querySelector('[role="tabpanel"]')).toBeNull();
  });

  it('German tab names', async () => {
    useLocale('de');
    const { api } = popupWithSummary();
    const root = mount(<Popup api={api} />);
    await settle();
    expect([...root.querySelectorAll('[role="tab"]')].map((t) => t.textContent)).toEqual(['Seite', 'Zusammenfassung']);
  });
});
