// @vitest-environment happy-dom
// Editing the filters: keyword rules (regular expressions checked inline, never saved when invalid), author lists.
import { useState } from 'preact/hooks';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FilterSettings, KeywordRule } from '@/lib/filters';
import { defaultFilters } from '@/lib/settings';
import { FiltersEditor } from '@/components/ui/FiltersEditor';
import { KeywordList } from '@/components/ui/KeywordList';
import { ListEditor } from '@/components/ui/ListEditor';
import { keywordProblem } from '@/utils/keywords';
import { byText, change, click, field, mount, submit, type, unmount, useLocale } from './helpers';

beforeAll(() => useLocale('en'));
afterEach(unmount);

const KEYWORDS = 'Words, phrases or /regular expressions/';

describe('keywordProblem', () => {
  it('accepts words, phrases and valid regular expressions', () => {
    expect(keywordProblem('Tempo 30')).toBeNull();
    expect(keywordProblem('/e-?scooter/i')).toBeNull();
  });
  it('names what is wrong with a regular expression', () => {
    expect(keywordProblem('/(unclosed/')).toMatch(/^Not a valid regular expression: .+/);
    expect(keywordProblem('/a[/')).toMatch(/^Not a valid regular expression/);
  });
  it('rejects empty and over-long patterns', () => {
    expect(keywordProblem('   ')).toBe('Type a word or a phrase');
    expect(keywordProblem('x'.repeat(501))).toBe('Too long');
  });
});

describe('KeywordList', () => {
  function setup(keywords: KeywordRule[] = []) {
    const onAdd = vi.fn();
    const onRemove = vi.fn();
    const root = mount(<KeywordList keywords={keywords} onAdd={onAdd} onRemove={onRemove} />);
    return { root, onAdd, onRemove, input: field(root, KEYWORDS) };
  }

  it('shows an invalid regular expression inline while it is typed, and does not save it', () => {
    const { root, input, onAdd } = setup();
    type(input, '/(Tempo/');
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toMatch(/^Not a valid regular expression: /);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(alert?.id);
    submit(input.form);
    expect(onAdd).not.toHaveBeenCalled();
    // Fixed: the message goes, and it can be added.
    type(input, '/(Tempo) 30/');
    expect(root.querySelector('[role="alert"]')).toBeNull();
    submit(input.form);
    expect(onAdd).toHaveBeenCalledWith({ pattern: '/(Tempo) 30/', mode: 'hide' });
    expect(input.value).toBe('');
  });

  it('adds a phrase to highlight', () => {
    const { root, input, onAdd } = setup();
    type(input, '  Freibad  ');
    change(field(root, 'What to do with matching comments'), 'highlight');
    submit(input.form);
    expect(onAdd).toHaveBeenCalledWith({ pattern: 'Freibad', mode: 'highlight' });
  });

  it('refuses the same rule twice', () => {
    const { root, input, onAdd } = setup([{ pattern: 'Tempo 30', mode: 'hide' }]);
    type(input, 'Tempo 30');
    submit(input.form);
    expect(onAdd).not.toHaveBeenCalled();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Already in the list');
  });

  it('lists rules with their mode and removes one', () => {
    const rules: KeywordRule[] = [
      { pattern: 'Tempo 30', mode: 'hide' },
      { pattern: '/rad(weg)?/', mode: 'highlight' },
    ];
    const { root, onRemove } = setup(rules);
    const chips = [...root.querySelectorAll('.chip')].map((c) => c.textContent);
    expect(chips).toEqual(['Tempo 30Hide', '/rad(weg)?/Highlight']);
    expect(root.querySelector('.chip.highlight code')?.textContent).toBe('/rad(weg)?/');
    click(root.querySelector('[aria-label="Remove /rad(weg)?/ (Highlight)"]'));
    expect(onRemove).toHaveBeenCalledWith(rules[1]);
  });
});

describe('ListEditor', () => {
  it('adds (trimmed), refuses duplicates ignoring case, removes', () => {
    const onAdd = vi.fn();
    const onRemove = vi.fn();
    const root = mount(<ListEditor label="Muted authors" items={['Horst Flügge']} onAdd={onAdd} onRemove={onRemove} />);
    const input = field(root, 'Muted authors');
    type(input, ' horst flügge ');
    submit(input.form);
    expect(onAdd).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Already in the list');
    type(input, 'J. Franke ');
    submit(input.form);
    expect(onAdd).toHaveBeenCalledWith('J. Franke');
    click(root.querySelector('[aria-label="Remove Horst Flügge"]'));
    expect(onRemove).toHaveBeenCalledWith('Horst Flügge');
    expect(document.activeElement).toBe(input);
  });

  it('says when the list is empty', () => {
    const root = mount(<ListEditor label="Highlighted authors" items={[]} onAdd={() => {}} onRemove={() => {}} />);
    expect(root.querySelector('.empty')?.textContent).toBe('None yet');
  });
});

describe('FiltersEditor', () => {
  function setup(initial: FilterSettings = defaultFilters()) {
    const state = { filters: initial };
    function Harness() {
      const [filters, setFilters] = useState(initial);
      state.filters = filters;
      return <FiltersEditor filters={filters} update={(c) => setFilters((f) => c(f))} />;
    }
    const root = mount(<Harness />);
    return { root, state };
  }

  it('every setting goes through update: authors, replies to them, minimum length, only new', () => {
    const { root, state } = setup();
    type(field(root, 'Muted authors'), 'Horst Flügge');
    submit(field(root, 'Muted authors').form);
    click(field(root, 'Also hide replies to them'));
    type(field(root, 'Highlighted authors'), 'Laddawan Sukkon');
    submit(field(root, 'Highlighted authors').form);
    type(field(root, 'Hide comments shorter than'), '40');
    change(field(root, 'Hide comments shorter than'));
    click(field(root, 'Only comments new since my last visit'));
    expect(state.filters).toEqual({
      ...defaultFilters(),
      muted: ['Horst Flügge'],
      muteReplies: true,
      highlighted: ['Laddawan Sukkon'],
      minLength: 40,
      onlyNew: true,
    });
    click(root.querySelector('[aria-label="Remove Horst Flügge"]'));
    expect(state.filters.muted).toEqual([]);
  });

  it('a minimum length that is not one goes back to the saved value', () => {
    const { root, state } = setup({ ...defaultFilters(), minLength: 20 });
    const input = field(root, 'Hide comments shorter than');
    type(input, '-5');
    change(input);
    expect(state.filters.minLength).toBe(20);
    expect(input.value).toBe('20');
    expect(byText(root, 'characters (0: off)')).toBeDefined();
  });
});
