import { describe, expect, it } from 'vitest';
import { ordinaryRate, wordListFrom } from '@/lib/summary/ordinary';
import { keyTerms, sameWord } from '@/lib/summary/terms';
import { readDiscussion } from '@/lib/summary/text';
import { bundledWordLists } from '@/lib/summary/wordlists';
import { nodeWordLists } from '@/lib/summary/wordlists-node';
import { comment, englishKeyboard, germanBridge } from './fixtures';

const lists = bundledWordLists();

describe('ordinary language', () => {
  it('reads the word lists the same in bundles and in Node', () => {
    const node = nodeWordLists();
    for (const lang of ['de', 'en', 'fr', 'es']) {
      expect(lists[lang]!.size).toBeGreaterThan(9000);
      expect(node[lang]!.size).toBe(lists[lang]!.size);
      expect(node[lang]!.ranks.get('zeit') ?? node[lang]!.ranks.get('time')).toBe(lists[lang]!.ranks.get('zeit') ?? lists[lang]!.ranks.get('time'));
    }
  });

  it('rates common words as common and unknown words as rare', () => {
    const de = lists.de!;
    const none = () => false;
    expect(ordinaryRate(['leute'], de, none)).toBeGreaterThan(ordinaryRate(['brückenmaut'], de, none) * 100);
    // Without a list: stop words are common, long words rare.
    expect(ordinaryRate(['und'], undefined, (w) => w === 'und')).toBeGreaterThan(ordinaryRate(['brückenmaut'], undefined, none));
    expect(wordListFrom('Ich\nich\nDu\n').ranks.get('ich')).toBe(1);
  });
});

describe('key terms', () => {
  it('are words of the discussion that ordinary language rarely uses', () => {
    const terms = keyTerms(readDiscussion(germanBridge(), 'de', lists.de));
    expect(terms.length).toBeGreaterThanOrEqual(5);
    expect(terms.length).toBeLessThanOrEqual(12);
    expect(terms.slice(0, 4)).toEqual(expect.arrayContaining(['Maut', 'Pendler']));
    for (const common of ['Leute', 'heute', 'Monat', 'Tag']) expect(terms).not.toContain(common);
  });

  it('weigh against ordinary language, not just frequency', () => {
    // "money" and "world" are in more comments than "gerrymandering", but everyday words.
    const texts = [
      'The money goes to the wrong world, and gerrymandering is legal here.',
      'Money rules the world, money decides.',
      'Gerrymandering distorts every election in this world of money.',
      'Money, money, money. Gerrymandering is the real problem.',
      'The whole world knows where the money goes.',
    ];
    const d = readDiscussion(texts.map((t, i) => comment(`p${i}`, `user${i}`, t)), 'en', lists.en);
    expect(d.df[d.keys.indexOf('money')]!).toBeGreaterThan(d.df[d.keys.indexOf('gerrymandering')]!);
    const terms = keyTerms(d);
    expect(terms[0]).toBe('Gerrymandering');
    expect(terms.indexOf('money')).not.toBe(0);
  });

  it('show a word mostly used in a phrase as the phrase, and leave out participants’ names', () => {
    const terms = keyTerms(readDiscussion(englishKeyboard(), 'en', lists.en));
    expect(terms).toContain('butterfly keyboard');
    expect(terms).not.toContain('butterfly');
    const de = germanBridge();
    de.push(comment('c16', 'Petra Kühn', 'Hallo Horst, hallo Anna, die Maut bleibt zu teuer.'), comment('c17', 'Horst Flügge', 'Danke Petra, danke Anna.'));
    const t2 = keyTerms(readDiscussion(de, 'de', lists.de));
    for (const name of ['Horst', 'Anna', 'Petra', 'Flügge']) expect(t2).not.toContain(name);
  });

  it('keep an ordinary word that happens to be part of a name', () => {
    const texts = ['Der Kuchen ist super lecker geworden.', 'Mein Kuchen war auch lecker, danke!', 'Lecker, der Kuchen kommt wieder auf den Tisch.'];
    const comments = texts.map((t, i) => comment(`k${i}`, i === 0 ? 'Lecker Kuchen' : `Leser${i}`, t));
    const terms = keyTerms(readDiscussion(comments, 'de', lists.de));
    expect(terms).toContain('Kuchen');
  });

  it('still come out without word lists (stop words and word length instead)', () => {
    const terms = keyTerms(readDiscussion(germanBridge(), 'de', undefined));
    expect(terms.length).toBeGreaterThanOrEqual(5);
    expect(terms).toContain('Maut');
  });

  it('treat "Bus" and "Busse" as one word', () => {
    expect(sameWord('Bus', 'Busse')).toBe(true);
    expect(sameWord('Maut', 'Mauer')).toBe(false);
    expect(sameWord('Brücke', 'Brückenmaut')).toBe(false);
  });
});
