import { describe, expect, it } from 'vitest';
import { keyPointCount, summarize } from '@/lib/summary';
import { bundledWordLists } from '@/lib/summary/wordlists';
import type { Comment } from '@/lib/types';
import { comment, englishKeyboard, germanBridge } from './fixtures';

const wordLists = bundledWordLists();

describe('summarize', () => {
  it('counts the discussion', () => {
    const s = summarize({ comments: germanBridge() }, { wordLists });
    expect(s.language).toBe('de');
    expect(s.engine).toBe('extractive');
    expect(s.comments).toBe(16);
    expect(s.participants).toBe(10);
    expect(s.span).toEqual({ from: '2024-11-05T08:00', to: '2024-11-05T09:45' });
    expect(s.activeAuthors).toHaveLength(5);
    expect(s.activeAuthors[0]).toEqual({ author: 'Horst Flügge', comments: 2 });
    expect(s.longestThreads).toEqual([
      { id: 'c0', size: 5 },
      { id: 'c9', size: 3 },
      { id: 'c3', size: 2 },
    ]);
    expect(s.mostReplied[0]).toEqual({ id: 'c0', replies: 3 });
  });

  it('gives 3..7 key points and 5..12 terms', () => {
    for (const comments of [germanBridge(), englishKeyboard()]) {
      const s = summarize({ comments }, { wordLists });
      expect(s.keyPoints.length).toBeGreaterThanOrEqual(3);
      expect(s.keyPoints.length).toBeLessThanOrEqual(7);
      expect(s.keyPoints.length).toBe(Math.min(keyPointCount(comments.length), s.keyPoints.length));
      expect(s.terms.length).toBeGreaterThanOrEqual(5);
      expect(s.terms.length).toBeLessThanOrEqual(12);
    }
    expect([1, 9, 10, 25, 49, 5000].map(keyPointCount)).toEqual([3, 3, 4, 5, 7, 7]);
  });

  it('is deterministic: the same input gives the same summary', () => {
    const a = summarize({ comments: germanBridge() }, { wordLists });
    const b = summarize({ comments: germanBridge() }, { wordLists });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = summarize({ comments: englishKeyboard() });
    expect(summarize({ comments: englishKeyboard() })).toEqual(c);
  });

  it('names support by real comment ids, the source comment first', () => {
    const comments = germanBridge();
    const s = summarize({ comments }, { wordLists });
    const byId = new Map(comments.map((c) => [c.id, c]));
    for (const p of s.keyPoints) {
      expect(p.support.length).toBeGreaterThanOrEqual(1);
      expect(byId.get(p.support[0]!)!.text).toContain(p.text);
      for (const id of p.support) expect(byId.has(id)).toBe(true);
    }
  });

  it('writes a gist per top-level comment with replies, in the discussion’s language', () => {
    const de = summarize({ comments: germanBridge() }, { wordLists });
    expect(Object.keys(de.gists).sort()).toEqual(['c0', 'c3', 'c9']);
    expect(de.gists.c0).toMatch(/^Petra Kühn, michael von wob, Horst Flügge, Jürgen Franke: 4 Antworten, über \S+, \S+$/);
    expect(de.gists.c3).toMatch(/^Anna Berg: 1 Antwort, über /);
    expect(de.gists.c3).toContain('Parkhaus');
    const en = summarize({ comments: englishKeyboard() }, { wordLists });
    expect(en.gists.e4).toMatch(/^lisa, maria_k: 2 replies, about /);
    expect(en.gists.e0).toMatch(/^maria_k: 1 reply, about .*butterfly/);
  });

  it('writes the gists\' own words in the reader\'s language where asked', () => {
    const s = summarize({ comments: germanBridge() }, { wordLists, gistLanguage: 'en' });
    expect(s.gists.c3).toMatch(/^Anna Berg: 1 reply, about /);
    expect(s.gists.c3).toContain('Parkhaus');
  });

  it('names who replied in the order they wrote, also on newest-first pages', () => {
    const newestFirst = germanBridge().reverse();
    const s = summarize({ comments: newestFirst }, { wordLists });
    expect(s.gists.c0).toMatch(/^Petra Kühn, michael von wob, Horst Flügge, Jürgen Franke: 4 Antworten/);
  });

  it('shortens long lists of people in a gist', () => {
    const comments: Comment[] = [comment('r', 'Root', 'Die Brücke muss saniert werden, sagt das Bauamt.')];
    for (let i = 0; i < 6; i++) comments.push(comment(`r${i}`, `Person ${i}`, 'Die Sanierung der Brücke dauert zu lange.', 'r'));
    const s = summarize({ comments }, { wordLists });
    expect(s.gists.r).toMatch(/^Person 0, Person 1, Person 2 und 3 weitere: 6 Antworten/);
  });

  it('copes with empty and tiny discussions', () => {
    const empty = summarize({ comments: [] });
    expect(empty).toMatchObject({ language: 'und', comments: 0, participants: 0, span: { from: null, to: null }, keyPoints: [], terms: [], gists: {} });
    const one = summarize({ comments: [comment('a', null, 'Kurz.')] });
    expect(one.comments).toBe(1);
    expect(one.keyPoints).toEqual([]);
  });

  it('uses the article only to recognise quotes of it and, for very short discussions, the language', () => {
    const article = { title: 'Maut für die alte Brücke', text: 'Die Stadt will ab Januar eine Maut für die alte Brücke erheben. Die Sanierung der Brücke kostet nach Angaben des Bauamts rund zwölf Millionen Euro.' };
    const comments = [
      ...germanBridge(),
      comment('q1', 'Zitierer', 'Die Sanierung der Brücke kostet nach Angaben des Bauamts rund zwölf Millionen Euro. Das glaube ich nicht.'),
      comment('q2', 'Zitierer 2', 'Die Sanierung der Brücke kostet nach Angaben des Bauamts rund zwölf Millionen Euro. Wer prüft das?'),
    ];
    const s = summarize({ comments, article }, { wordLists });
    expect(s.keyPoints.map((p) => p.text)).not.toContain('Die Sanierung der Brücke kostet nach Angaben des Bauamts rund zwölf Millionen Euro.');
    expect(summarize({ comments: [comment('a', 'x', 'Stimmt.')], article }).language).toBe('de');
  });

  it('summarises 2,000 comments well within a second', () => {
    const base = [...germanBridge(), ...englishKeyboard()];
    const comments: Comment[] = [];
    for (let i = 0; comments.length < 2000; i++) {
      const c = base[i % base.length]!;
      comments.push({ ...c, id: `x${i}`, author: `${c.author}${Math.floor(i / base.length)}`, parent: null, text: `${c.text} Variante ${i} mit Wort${i % 97}.` });
    }
    const t0 = performance.now();
    const s = summarize({ comments }, { wordLists });
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(s.keyPoints.length).toBe(7);
  });
});
