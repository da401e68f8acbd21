// @vitest-environment happy-dom
// Custom site rules: host and selectors checked by the schema and by the browser, inline; a test on an open page.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Rule } from '@/lib/settings';
import { RuleForm } from '@/components/options/RuleForm';
import { checkRule, valuesOf } from '@/components/options/ruleForm';
import { Options } from '@/components/options/Options';
import { byText, click, fakeOptionsApi, field, mount, settle, submit, type, unmount, useLocale } from './helpers';

beforeAll(() => useLocale('en'));
afterEach(unmount);

describe('checkRule', () => {
  it('normalises the host and drops empty optional selectors', () => {
    expect(checkRule({ ...valuesOf(), host: 'https://www.Example.org/news/1', item: ' li.comment ', author: '.fn' })).toEqual({
      rule: { host: 'example.org', item: 'li.comment', author: '.fn' },
    });
  });
  it('requires host and comment selector', () => {
    expect(checkRule(valuesOf())).toEqual({ errors: { host: 'Required', item: 'Required' } });
  });
  it('selectors the browser refuses, and ones the schema refuses', () => {
    const r = checkRule({ ...valuesOf(), host: 'example.org', item: 'div[', time: 'a { color: red }', text: '.ok' });
    expect(r).toEqual({
      errors: { item: 'The browser does not accept this CSS selector', time: 'The browser does not accept this CSS selector' },
    });
  });
  it('a host that is none', () => {
    expect(checkRule({ ...valuesOf(), host: 'not a host', item: '.c' })).toEqual({ errors: { host: 'Not a site name (like example.org)' } });
  });
});

describe('RuleForm', () => {
  function setup(initial?: Partial<Rule>) {
    const onSave = vi.fn();
    const onTest = vi.fn(async () => null as never);
    const root = mount(<RuleForm initial={initial} onSave={onSave} onCancel={() => {}} onTest={onTest} />);
    return { root, onSave, onTest, form: root.querySelector('form')! };
  }

  it('shows each error under its field, focuses the first, and saves nothing', () => {
    const { root, onSave, form } = setup();
    type(field(root, 'Comment'), 'article[data-x');
    submit(form);
    expect(onSave).not.toHaveBeenCalled();
    const host = field(root, 'Site');
    const item = field(root, 'Comment');
    expect(host.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(host.getAttribute('aria-describedby')!)?.textContent).toBe('Required');
    expect(document.getElementById(item.getAttribute('aria-describedby')!)?.textContent).toBe('The browser does not accept this CSS selector');
    expect(document.activeElement).toBe(host);
    // Typing into a field clears its error.
    type(item, 'article.comment');
    expect(item.hasAttribute('aria-invalid')).toBe(false);
  });

  it('saves a valid rule', () => {
    const { root, onSave, form } = setup({ host: 'example.org' });
    expect(document.activeElement).toBe(field(root, 'Comment'));
    type(field(root, 'Comment'), '.comment-item');
    type(field(root, 'Author'), '.comment-name');
    type(field(root, 'Time'), '.comment-date');
    submit(form);
    expect(onSave).toHaveBeenCalledWith({ host: 'example.org', item: '.comment-item', author: '.comment-name', time: '.comment-date' });
  });

  it('"Test on the current tab": what matched, with the first comments', async () => {
    const { root, onTest } = setup({ host: 'example.org', item: '.comment-item' });
    onTest.mockResolvedValue({
      matched: 5,
      comments: [
        { author: 'michael von wob', time: '2024-11-06T08:10', text: 'Ein wahres Wort.' },
        { author: null, time: null, text: '' },
      ],
    } as never);
    click(byText(root, 'Test on the current tab', 'button'));
    await settle();
    expect(onTest).toHaveBeenCalledWith({ host: 'example.org', item: '.comment-item' });
    const result = root.querySelector('.test-result')!;
    expect(result.textContent).toContain('5 comments found');
    expect(result.textContent).toContain('michael von wob · Nov 6, 08:10');
    expect(result.textContent).toContain('Ein wahres Wort.');
    expect(result.textContent).toContain('no author');
  });

  it('test without a page that answers, with nothing matched, and with an error', async () => {
    const { root, onTest } = setup({ host: 'example.org', item: '.c' });
    const test = async () => {
      click(byText(root, 'Test on the current tab', 'button'));
      await settle();
      return root.querySelector('.test-result')?.textContent;
    };
    expect(await test()).toMatch(/^No open page answered/);
    onTest.mockResolvedValue({ matched: 0, comments: [] } as never);
    expect(await test()).toBe('Nothing on that page matches the comment selector.');
    onTest.mockResolvedValue({ matched: 0, comments: [], error: 'boom' } as never);
    expect(await test()).toBe('The page reported a problem: boom');
  });

  it('does not test an invalid rule', async () => {
    const { root, onTest } = setup({ host: 'example.org' });
    type(field(root, 'Comment'), '>>>');
    click(byText(root, 'Test on the current tab', 'button'));
    await settle();
    expect(onTest).not.toHaveBeenCalled();
  });
});

describe('Options: rules', () => {
  it('"#rule=host" (from the popup) opens the form for that host; saving replaces the site’s rule', async () => {
    const { api, store } = fakeOptionsApi({ ...defaultSettings(), rules: [{ host: 'example.org', item: '.old' }] });
    const root = mount(<Options api={api} hash="#rule=www.example.org" />);
    await settle();
    expect(root.querySelector('.rule-form h3')?.textContent).toBe('Rule for example.org');
    const item = field(root, 'Comment');
    expect(item.value).toBe('.old');
    type(item, '.new');
    submit(root.querySelector('.rule-form'));
    await settle();
    expect(store.current.rules).toEqual([{ host: 'example.org', item: '.new' }]);
    expect(root.textContent).toContain('Rule for example.org saved.');
    expect(document.activeElement?.textContent).toBe('Add a rule');
  });

  it('lists rules and removes one', async () => {
    const { api, store } = fakeOptionsApi({ ...defaultSettings(), rules: [{ host: 'a.org', item: '.c' }, { host: 'b.org', item: '.d' }] });
    const root = mount(<Options api={api} />);
    await settle();
    expect([...root.querySelectorAll('.rules .host')].map((h) => h.textContent)).toEqual(['a.org', 'b.org']);
    click(root.querySelector('[aria-label="Remove a.org"]'));
    await settle();
    expect(store.current.rules).toEqual([{ host: 'b.org', item: '.d' }]);
  });
});
