import { describe, expect, it } from 'vitest';
import { keyPoints, termWeights, vectorOf, dot } from '@/lib/summary/keypoints';
import { readDiscussion } from '@/lib/summary/text';
import { bundledWordLists } from '@/lib/summary/wordlists';
import { comment, englishKeyboard, germanBridge } from './fixtures';

const lists = bundledWordLists();

function pointsOf(comments: ReturnType<typeof germanBridge>, lang: string, count = 5) {
  const d = readDiscussion(comments, lang, lists[lang]);
  return { d, result: keyPoints(d, count) };
}

describe('key points', () => {
  it('are real sentences of comments, trimmed, with the source comment first in support', () => {
    const comments = germanBridge();
    const { result } = pointsOf(comments, 'de');
    expect(result.points.length).toBeGreaterThanOrEqual(3);
    const ids = new Set(comments.map((c) => c.id));
    for (const p of result.points) {
      const source = comments.find((c) => c.id === p.support[0])!;
      expect(source.text).toContain(p.text);
      expect(p.text).toBe(p.text.trim());
      for (const id of p.support) expect(ids.has(id)).toBe(true);
      expect(new Set(p.support).size).toBe(p.support.length);
    }
  });

  it('rank what many comments say above what one says', () => {
    const { result } = pointsOf(germanBridge(), 'de');
    // The toll being too expensive for commuters is said by five comments; the plum cake recipe by one.
    expect(result.points[0]!.text).toMatch(/Maut/);
    expect(result.points.some((p) => /Zwetschgen/.test(p.text))).toBe(false);
    expect(Math.max(...result.points.map((p) => p.support.length))).toBeGreaterThanOrEqual(3);
  });

  it('leave out quotes of other comments, web addresses and too short sentences', () => {
    const { result } = pointsOf(germanBridge(), 'de', 7);
    for (const p of result.points) {
      expect(p.support[0]).not.toBe('c12'); // c12 only quotes c0 and agrees
      expect(p.text).not.toMatch(/https?:/);
      expect(p.text.split(/\s+/).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('never pick two sentences that repeat each other (MMR)', () => {
    const near = [
      'Die Brückenmaut ist viel zu teuer für Pendler aus dem Umland und trifft die Falschen.',
      'Die Brückenmaut ist viel zu teuer für die Pendler aus dem Umland, sie trifft die Falschen.',
      'Die Brückenmaut ist einfach viel zu teuer für Pendler aus dem Umland und trifft die Falschen.',
      'Die Brückenmaut ist wirklich viel zu teuer für Pendler aus dem Umland und trifft die Falschen!',
    ];
    const comments = [...germanBridge(), ...near.map((t, i) => comment(`n${i}`, `Leser ${i}`, t))];
    const { d, result } = pointsOf(comments, 'de', 7);
    const w = termWeights(d);
    const vec = (t: string) => {
      const s = d.sentences.find((x) => x.text === t)!;
      return vectorOf(s.terms, w);
    };
    const picked = result.points.map((p) => p.text);
    expect(picked.filter((t) => t.startsWith('Die Brückenmaut ist')).length).toBe(1);
    for (let i = 0; i < picked.length; i++) for (let j = i + 1; j < picked.length; j++) expect(dot(vec(picked[i]!), vec(picked[j]!))).toBeLessThan(0.3);
    // The repeated point is carried by all its repetitions.
    const toll = result.points.find((p) => p.text.startsWith('Die Brückenmaut ist'))!;
    expect(toll.support.length).toBeGreaterThanOrEqual(4);
  });

  it('spread over comments and threads: one point per comment while others are left', () => {
    const { d, result } = pointsOf(englishKeyboard(), 'en', 4);
    const sources = result.sources.map((s) => d.sentences[s]!.comment);
    expect(new Set(sources).size).toBe(sources.length);
  });

  it('are empty for a discussion without text', () => {
    const d = readDiscussion([comment('x0', 'a', ''), comment('x1', 'b', '👍')], 'und', undefined);
    expect(keyPoints(d, 3).points).toEqual([]);
  });
});
