import { describe, it, expect } from 'vitest';
import { AuthorIndex, compact, editDistance, fold, nameScore, nameWords } from '../../lib/names';

describe('fold', () => {
  it('spells out umlauts so that "Webbär" and "Webbaer" fold alike', () => {
    expect(fold('Webbär')).toBe('webbaer');
    expect(fold('Webbär')).toBe(fold('Webbaer'));
  });

  it.each([
    ['Straße', 'strasse'],
    ['Flügge', 'fluegge'],
    ['Öztürk', 'oeztuerk'],
    ['ØRSTED', 'oersted'],
    ['Œuvre', 'oeuvre'],
  ])('%s -> %s (German and Nordic letters spelled out)', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it.each([
    ['Ramón', 'ramon'],
    ['José-María', 'jose-maria'],
    ['François', 'francois'],
    ['Çelik', 'celik'],
    ['Hélène', 'helene'],
    ['Muñoz', 'munoz'],
  ])('%s -> %s (other diacritics dropped)', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('nameWords', () => {
  it.each([
    ['GeorgQuaas', ['georg', 'quaas']],
    ['wScherf', ['w', 'scherf']],
    ['TonyM', ['tony', 'm']],
    ['user5105', ['user', '5105']],
    ['Sylvia_Plath', ['sylvia', 'plath']],
    ['Dr. Webbär', ['dr', 'webbaer']],
    ['J. Franke', ['j', 'franke']],
    ['Jo  Menschenfreund', ['jo', 'menschenfreund']],
    ['ÄrgerMann', ['aerger', 'mann']],
  ])('%s -> %j', (input, expected) => {
    expect(nameWords(input)).toEqual(expected);
  });

  it('gives no words for punctuation only', () => {
    expect(nameWords(' -- . ')).toEqual([]);
  });
});

describe('compact', () => {
  it.each([
    ['Dr. Webbär', 'drwebbaer'],
    ['Tony M', 'tonym'],
    ['Sylvia_Plath', 'sylviaplath'],
    ['José-María', 'josemaria'],
    ['user 5105', 'user5105'],
  ])('%s -> %s', (input, expected) => {
    expect(compact(input)).toBe(expected);
  });

  it('makes a nickname with and without spaces the same', () => {
    expect(compact('TonyM')).toBe(compact('Tony M'));
  });
});

describe('editDistance', () => {
  it('is 0 for equal strings', () => {
    expect(editDistance('webbaer', 'webbaer', 2)).toBe(0);
  });

  it('counts a swap of neighbouring letters as one edit (webbear/webbaer)', () => {
    expect(editDistance('webbear', 'webbaer', 2)).toBe(1);
    expect(editDistance('ab', 'ba', 1)).toBe(1);
  });

  it('counts substitutions and insertions', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('horst', 'horstt', 2)).toBe(1);
  });

  it('stops at max + 1 when the strings differ more than allowed', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('abcdef', 'a', 2)).toBe(3);
  });
});

describe('nameScore', () => {
  it.each([
    ['Webbär', 'Webbaer'],
    ['TonyM', 'Tony M'],
    ['Ramon', 'Ramón'],
    ['Sylvia_Plath', 'Sylvia_Plath'],
    ['Sylvia Plath', 'Sylvia_Plath'],
    ['user5105', 'user5105'],
    ['nossi', 'Nossi'],
  ])('"%s" is exactly "%s"', (written, author) => {
    expect(nameScore(written, author)).toBe(1);
  });

  it.each([
    ['J. Franke', 'Jürgen Franke'],
    ['Dr. W.', 'Dr. Webbaer'],
  ])('"%s" matches "%s" by initials (0.95)', (written, author) => {
    expect(nameScore(written, author)).toBe(0.95);
  });

  it.each([
    ['Scherf', 'wScherf'],
    ['Quaas', 'GeorgQuaas'],
    ['Herr Huber', 'Richard Joseph Huber'],
    ['Jo', 'Jo Menschenfreund'],
    ['Horst', 'Horst Flügge'],
    ['Franke', 'Jürgen Franke'],
    ['Webbaer', 'Dr. Webbär'],
  ])('"%s" is a word of "%s" (0.85)', (written, author) => {
    expect(nameScore(written, author)).toBe(0.85);
  });

  it('takes a small typo ("webbear" for "Dr. Webbaer") as a weaker match', () => {
    const s = nameScore('webbear', 'Dr. Webbaer');
    expect(s).toBeGreaterThanOrEqual(0.6);
    expect(s).toBeLessThan(0.85);
  });

  it('reads a trailing number as part of a user name ("user" for "user5105")', () => {
    expect(nameScore('user', 'user5105')).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['Herr S.', 'Horst Schulz'],
    ['Dye', 'Pye'],
    ['Peter', 'Petra'],
    ['J.', 'Jürgen Franke'],
    ['Jo', 'Joachim Menschenfreund'],
    ['Herr', 'Horst Herrmann'],
  ])('"%s" does not match "%s"', (written, author) => {
    expect(nameScore(written, author)).toBe(0);
  });

  it('keeps initials in order ("Franke J." is not "Jürgen Franke" by initials)', () => {
    expect(nameScore('Franke J.', 'Jürgen Franke')).toBeLessThan(0.95);
  });
});

describe('AuthorIndex', () => {
  const authors = [
    'Jürgen Franke',
    'Dr. Webbaer',
    'Tony M',
    'wScherf',
    'GeorgQuaas',
    'Richard Joseph Huber',
    'Ramón',
    'Sylvia_Plath',
    'user5105',
    'Jo Menschenfreund',
    'Horst Schulz',
    'Pye',
    'Petra',
    'Peter Müller',
    'Peter Schmidt',
  ];
  const index = new AuthorIndex();
  for (const a of authors) index.add(a);

  const best = (written: string) => index.match(written)[0]?.author ?? null;

  it('counts each author once', () => {
    const idx = new AuthorIndex();
    idx.add('Horst');
    idx.add('Horst');
    idx.add('Nossi');
    expect(idx.size).toBe(2);
    expect(index.size).toBe(authors.length);
  });

  it.each([
    ['Webbär', 'Dr. Webbaer'],
    ['J. Franke', 'Jürgen Franke'],
    ['Dr. W.', 'Dr. Webbaer'],
    ['TonyM', 'Tony M'],
    ['Scherf', 'wScherf'],
    ['Quaas', 'GeorgQuaas'],
    ['Herr Huber', 'Richard Joseph Huber'],
    ['webbear', 'Dr. Webbaer'],
    ['Ramon', 'Ramón'],
    ['Sylvia_Plath', 'Sylvia_Plath'],
    ['Sylvia Plath', 'Sylvia_Plath'],
    ['user5105', 'user5105'],
    ['Jo', 'Jo Menschenfreund'],
    ['Mueller', 'Peter Müller'],
    ['Frau Petra', 'Petra'],
  ])('"%s" -> %s', (written, author) => {
    expect(best(written)).toBe(author);
  });

  it('returns the match with its score', () => {
    expect(index.match('J. Franke')).toEqual([{ author: 'Jürgen Franke', score: 0.95 }]);
  });

  it('"Herr S." matches nobody', () => {
    expect(index.match('Herr S.')).toEqual([]);
  });

  it('an honorific alone matches nobody', () => {
    expect(index.match('Herr')).toEqual([]);
    expect(index.match('Dr.')).toEqual([]);
  });

  it('"Dye" does not match "Pye"', () => {
    expect(index.match('Dye')).toEqual([]);
  });

  it('"Peter" does not match "Petra"', () => {
    const found = index.match('Peter').map((m) => m.author);
    expect(found).not.toContain('Petra');
  });

  it('a first name two authors share returns both, equally scored', () => {
    const found = index.match('Peter');
    expect(found.map((m) => m.author).sort()).toEqual(['Peter Müller', 'Peter Schmidt']);
    expect(found[0]!.score).toBe(found[1]!.score);
  });

  it('an exact whole-name match leaves no room for partial ones', () => {
    const idx = new AuthorIndex();
    idx.add('Horst Flügge');
    idx.add('Horst');
    expect(idx.match('Horst').map((m) => m.author)).toEqual(['Horst']);
  });

  it('sorts the best match first', () => {
    const idx = new AuthorIndex();
    idx.add('Horst Flügge');
    idx.add('Horst Flügger');
    idx.add('J. Flügge');
    const found = idx.match('Horst Flügge');
    expect(found[0]!.author).toBe('Horst Flügge');
    expect(found.map((m) => m.author)).not.toContain('Horst Flügger');
  });

  it('respects the minimum score', () => {
    expect(index.match('webbear', 0.9)).toEqual([]);
    expect(index.match('webbear', 0.6).map((m) => m.author)).toEqual(['Dr. Webbaer']);
  });

  it('finds nothing in an empty index', () => {
    expect(new AuthorIndex().match('Horst')).toEqual([]);
  });
});
