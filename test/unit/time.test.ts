import { describe, it, expect } from 'vitest';
import {
  findTimes,
  parseMachineTime,
  parseTime,
  sameTime,
  timeValue,
  toIso,
  type TimeOptions,
} from '../../lib/time';

// Local time, mid-June: no DST change within weeks of it in any zone, so relative results are zone-independent.
const now = new Date(2024, 5, 15, 12, 0);

/** ISO of the parsed parts (null when nothing parsed or the year is unknown). */
function iso(text: string, opts?: TimeOptions): string | null {
  const m = parseTime(text, opts);
  return m?.parts ? toIso(m.parts) : null;
}

/** The text the match covers. */
function covered(text: string, opts?: TimeOptions): string | null {
  const m = parseTime(text, opts);
  return m ? text.slice(m.index, m.index + m.length) : null;
}

describe('numeric dates', () => {
  it.each([
    ['06.11.24 11:50', '2024-11-06T11:50'],
    ['06.11.24 08:10', '2024-11-06T08:10'],
    ['28.09.19 12:44', '2019-09-28T12:44'],
    ['05.11.24 17:40', '2024-11-05T17:40'],
    ['17.10.2019, 14:14', '2019-10-17T14:14'],
    ['06.11.2023, 13.47 Uhr', '2023-11-06T13:47'],
    ['18.10.2023 - 13:11 Uhr', '2023-10-18T13:11'],
    ['06.11.2024 um 10:15', '2024-11-06T10:15'],
    ['06.11.2024 10 Uhr', '2024-11-06T10:00'],
    ['11:50 | 06.11.24', '2024-11-06T11:50'],
    ['17:40 Uhr am 5.11.2024', '2024-11-05T17:40'],
    ['5. 11. 2024', '2024-11-05'],
    ['29.02.2024', '2024-02-29'],
    ['on 11/08/2020 at 9:52', '2020-08-11T09:52'],
    ['9:52 AM on 11/08/2020', '2020-08-11T09:52'],
    ['15/05/2019 à 08:07', '2019-05-15T08:07'],
    ['15-05-2019', '2019-05-15'],
    ['2019-04-08 11:38', '2019-04-08T11:38'],
    ['2023-07-21T19:51:36', '2023-07-21T19:51'],
    ['2019-04-08T11:38:00+02:00', '2019-04-08T11:38'],
    ['2022-05-05 14:04:11Z', '2022-05-05T14:04'],
  ])('%s -> %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('reads ambiguous slashed dates day first by default, month first on request', () => {
    expect(iso('11/08/2020 9:52')).toBe('2020-08-11T09:52');
    expect(iso('11/08/2020 9:52', { dayFirst: false })).toBe('2020-11-08T09:52');
  });

  it('lets a number above 12 decide the order', () => {
    expect(iso('13/08/2020', { dayFirst: false })).toBe('2020-08-13');
    expect(iso('08/13/2020')).toBe('2020-08-13');
  });

  it('covers the time and "Uhr" but not surrounding words', () => {
    expect(covered('Beitrag vom 06.11.2023, 13.47 Uhr melden')).toBe('06.11.2023, 13.47 Uhr');
  });

  it('keeps the date when the clock is invalid', () => {
    expect(parseTime('06.11.24 25:70')).toEqual({ parts: { year: 2024, month: 11, day: 6 }, index: 0, length: 8 });
  });
});

describe('German month names', () => {
  it.each([
    ['8. April 2019 um 11:38 Uhr', '2019-04-08T11:38'],
    ['8. April 2019 @ 11:38', '2019-04-08T11:38'],
    ['21. Jan. 2015, 19:04', '2015-01-21T19:04'],
    ['18. Oktober 2023 - 13:11', '2023-10-18T13:11'],
    ['19. Februar 2017 20:00', '2017-02-19T20:00'],
    ['31. Oktober 2023 um 15:15 Uhr', '2023-10-31T15:15'],
    ['23. Juni 2016 um 17:21 Uhr', '2016-06-23T17:21'],
    ['Am 29. Mai 2017 um 14:38 von Hugo', '2017-05-29T14:38'],
    ['geschrieben von berg2012 am 21. Jan. 2015, 19:04', '2015-01-21T19:04'],
    ['6. März 2024', '2024-03-06'],
    ['6. Maerz 2024', '2024-03-06'],
    ['6. Mrz. 2024', '2024-03-06'],
    ['15. Jänner 2024', '2024-01-15'],
    ['3. Dez 2023, 9:05', '2023-12-03T09:05'],
    ['6. Nov. 2024 | 10:15', '2024-11-06T10:15'],
    ['8.April 2019', '2019-04-08'],
  ])('%s -> %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('covers only the date expression', () => {
    expect(covered('Am 29. Mai 2017 um 14:38 von Hugo')).toBe('29. Mai 2017 um 14:38');
  });
});

describe('English', () => {
  it.each([
    ['April 8, 2019 at 11:38 am', '2019-04-08T11:38'],
    ['May 8, 2020, 10:31 pm', '2020-05-08T22:31'],
    ['October 22, 2020 at 5:17 pm', '2020-10-22T17:17'],
    ['Feb 7, 2014 at 10:53', '2014-02-07T10:53'],
    ['April 5, 2018', '2018-04-05'],
    ['March 10, 2017 at 12:20 am', '2017-03-10T00:20'],
    ['Jan 5, 2020 12:00 pm', '2020-01-05T12:00'],
    ['8 April 2019 11:38', '2019-04-08T11:38'],
    ['Nov 6th, 2024', '2024-11-06'],
    ['6th November 2024', '2024-11-06'],
    ['1st of May 2020', '2020-05-01'],
    ['November 6, 2024 10:15pm', '2024-11-06T22:15'],
    ['Sept. 3, 2021 at 9:05 a.m.', '2021-09-03T09:05'],
    ['MAY 8, 2020', '2020-05-08'],
    ['Wed, 6 Nov 2024 10:15:00 GMT', '2024-11-06T10:15'],
  ])('%s -> %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('leaves the year open when not shown', () => {
    expect(parseTime('Nov 1, 11:14')?.parts).toEqual({ month: 11, day: 1, hour: 11, minute: 14 });
  });

  it('does not take a bare clock time for a timestamp', () => {
    expect(parseTime('6:32 PM')).toBeNull();
    expect(findTimes('posted 6:32 PM')).toEqual([]);
  });
});

describe('French', () => {
  it.each([
    ['Par Bruno Gobin, le mercredi 15 mai 2019 à 08h07', '2019-05-15T08:07'],
    ['15 mai 2019 à 8h07', '2019-05-15T08:07'],
    ['1er janvier 2020', '2020-01-01'],
    ['mardi 5 novembre 2024 à 17h40', '2024-11-05T17:40'],
    ['5 nov. 2024 à 17:40', '2024-11-05T17:40'],
    ['le 15 août 2019 à 20h', '2019-08-15T20:00'],
    ['5 déc. 2023', '2023-12-05'],
    ['Publié le 05/11/2024 à 17h40', '2024-11-05T17:40'],
    ['1er février 2020 à 9 h 05', '2020-02-01T09:05'],
  ])('%s -> %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('covers the weekday but not "le"', () => {
    expect(covered('Par Bruno Gobin, le mercredi 15 mai 2019 à 08h07')).toBe('mercredi 15 mai 2019 à 08h07');
  });
});

describe('Spanish', () => {
  it.each([
    ['26 abril 2022 a las 14:02', '2022-04-26T14:02'],
    ['26 de abril de 2022 a las 2:02 pm', '2022-04-26T14:02'],
    ['3 de septiembre, 2021', '2021-09-03'],
    ['3 de septiembre del 2021', '2021-09-03'],
    ['martes, 5 de noviembre de 2024, 17:40', '2024-11-05T17:40'],
    ['miércoles 15 de mayo de 2019 a la 1:05 pm', '2019-05-15T13:05'],
    ['5/11/2024 a las 17:40', '2024-11-05T17:40'],
    ['1º de enero de 2020', '2020-01-01'],
    ['12 dic. 2023 17:40 hs', '2023-12-12T17:40'],
  ])('%s -> %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });
});

describe('weekdays before a date', () => {
  it.each([
    ['Mittwoch, 6. November 2024, 10:15 Uhr', '2024-11-06T10:15'],
    ['Fr., 08.11.2024 - 09:41', '2024-11-08T09:41'],
    ['Mittwoch, den 6. November 2024', '2024-11-06'],
    ['Wednesday, November 6, 2024 at 10:15 AM', '2024-11-06T10:15'],
    ['jeudi 7 novembre 2024', '2024-11-07'],
    ['sábado 9 de noviembre de 2024', '2024-11-09'],
  ])('%s -> %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
    expect(parseTime(text)?.index).toBe(0);
  });

  it('reads "Mar" as March when no weekday fits', () => {
    expect(iso('Mar 5, 2024')).toBe('2024-03-05');
  });
});

describe('yearless dates', () => {
  it('stay yearless without now', () => {
    expect(parseTime('5.11. 17.40')?.parts).toEqual({ month: 11, day: 5, hour: 17, minute: 40 });
    expect(toIso({ month: 11, day: 5 })).toBeNull();
  });

  it.each([
    ['5.11. 17.40', '2023-11-05T17:40'],
    ['23.01. 09:55', '2024-01-23T09:55'],
    ['am 6. November um 10:15', '2023-11-06T10:15'],
    ['Nov 1, 11:14', '2023-11-01T11:14'],
    ['15.06. 23:59', '2024-06-15T23:59'],
    ['16.06.', '2023-06-16'],
    ['29.02.', '2024-02-29'],
  ])('%s with now -> %s', (text, expected) => {
    expect(iso(text, { now })).toBe(expected);
  });

  it('finds the last leap year for 29 February', () => {
    expect(iso('29.02.', { now: new Date(2023, 5, 1) })).toBe('2020-02-29');
  });
});

describe('relative times', () => {
  it.each([
    ['vor 3 Stunden', 180, '2024-06-15T09:00'],
    ['vor 5 Minuten', 5, '2024-06-15T11:55'],
    ['vor 5 Min.', 5, '2024-06-15T11:55'],
    ['vor 1 Std.', 60, '2024-06-15T11:00'],
    ['vor 2 Tagen', 2880, '2024-06-13T12:00'],
    ['vor einer Stunde', 60, '2024-06-15T11:00'],
    ['vor einem Tag', 1440, '2024-06-14T12:00'],
    ['3 Tage her', 4320, '2024-06-12T12:00'],
    ['2 hours ago', 120, '2024-06-15T10:00'],
    ['a day ago', 1440, '2024-06-14T12:00'],
    ['1 day ago', 1440, '2024-06-14T12:00'],
    ['an hour ago', 60, '2024-06-15T11:00'],
    ['5 mins ago', 5, '2024-06-15T11:55'],
    ['3h ago', 180, '2024-06-15T09:00'],
    ['2 weeks ago', 20160, '2024-06-01T12:00'],
    ['il y a 3 heures', 180, '2024-06-15T09:00'],
    ['il y a un jour', 1440, '2024-06-14T12:00'],
    ['hace 3 horas', 180, '2024-06-15T09:00'],
    ['hace un día', 1440, '2024-06-14T12:00'],
    ['just now', 0, '2024-06-15T12:00'],
    ['a few seconds ago', 0, '2024-06-15T12:00'],
    ['gerade eben', 0, '2024-06-15T12:00'],
    ['à l’instant', 0, '2024-06-15T12:00'],
    ['hace un momento', 0, '2024-06-15T12:00'],
  ])('%s -> %i minutes, %s', (text, minutes, expected) => {
    const m = parseTime(text, { now });
    expect(m?.relativeMinutes).toBe(minutes);
    expect(m?.parts && toIso(m.parts)).toBe(expected);
    expect(m?.length).toBe(text.length);
  });

  it.each([
    ['1 Monat her', 43200, '2024-05-16'],
    ['vor 2 Monaten', 86400, '2024-04-16'],
    ['6 years ago', 3153600, '2018-06-17'],
    ['hace 2 años', 1051200, '2022-06-16'],
  ])('%s is approximate, date only', (text, minutes, expected) => {
    const m = parseTime(text, { now });
    expect(m?.relativeMinutes).toBe(minutes);
    expect(m?.parts && toIso(m.parts)).toBe(expected);
  });

  it.each([
    ['gestern 17:40', '2024-06-14T17:40'],
    ['gestern um 17:40 Uhr', '2024-06-14T17:40'],
    ['Gestern, 17.40 Uhr', '2024-06-14T17:40'],
    ['heute, 08:10', '2024-06-15T08:10'],
    ['vorgestern, 08:00', '2024-06-13T08:00'],
    ['yesterday at 5:40 pm', '2024-06-14T17:40'],
    ['Today at 9:15 AM', '2024-06-15T09:15'],
    ['hier à 17h40', '2024-06-14T17:40'],
    ['avant-hier à 8h', '2024-06-13T08:00'],
    ['ayer a las 17:40', '2024-06-14T17:40'],
    ['anteayer 10:00', '2024-06-13T10:00'],
    ['2 days ago at 07:52 am', '2024-06-13T07:52'],
    ['il y a 2 jours à 17h40', '2024-06-13T17:40'],
  ])('%s: the clock time shown wins -> %s', (text, expected) => {
    const m = parseTime(text, { now });
    expect(m?.parts && toIso(m.parts)).toBe(expected);
    expect(m?.length).toBe(text.length);
  });

  it('computes the exact minutes back when a clock time is given', () => {
    expect(parseTime('gestern 17:40', { now })?.relativeMinutes).toBe(18 * 60 + 20);
  });

  it('without now: parts null, minutes when they do not depend on now', () => {
    expect(parseTime('vor 3 Stunden')).toEqual({ parts: null, relativeMinutes: 180, index: 0, length: 13 });
    expect(parseTime('2 hours ago')?.relativeMinutes).toBe(120);
    const m = parseTime('gestern 17:40');
    expect(m?.parts).toBeNull();
    expect(m?.relativeMinutes).toBeUndefined();
    expect(m?.length).toBe(13);
  });

  it('reads a lone day word as a date in a date element', () => {
    expect(parseTime('Gestern', { now })).toEqual({ parts: { year: 2024, month: 6, day: 14 }, relativeMinutes: 1440, index: 0, length: 7 });
    expect(iso('Heute', { now })).toBe('2024-06-15');
  });

  it('needs a clock time for French "hier" (German "here")', () => {
    expect(parseTime('ich bin hier')).toBeNull();
  });
});

describe('rejections', () => {
  it.each([
    'Rating: 36 Votes',
    '1 positive Stimme',
    '13.1.1',
    'iOS 13.1.3',
    'Version 2.10.20',
    '3.50 €',
    'kostet 12.50',
    'Tel. 0221/123 45 67',
    '+49 171 2345678',
    '12-34-56',
    '2 UN-Resolutionen',
    '5:3',
    'Endstand 2:1',
    '2019',
    'Top 10',
    '32.13.2020',
    '31.04.2024',
    '29.02.2023',
    '25:70',
    'Plätze 3. 4. und 5.',
    'you may 5 times',
    'zuvor 3 Stunden',
    'vor 2 m Höhe',
    '',
  ])('%s', (text) => {
    expect(parseTime(text, { now })).toBeNull();
  });

  it('does not take a price after a date for a time', () => {
    expect(covered('am 5.11. 12.50 € bezahlt')).toBe('5.11.');
  });
});

describe('findTimes', () => {
  it('finds a yearless reference with a dotted time', () => {
    expect(findTimes('J. Franke 5.11. 17.40 Ich denke')).toEqual([
      { parts: { month: 11, day: 5, hour: 17, minute: 40 }, index: 10, length: 11 },
    ]);
  });

  it('finds a date with "@" before the time', () => {
    const text = '@ Dietmar Hilsebein 8. April 2019 @ 11:38 Der Gentleman';
    const found = findTimes(text);
    expect(found).toHaveLength(1);
    expect(found[0]?.parts).toEqual({ year: 2019, month: 4, day: 8, hour: 11, minute: 38 });
    expect(text.slice(found[0]!.index)).toMatch(/^8\. April/);
  });

  it('finds a quoted timestamp', () => {
    const found = findTimes('Ihre Nachricht von “8. April 2019 @ 21:23” war gut');
    expect(found.map((m) => m.parts && toIso(m.parts))).toEqual(['2019-04-08T21:23']);
  });

  it('returns several matches in order, skipping bare day words', () => {
    const text = 'Heute so, gestern anders. Am 5.11. 17.40 und am 6.11.2024, 08:00 schrieb er, vor 3 Stunden.';
    const found = findTimes(text, { now });
    expect(found.map((m) => m.parts && toIso(m.parts))).toEqual(['2023-11-05T17:40', '2024-11-06T08:00', '2024-06-15T09:00']);
    expect(found.map((m) => m.index)).toEqual([text.indexOf('5.11.'), text.indexOf('6.11.'), text.indexOf('vor 3')]);
  });

  it('reads consecutive yearless dates as dates, not as a date and a time', () => {
    expect(findTimes('5.11. 6.11. 7.11.').map((m) => m.parts)).toEqual([
      { month: 11, day: 5 },
      { month: 11, day: 6 },
      { month: 11, day: 7 },
    ]);
  });

  it('keeps matches apart when a time could belong to either date', () => {
    const found = findTimes('5.11. 17:40 6.11.2024');
    expect(found.map((m) => m.parts && toIso(m.parts))).toEqual([null, '2024-11-06']);
    expect(found[0]?.length).toBe(11);
  });

  it('returns nothing for prose without dates', () => {
    expect(findTimes('Die 2 UN-Resolutionen von 1967 bekamen 36 Stimmen, Top 10.')).toEqual([]);
  });
});

describe('toIso and timeValue', () => {
  it('formats minutes precision or date only', () => {
    expect(toIso({ year: 2024, month: 11, day: 6, hour: 8, minute: 10 })).toBe('2024-11-06T08:10');
    expect(toIso({ year: 2024, month: 11, day: 6 })).toBe('2024-11-06');
  });

  it('gives minutes since the epoch, as UTC', () => {
    expect(timeValue({ year: 1970, month: 1, day: 2 })).toBe(1440);
    expect(timeValue({ year: 1970, month: 1, day: 1, hour: 1, minute: 5 })).toBe(65);
    expect(timeValue({ month: 1, day: 1 })).toBeNull();
  });

  it('sorts a date before times on the same day', () => {
    const date = timeValue({ year: 2024, month: 11, day: 6 })!;
    expect(timeValue({ year: 2024, month: 11, day: 6, hour: 0, minute: 1 })! - date).toBe(1);
  });
});

describe('parseMachineTime', () => {
  it.each([
    ['2023-07-21T19:51:36', { year: 2023, month: 7, day: 21, hour: 19, minute: 51 }],
    ['2019-04-08T11:38:00+02:00', { year: 2019, month: 4, day: 8, hour: 11, minute: 38 }],
    ['2022-05-05 14:04:11Z', { year: 2022, month: 5, day: 5, hour: 14, minute: 4 }],
    ['2019-04-08', { year: 2019, month: 4, day: 8 }],
    [' 2024-11-06T08:10:00.000Z ', { year: 2024, month: 11, day: 6, hour: 8, minute: 10 }],
    ['2024-11-06T23:30-0500', { year: 2024, month: 11, day: 6, hour: 23, minute: 30 }],
  ])('%s', (value, expected) => {
    expect(parseMachineTime(value)).toEqual(expected);
  });

  it.each(['06.11.2024', 'vor 3 Stunden', '2024-13-01', '2024-02-30', '2024-11-06T25:00', ''])('rejects %s', (value) => {
    expect(parseMachineTime(value)).toBeNull();
  });
});

describe('sameTime', () => {
  const full = { year: 2024, month: 11, day: 5, hour: 17, minute: 40 };
  it('matches on the fields both show', () => {
    expect(sameTime({ month: 11, day: 5, hour: 17, minute: 40 }, full)).toBe(true);
    expect(sameTime({ year: 2024, month: 11, day: 5 }, full)).toBe(true);
  });
  it('differs on any shown field', () => {
    expect(sameTime({ month: 11, day: 5, hour: 17, minute: 41 }, full)).toBe(false);
    expect(sameTime({ year: 2023, month: 11, day: 5 }, full)).toBe(false);
    expect(sameTime({ month: 11, day: 6 }, full)).toBe(false);
  });
});

describe('performance', () => {
  const timed = (text: string) => {
    const t = performance.now();
    findTimes(text, { now });
    parseTime(text);
    return performance.now() - t;
  };
  findTimes('warm-up 5.11. 17.40', { now });

  it('100 KB of digits and dots parses in a few ms', () => {
    expect(timed('1.2.3.4.5.6.7.8.9.0.'.repeat(5000))).toBeLessThan(50);
    expect(timed('12.34.5.678.9.'.repeat(7200))).toBeLessThan(50);
  });

  it.each([
    ['runs of digits, then dots', '1'.repeat(50_000) + '.'.repeat(50_000)],
    ['digits, colons and slashes', '12:3/4-5 '.repeat(11_000)],
    ['repeated day numbers', '1. '.repeat(33_000)],
    ['repeated "vor "', 'vor '.repeat(25_000)],
    ['whitespace', ' \u00a0'.repeat(50_000)],
  ])('100 KB of %s stays fast', (_name, text) => {
    expect(timed(text)).toBeLessThan(250);
  });

  it('handles 100 KB of real dates', () => {
    const text = '5.11. '.repeat(16_667);
    expect(findTimes(text)).toHaveLength(16_667);
  });
});
