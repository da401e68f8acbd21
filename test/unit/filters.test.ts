import { describe, expect, it } from 'vitest';
import { applyFilters, compileRule, fingerprint, NO_FILTERS, rememberSeen, searchComments, type FilterSettings, type SeenStore } from '@/lib/filters';
import type { Comment } from '@/lib/types';

let n = 0;
function c(author: string | null, text: string, parent: string | null = null, extra: Partial<Comment> = {}): Comment {
  return { id: `c${n++}`, author, time: '2024-11-06T08:10', title: null, text, parent, evidence: parent ? 'mention' : 'none', confidence: 1, mentions: [], ...extra };
}
const settings = (s: Partial<FilterSettings>): FilterSettings => ({ ...NO_FILTERS, ...s });

describe('keyword rules', () => {
  it('match whole words, ignoring case and accents', () => {
    const m = compileRule({ pattern: 'tempo 30', mode: 'hide' });
    if ('error' in m) throw new Error(m.error);
    expect(m.test('Endlich Tempo 30 in der Innenstadt')).toBe(true);
    expect(m.test('TEMPO  30!')).toBe(true);
    expect(m.test('Tempo 300')).toBe(false);
    const cafe = compileRule({ pattern: 'Café', mode: 'hide' });
    if ('error' in cafe) throw new Error(cafe.error);
    expect(cafe.test('im cafe am Markt')).toBe(true);
    const rad = compileRule({ pattern: 'Rad', mode: 'hide' });
    if ('error' in rad) throw new Error(rad.error);
    expect(rad.test('das Rad-Weg-Netz')).toBe(true);
    expect(rad.test('im Radio')).toBe(false);
  });

  it('accept /regular expressions/ and report invalid ones instead of throwing', () => {
    const m = compileRule({ pattern: '/nazi|faschist/', mode: 'hide' });
    if ('error' in m) throw new Error(m.error);
    expect(m.test('Faschisten!')).toBe(true);
    const bad = compileRule({ pattern: '/(unclosed/', mode: 'hide' });
    expect('error' in bad).toBe(true);
    const result = applyFilters([c('A', 'x')], settings({ keywords: [{ pattern: '/(unclosed/', mode: 'hide' }] }));
    expect(result.invalid).toHaveLength(1);
    expect(result.filtered).toBe(0);
  });
});

describe('applyFilters', () => {
  it('hides keyword matches and highlights others', () => {
    const list = [c('A', 'Der Radweg ist gut.'), c('B', 'Der Bürgermeister lügt.'), c('C', 'Neutral.')];
    const r = applyFilters(list, settings({ keywords: [{ pattern: 'lügt', mode: 'hide' }, { pattern: 'Radweg', mode: 'highlight' }] }));
    expect(r.verdicts.map((v) => v.hidden)).toEqual([false, true, false]);
    expect(r.verdicts.map((v) => v.highlighted)).toEqual([true, false, false]);
    expect(r.verdicts[1]!.reason).toBe('keyword');
    expect(r).toMatchObject({ filtered: 1, highlighted: 1 });
  });

  it('mutes authors by name (case and accents ignored) and, when asked, the replies to them', () => {
    const horst = c('Horst Flügge', 'Eins.');
    const reply = c('Petra', 'Antwort an Horst.', horst.id);
    const deeper = c('Uwe', 'Antwort an Petra.', reply.id);
    const other = c('Anna', 'Zwei.');
    const list = [horst, reply, deeper, other];
    const muted = applyFilters(list, settings({ muted: ['horst flugge'] }));
    // Horst's comment has visible replies: it stays as a one-line placeholder.
    expect(muted.verdicts[0]).toMatchObject({ hidden: false, placeholder: true, reason: 'muted' });
    expect(muted.verdicts.slice(1).every((v) => !v.hidden && !v.placeholder)).toBe(true);
    const withReplies = applyFilters(list, settings({ muted: ['Horst Flügge'], muteReplies: true }));
    expect(withReplies.verdicts.map((v) => v.hidden)).toEqual([true, true, true, false]);
    expect(withReplies.verdicts[2]!.reason).toBe('reply-to-muted');
  });

  it('keeps a placeholder only while some reply below stays visible', () => {
    const a = c('A', 'kurz');
    const b = c('B', 'auch kurz', a.id);
    const d = c('D', 'Dies ist eine ausführliche Antwort auf B mit genug Text.', b.id);
    const r = applyFilters([a, b, d], settings({ minLength: 20 }));
    expect(r.verdicts.map((v) => [v.hidden, v.placeholder])).toEqual([
      [false, true],
      [false, true],
      [false, false],
    ]);
    const r2 = applyFilters([a, b], settings({ minLength: 20 }));
    expect(r2.verdicts.every((v) => v.hidden)).toBe(true);
  });

  it('highlights authors but never a filtered comment', () => {
    const r = applyFilters([c('Anna', 'lang genug hier'), c('anna', 'x')], settings({ highlighted: ['ANNA'], minLength: 5 }));
    expect(r.verdicts.map((v) => v.highlighted)).toEqual([true, false]);
  });

  it('shows only comments new since the last visit', () => {
    const old = c('A', 'Alt.');
    const fresh = c('B', 'Neu.');
    const seen = new Set([fingerprint(old)]);
    const r = applyFilters([old, fresh], settings({ onlyNew: true }), seen);
    expect(r.verdicts.map((v) => v.hidden)).toEqual([true, false]);
    expect(r.verdicts.map((v) => v.isNew)).toEqual([false, true]);
    // First visit: nothing is "seen", nothing hidden.
    expect(applyFilters([old, fresh], settings({ onlyNew: true }), null).filtered).toBe(0);
  });
});

describe('fingerprint and the seen store', () => {
  it('identifies a comment by author, time and opening words across reloads', () => {
    const a = c('A', 'Hallo   Welt, wie geht es?');
    expect(fingerprint(a)).toBe(fingerprint({ author: a.author, time: a.time, text: 'Hallo Welt, wie geht es?' }));
    expect(fingerprint(a)).not.toBe(fingerprint({ ...a, author: 'B' }));
    expect(fingerprint(a)).toMatch(/^[0-9a-z]{7}$/);
  });

  it('stays bounded in pages and ids per page', () => {
    let store: SeenStore = { pages: {} };
    for (let p = 0; p < 10; p++) store = rememberSeen(store, `https://x/${p}`, ['a', 'b', 'c'], p, 5, 2);
    expect(Object.keys(store.pages)).toEqual(['https://x/5', 'https://x/6', 'https://x/7', 'https://x/8', 'https://x/9']);
    expect(Object.values(store.pages).every((p) => p.ids.length <= 2)).toBe(true);
  });
});

describe('searchComments', () => {
  it('finds comments by words in author, title or text, in list order', () => {
    const list = [c('Horst', 'Eins'), c('Anna', 'Horst hat recht'), c('Uwe', 'nichts')];
    expect(searchComments(list, 'horst')).toEqual([list[0]!.id, list[1]!.id]);
    expect(searchComments(list, '')).toEqual([]);
  });
});
