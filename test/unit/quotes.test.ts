import { describe, it, expect } from 'vitest';
import { QuoteIndex } from '../../lib/quotes';

const passage = 'die Regierung hat komplett versagt';

describe('QuoteIndex', () => {
  it('finds the comment a passage comes from', () => {
    const q = new QuoteIndex([passage]);
    q.add(0, 'Etwas ganz anderes, über das Wetter.');
    q.add(1, 'Ich finde, die Regierung hat komplett versagt, und zwar total.');
    q.add(2, 'Noch etwas anderes.');
    expect(q.find(passage)).toEqual({ id: 1, share: 1 });
  });

  it('ignores case, punctuation and umlaut spelling', () => {
    const q = new QuoteIndex(['Die Bürger haben es längst bemerkt']);
    q.add(4, 'DIE BUERGER haben es – längst – bemerkt!');
    expect(q.find('Die Bürger haben es längst bemerkt')).toEqual({ id: 4, share: 1 });
  });

  it('prefers the latest comment on ties', () => {
    const q = new QuoteIndex([passage]);
    q.add(0, 'Ich finde, die Regierung hat komplett versagt.');
    q.add(3, 'Nein: die Regierung hat komplett versagt ist Unsinn.');
    q.add(1, 'Wieder: die Regierung hat komplett versagt.');
    expect(q.find(passage)?.id).toBe(3);
  });

  it('prefers the comment holding more of the passage over a later one holding less', () => {
    const long = 'eins zwei drei vier fünf sechs sieben';
    const q = new QuoteIndex([long]);
    q.add(0, 'eins zwei drei vier fünf sechs sieben');
    q.add(1, 'eins zwei drei vier und sonst nichts');
    expect(q.find(long)).toEqual({ id: 0, share: 1 });
  });

  it('respects `accept`', () => {
    const q = new QuoteIndex([passage]);
    q.add(0, 'Ich finde, die Regierung hat komplett versagt.');
    q.add(1, 'Nein: die Regierung hat komplett versagt ist Unsinn.');
    expect(q.find(passage, (id) => id < 1)?.id).toBe(0);
    expect(q.find(passage, (id) => id > 5)).toBeNull();
  });

  it('needs the minimum share of the passage', () => {
    const six = 'eins zwei drei vier fünf sechs';
    const q = new QuoteIndex([six]);
    q.add(1, 'eins zwei drei vier');
    // 2 of 4 word triples: below the default 0.6, above 0.4.
    expect(q.find(six)).toBeNull();
    expect(q.find(six, undefined, 0.4)).toEqual({ id: 1, share: 0.5 });
  });

  it('ignores passages that also occur in excluded (article) text', () => {
    const quote = 'Das Wetter ist heute schön';
    const q = new QuoteIndex([quote, passage]);
    q.exclude('Im Artikel steht: Das Wetter ist heute schön und warm.');
    q.add(0, 'Das Wetter ist heute schön, sagt auch Horst.');
    q.add(1, 'Ich finde, die Regierung hat komplett versagt.');
    expect(q.find(quote)).toBeNull();
    // Other passages are still found.
    expect(q.find(passage)?.id).toBe(1);
  });

  it('URLs are not matched words', () => {
    const quote = 'top 10 mistakes that python programmers make';
    const q = new QuoteIndex([quote]);
    q.add(0, 'Lies https://example.com/top-10-mistakes-that-python-programmers-make bitte');
    q.add(1, 'Siehe www.example.com/top-10-mistakes-that-python-programmers-make dazu');
    expect(q.find(quote)).toBeNull();
    q.add(2, 'the top 10 mistakes that python programmers make are listed there');
    expect(q.find(quote)?.id).toBe(2);
  });

  it('a quoted URL alone is no passage', () => {
    const url = 'https://example.com/top-10-mistakes-that-python-programmers-make';
    const q = new QuoteIndex([url]);
    q.add(0, `Lies ${url} bitte`);
    expect(q.find(url)).toBeNull();
  });

  it('short passages return null', () => {
    const q = new QuoteIndex(['kurz da', 'ja']);
    q.add(0, 'kurz da ist es');
    q.add(1, 'ja');
    expect(q.find('kurz da')).toBeNull();
    expect(q.find('ja')).toBeNull();
    expect(q.find('')).toBeNull();
  });

  it('is inactive and finds nothing without queries', () => {
    const q = new QuoteIndex([]);
    expect(q.active).toBe(false);
    q.add(0, passage);
    expect(q.find(passage)).toBeNull();
  });

  it('is active with queries', () => {
    expect(new QuoteIndex([passage]).active).toBe(true);
  });

  it('only indexes what some query asked for', () => {
    const q = new QuoteIndex([passage]);
    q.add(0, 'ganz andere Worte hier drin');
    expect(q.find('ganz andere Worte hier drin')).toBeNull();
  });
});
