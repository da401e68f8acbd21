import { describe, it, expect } from 'vitest';
import { findReferences, type NameCheck } from '../../lib/mentions';
import { AuthorIndex } from '../../lib/names';

/** A name check over a page's commenters, built the way lib/thread.ts builds it. */
function checkOf(authors: string[]): NameCheck {
  const index = new AuthorIndex();
  for (const a of authors) index.add(a);
  return (name) => index.match(name, 0.65)[0]?.score ?? 0;
}

const check = checkOf([
  'Horst',
  'Richard Joseph Huber',
  'Swantje',
  'Timo',
  'Felsberger',
  'Ehmann',
  'Martin Holzherr',
  'Dietmar Hilsebein',
  'Jürgen Franke',
  'Nossi',
  'Jeuys',
  'Dr. Webbaer',
  'demolog',
  'The',
  'Chrys',
  'Ramón',
]);

const now = new Date(2024, 5, 15, 12, 0);

function refs(text: string, title: string | null = null, c: NameCheck = check) {
  return findReferences(title, text, c, { now });
}

function names(text: string, title: string | null = null, c: NameCheck = check): string[] {
  return refs(text, title, c).addresses.map((a) => a.name);
}

describe('@ addresses', () => {
  it('"@ Horst , ein wahres Wort" (space after @, space before comma)', () => {
    const r = refs('@ Horst , ein wahres Wort');
    expect(r.addresses).toHaveLength(1);
    expect(r.addresses[0]).toMatchObject({ name: 'Horst', kind: 'at', everyone: false });
  });

  it('"@Horst:"', () => {
    const r = refs('@Horst: da hast du recht');
    expect(r.addresses).toEqual([expect.objectContaining({ name: 'Horst', kind: 'at' })]);
  });

  it('records where the name is written', () => {
    const text = 'Gut gesagt. @Horst: da hast du recht';
    const r = refs(text);
    expect(r.addresses[0]!.index).toBe(text.indexOf('Horst'));
  });

  it('"@Felsberger und Ehmann:" names two', () => {
    const r = refs('@Felsberger und Ehmann: Sie irren beide.');
    expect(r.addresses.map((a) => a.name)).toEqual(['Felsberger', 'Ehmann']);
    expect(r.addresses.every((a) => a.kind === 'at')).toBe(true);
  });

  it('"@Holzherr/weiter unten @alle": a surname of a commenter, and everyone', () => {
    const r = refs('@Holzherr/weiter unten @alle: bitte lesen');
    expect(r.addresses.map((a) => [a.name, a.everyone])).toEqual([
      ['Holzherr', false],
      ['alle', true],
    ]);
  });

  it.each(['@all: please read', '@todos: leed esto', '@tous : lisez ça'])('"%s" addresses everyone', (text) => {
    const r = refs(text);
    expect(r.addresses).toHaveLength(1);
    expect(r.addresses[0]!.everyone).toBe(true);
  });

  it('"@ Dietmar Hilsebein 8. April 2019 @ 11:38": the name with the time of the comment meant', () => {
    const r = refs('@ Dietmar Hilsebein 8. April 2019 @ 11:38 Ihre These ist falsch.');
    expect(r.addresses).toHaveLength(1);
    expect(r.addresses[0]!.name).toBe('Dietmar Hilsebein');
    expect(r.addresses[0]!.time).toEqual({ year: 2019, month: 4, day: 8, hour: 11, minute: 38 });
    // The time is the name's, not a standalone reference.
    expect(r.times).toEqual([]);
  });

  it('keeps an unknown capitalised name set off by a colon ("@Fritz Meier:")', () => {
    expect(names('@Fritz Meier: wer sind Sie?')).toEqual(['Fritz Meier']);
  });

  it('"@ 21:23" is not a name', () => {
    const r = refs('@ 21:23 Genau so ist es.');
    expect(r.addresses).toEqual([]);
  });

  it.each(['Schreiben Sie mir an x@y.com wenn Sie wollen.', 'Mail: horst@example.org, bitte.'])('an email address is not a mention: %s', (text) => {
    expect(refs(text).addresses).toEqual([]);
  });
});

describe('addressing at the start', () => {
  it('"Hallo Herr Huber," -> the surname, as a greeting', () => {
    const r = refs('Hallo Herr Huber, das sehe ich anders.');
    expect(r.addresses).toEqual([expect.objectContaining({ name: 'Huber', kind: 'greeting' })]);
  });

  it('"Liebe Swantje, lieber Timo" -> both, in order', () => {
    const r = refs('Liebe Swantje, lieber Timo, danke euch.');
    expect(r.addresses.map((a) => [a.name, a.kind])).toEqual([
      ['Swantje', 'greeting'],
      ['Timo', 'greeting'],
    ]);
    expect(r.addresses[0]!.index).toBeLessThan(r.addresses[1]!.index);
  });

  it('"Lieber Horst," at the start', () => {
    expect(refs('Lieber Horst, da hast du recht.').addresses).toEqual([expect.objectContaining({ name: 'Horst', kind: 'greeting' })]);
  });

  it('"Horst:" at the start', () => {
    expect(names('Horst: da hast du recht.')).toEqual(['Horst']);
  });

  it('"An Horst:" at the start', () => {
    expect(names('An Horst: da hast du recht.')).toEqual(['Horst']);
  });

  it('"To Horst:" at the start', () => {
    expect(names('To Horst: no, that is wrong.')).toEqual(['Horst']);
  });

  it.each([
    ['Hola Ramón, tienes razón.', 'Ramón'],
    ['Ramón, tienes razón.', 'Ramón'],
    ['Bonjour Chrys, merci pour le lien.', 'Chrys'],
    ['Hi Timo, good point.', 'Timo'],
  ])('%s -> %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it('a greeting makes an unknown capitalised word a name ("Hallo Fritz,")', () => {
    expect(refs('Hallo Fritz, gut gesagt.').addresses).toEqual([expect.objectContaining({ name: 'Fritz', kind: 'greeting' })]);
  });

  it('thanks alone do not make an unknown word a name ("Danke Fritz,")', () => {
    expect(names('Danke Fritz, gut gesagt.')).toEqual([]);
  });

  it('"DANKE Herr Webbär!" -> the commenter Dr. Webbaer, written with ä', () => {
    expect(names('DANKE Herr Webbär!')).toEqual(['Webbär']);
  });

  it('"J. Franke 5.11. 17.40" as the title: the name with the time of the comment meant', () => {
    const r = refs('Da muss ich widersprechen.', 'J. Franke 5.11. 17.40');
    expect(r.addresses).toHaveLength(1);
    expect(r.addresses[0]!.name).toBe('J. Franke');
    expect(r.addresses[0]!.time).toMatchObject({ month: 11, day: 5, hour: 17, minute: 40 });
    expect(r.textStart).toBe('J. Franke 5.11. 17.40'.length + 3);
  });

  it('a leading bare nickname counts when it is a commenter\'s full name ("demolog nach so viel ...")', () => {
    expect(refs('demolog nach so viel Unsinn muss ich lachen').addresses).toEqual([
      expect.objectContaining({ name: 'demolog', kind: 'leading', index: 0 }),
    ]);
  });

  it('...but not when it is only part of a commenter\'s name', () => {
    const partial = checkOf(['demolog Fan']);
    expect(names('demolog nach so viel Unsinn muss ich lachen', null, partial)).toEqual([]);
  });

  it('...and not when nobody has that name', () => {
    expect(names('Demo nach so viel Unsinn muss ich lachen')).toEqual([]);
  });

  it('"The above information ..." is not a name, even where a commenter is called "The"', () => {
    expect(names('The above information is wrong.')).toEqual([]);
  });

  it('an ordinary sentence start is not a name', () => {
    expect(names('Time to move on, folks.')).toEqual([]);
    expect(names('Die Frage ist doch, wer das bezahlt.')).toEqual([]);
  });
});

describe('vocatives', () => {
  it('", Jeuys, unter anderem"', () => {
    const r = refs('Das ist, Jeuys, unter anderem ein Problem.');
    expect(r.addresses).toEqual([expect.objectContaining({ name: 'Jeuys', kind: 'vocative' })]);
  });

  it('"Bravo, Huber!" names a commenter by surname', () => {
    expect(names('Bravo, Huber!')).toEqual(['Huber']);
  });

  it('only commenters: ", Fritz," is not an address when nobody is called Fritz', () => {
    expect(names('Alles klar, Fritz, danke.')).toEqual([]);
  });

  it('a capitalised word after a comma in prose is not a vocative', () => {
    expect(names('Ich war in Berlin, Hamburg und München.')).toEqual([]);
  });
});

describe('quote introductions', () => {
  it('"Zitat Nossi: ..." names the quoted commenter and keeps the passage', () => {
    const r = refs('Zitat Nossi: die Regierung hat versagt und niemand merkt es. Dem stimme ich zu.');
    expect(r.addresses).toEqual([expect.objectContaining({ name: 'Nossi', kind: 'quote' })]);
    expect(r.quotes).toHaveLength(1);
    expect(r.quotes[0]!.text.startsWith('die Regierung hat versagt')).toBe(true);
  });

  it('"Zitat von Nossi:"', () => {
    expect(refs('Zitat von Nossi: das war so.').addresses).toEqual([expect.objectContaining({ name: 'Nossi', kind: 'quote' })]);
  });

  it('keeps at most 14 words of the quoted passage', () => {
    const long = Array.from({ length: 30 }, (_, i) => `wort${i}`).join(' ');
    const r = refs(`Zitat Nossi: ${long}`);
    expect(r.quotes[0]!.text.split(' ')).toHaveLength(14);
  });
});

describe('times without a name', () => {
  it('"Ihre Nachricht von 8. April 2019 @ 21:23" is a time reference', () => {
    const text = 'Ihre Nachricht von 8. April 2019 @ 21:23 war gut.';
    const r = refs(text);
    expect(r.addresses).toEqual([]);
    expect(r.times).toHaveLength(1);
    expect(r.times[0]!.parts).toEqual({ year: 2019, month: 4, day: 8, hour: 21, minute: 23 });
  });

  it('a date without a time of day is not a reference', () => {
    expect(refs('Seit dem 8. April 2019 ist das so.').times).toEqual([]);
  });
});

describe('quoted passages', () => {
  it.each([
    ['Er schrieb „die Regierung hat komplett versagt“ und das stimmt.', 'die Regierung hat komplett versagt'],
    ['He wrote “the government failed us all again” yesterday.', 'the government failed us all again'],
    ['He wrote "the government failed us all again" yesterday.', 'the government failed us all again'],
    ['»die Regierung hat komplett versagt« sagt er', 'die Regierung hat komplett versagt'],
    ['Il dit « la réforme est un échec total » hier.', 'la réforme est un échec total'],
  ])('%s', (text, passage) => {
    const r = refs(text);
    expect(r.quotes.map((q) => q.text)).toEqual([passage]);
    // The index is where the opening quotation mark stands.
    expect(r.quotes[0]!.index).toBe(text.search(/[„“"»«]/));
  });

  it('needs at least four words', () => {
    expect(refs('Er schrieb „Regierung hat versagt“ dazu.').quotes).toEqual([]);
    expect(refs('Er sagte „zu kurz“ dazu.').quotes).toEqual([]);
  });

  it('finds several passages', () => {
    const r = refs('Er schrieb "this is about it" and “that is all for now” ok.');
    expect(r.quotes.map((q) => q.text)).toEqual(['this is about it', 'that is all for now']);
  });

  it('`"foo" and a module "bar"` is two quoted words, not a passage', () => {
    expect(refs('Use "foo" and a module "bar" for that.').quotes).toEqual([]);
  });

  it('code in quotation marks is not a passage', () => {
    expect(refs('Try "<pre>x = 1</pre>" and see what happens now.').quotes).toEqual([]);
    expect(refs('Set "{ strict: true, noEmit: false }" in the config.').quotes).toEqual([]);
  });
});

describe('several kinds together', () => {
  it('orders addresses as written', () => {
    const r = refs('Hallo Horst, das sagte auch @Nossi schon, Jeuys, oder?');
    expect(r.addresses.map((a) => a.name)).toEqual(['Horst', 'Nossi', 'Jeuys']);
    const idx = r.addresses.map((a) => a.index);
    expect([...idx].sort((a, b) => a - b)).toEqual(idx);
  });

  it('finds nothing in plain prose', () => {
    const r = refs('Ich finde den Artikel gut geschrieben und informativ.');
    expect(r).toEqual({ addresses: [], times: [], quotes: [], textStart: 0 });
  });
});
