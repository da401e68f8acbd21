import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chronology, detectOrder, thread, threadStats, type ThreadInput } from '@/lib/thread';
import { timeValue, type TimeParts } from '@/lib/time';

function comment(author: string, time: TimeParts | null, text: string, extra: Partial<ThreadInput> = {}): ThreadInput {
  return {
    author,
    when: time ? timeValue(time) : null,
    parts: time,
    title: null,
    text,
    quotes: [],
    markupParent: null,
    markupConfidence: 0,
    host: false,
    seq: null,
    ...extra,
  };
}
const at = (day: number, hour: number, minute = 0): TimeParts => ({ year: 2024, month: 11, day, hour, minute });

describe('thread', () => {
  it('links "@name" to that author\'s latest earlier comment', () => {
    const { links } = thread([
      comment('Horst Flügge', at(5, 10), 'Erster Beitrag.'),
      comment('Petra Kühn', at(5, 11), 'Etwas anderes.'),
      comment('Horst Flügge', at(5, 12), 'Zweiter Beitrag.'),
      comment('Uwe', at(5, 13), '@Horst: da stimme ich zu.'),
    ]);
    expect(links[3]!.parent).toBe(2);
    expect(links[3]!.evidence).toBe('mention');
  });

  it('reads a newest-first list by its times', () => {
    const inputs = [
      comment('michael von wob', at(6, 11, 50), 'Man will nur überleben !', { title: '@ Horst , ein wahres Wort' }),
      comment('Horst Flügge', at(6, 8, 10), 'Ich denke ...', { title: 'J. Franke 5.11. 17.40' }),
      comment('Jürgen Franke', at(5, 17, 40), 'Ein Mensch schießt auf einen anderen.'),
      comment('Laddawan Sukkon', at(5, 15), 'Was für NATO rechtens sei.'),
    ];
    const { links, order } = thread(inputs);
    expect(order).toBe('newest-first');
    expect(links.map((l) => l.parent)).toEqual([1, 2, null, null]);
    expect(links[1]!.evidence).toBe('quote');
  });

  it('does not link to a person who only writes later', () => {
    const { links } = thread([
      comment('Anna', at(1, 10), '@Bernd was meinst du?'),
      comment('Bernd', at(1, 11), 'Ich meine nichts.'),
    ]);
    expect(links[0]!.parent).toBeNull();
    expect(links[0]!.mentions).toEqual(['Bernd']);
  });

  it('keeps "@alle" and unknown names as mentions without a link', () => {
    const { links } = thread([comment('Anna', at(1, 10), 'Hallo.'), comment('Bernd', at(1, 11), '@alle @Zacharias: schaut mal.')]);
    expect(links[1]!.parent).toBeNull();
    expect(links[1]!.mentions).toEqual(['alle', 'Zacharias']);
  });

  it('keeps the markup parent even when the text names someone else', () => {
    const { links } = thread([
      comment('Anna', at(1, 10), 'Eins.'),
      comment('Bernd', at(1, 11), 'Zwei.'),
      comment('Carla', at(1, 12), '@Anna genau.', { markupParent: 1, markupConfidence: 0.98 }),
    ]);
    expect(links[2]).toMatchObject({ parent: 1, evidence: 'markup', mentions: ['Anna'] });
  });

  it('answers several people: the first named is the parent, the others are kept', () => {
    const { links } = thread([
      comment('Felix Berg', at(1, 10), 'Eins.'),
      comment('Olga Ehmann', at(1, 11), 'Zwei.'),
      comment('Georg', at(1, 12), '@Berg und Ehmann: beide falsch.'),
    ]);
    expect(links[2]!.parent).toBe(0);
    expect(links[2]!.alsoAnswers).toEqual([1]);
  });

  it('finds the source of a quoted passage', () => {
    const { links } = thread([
      comment('Anna', at(1, 10), 'Die Brücke wird frühestens im Jahr 2030 fertig, sagt die Stadt.'),
      comment('Bernd', at(1, 11), 'Ganz anderes Thema hier.'),
      comment('Carla', at(1, 12), '„Die Brücke wird frühestens im Jahr 2030 fertig“ Das glaube ich erst, wenn ich es sehe.'),
    ]);
    expect(links[2]).toMatchObject({ parent: 0, evidence: 'quote' });
    expect(links[2]!.quoted).toHaveLength(1);
  });

  it('ignores a passage quoted from the article', () => {
    const article = 'Die Brücke wird frühestens im Jahr 2030 fertig, sagt die Stadt.';
    const { links } = thread(
      [
        comment('Anna', at(1, 10), 'Wie im Artikel: „Die Brücke wird frühestens im Jahr 2030 fertig“ – unglaublich.'),
        comment('Carla', at(1, 12), '„Die Brücke wird frühestens im Jahr 2030 fertig“ Das glaube ich erst, wenn ich es sehe.'),
      ],
      { context: () => article },
    );
    expect(links[1]!.parent).toBeNull();
  });

  it('on nested sites a new thread greeting the article author is about the article', () => {
    const { links } = thread([
      comment('Bebs', at(1, 9), 'Thanks!', { host: true, markupParent: null }),
      comment('Gemma', at(1, 8), 'Lovely recipe.'),
      comment('Bebs', at(1, 10), 'Hi Gemma, thank you!', { host: true, markupParent: 1, markupConfidence: 0.98 }),
      comment('Courtney', at(1, 11), 'Hi Bebs, I made this today.'),
    ]);
    expect(links[3]!.parent).toBeNull();
    expect(links[3]!.mentions).toEqual(['Bebs']);
  });

  it('falls back to id numbers, then to document order, for the order comments were written', () => {
    const byId = [comment('A', null, 'x', { seq: 30 }), comment('B', null, 'y', { seq: 10 }), comment('C', null, 'z', { seq: 20 })];
    expect(chronology(byId, 'unknown')).toEqual([2, 0, 1]);
    const plain = [comment('A', null, 'x'), comment('B', null, 'y')];
    expect(chronology(plain, 'unknown')).toEqual([0, 1]);
    expect(detectOrder(plain)).toBe('unknown');
  });
});

// Property: whatever the input, threading never links forward in time, to itself, or in a circle, and every
// parent names an existing comment.
const names = ['Horst Flügge', 'Jürgen Franke', 'Petra', 'Dr. Webbaer', 'TonyM', 'Anna Berg', 'alle'];
const arbComment = fc.record({
  author: fc.option(fc.constantFrom(...names.slice(0, 6)), { nil: null }),
  minute: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
  text: fc.array(
    fc.oneof(
      fc.constantFrom(...names).map((n) => `@${n}`),
      fc.constantFrom(...names).map((n) => `Hallo ${n},`),
      fc.constantFrom('5.11. 17.40', '„Das ist ein längeres Zitat aus einem Beitrag“', 'ja', 'nein', 'genau so'),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 6 },
  ),
  markup: fc.option(fc.nat(), { nil: null }),
});

describe('thread properties', () => {
  it('never links forward, to itself, or in cycles', () => {
    fc.assert(
      fc.property(fc.array(arbComment, { maxLength: 40 }), (raw) => {
        const inputs = raw.map((r, i) => {
          const t = r.minute == null ? null : { year: 2024, month: 11, day: 1 + Math.floor(r.minute / 1440), hour: Math.floor(r.minute / 60) % 24, minute: r.minute % 60 };
          return comment(r.author ?? 'Anon', t, r.text.join(' '), {
            author: r.author,
            markupParent: r.markup != null && i > 0 ? r.markup % i : null,
            markupConfidence: 0.98,
          });
        });
        const { links, rank } = thread(inputs);
        links.forEach((l, i) => {
          if (l.parent == null) return;
          expect(l.parent).not.toBe(i);
          expect(l.parent).toBeGreaterThanOrEqual(0);
          expect(l.parent).toBeLessThan(inputs.length);
          if (l.evidence === 'markup') expect(l.parent).toBeLessThan(i);
          else expect(rank[l.parent]!).toBeLessThan(rank[i]!);
        });
        // Following parents from any comment ends at a top-level comment.
        links.forEach((_, start) => {
          const seen = new Set<number>();
          for (let v: number | null = start; v != null; v = links[v]!.parent) {
            expect(seen.has(v)).toBe(false);
            seen.add(v);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('time references', () => {
  it('match the discussion\'s date whatever year the reader lives in', () => {
    const inputs = [
      comment('Jürgen Franke', at(5, 17, 40), 'Ein Mensch schießt auf einen anderen.'),
      comment('Horst Flügge', at(6, 8, 10), 'Ich denke ...', { title: 'J. Franke 5.11. 17.40' }),
    ];
    const { links } = thread(inputs, { time: { now: new Date('2026-11-28T12:00:00'), dayFirst: true } });
    expect(links[1]).toMatchObject({ parent: 0, evidence: 'quote' });
  });
});

describe('threadStats', () => {
  it('counts top-level comments with replies as threads and text-found replies as linked', () => {
    const stats = threadStats([
      { id: 'a', parent: null, evidence: 'none' },
      { id: 'b', parent: 'a', evidence: 'markup' },
      { id: 'c', parent: 'b', evidence: 'mention' },
      { id: 'd', parent: null, evidence: 'none' },
      { id: 'e', parent: 'd', evidence: 'quote' },
      { id: 'f', parent: null, evidence: 'none' },
      // A parent that is not among the comments makes a top-level comment; its own reply makes it a thread.
      { id: 'g', parent: 'gone', evidence: 'mention' },
      { id: 'h', parent: 'g', evidence: 'markup' },
    ]);
    expect(stats).toEqual({ comments: 8, threads: 3, linked: 2 });
    expect(threadStats([])).toEqual({ comments: 0, threads: 0, linked: 0 });
  });
});
