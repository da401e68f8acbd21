// Timestamps as news sites and forums print them in comment headers (German, English, French, Spanish), and date
// references inside comment text. Pure: no DOM, no Intl. Every regex is linear (bounded quantifiers, no nested
// repetition) because it runs on arbitrary page text. The tables below are turned into maps and regexes on first use
// (lib/lazy `once`), not when the module is evaluated: call `MONTH_OF()`, `DATE_RULES()`, ...
import { once } from './lazy';

/** A calendar time as shown; fields missing when the page does not show them. */
export interface TimeParts { year?: number; month: number; day: number; hour?: number; minute?: number }
export interface TimeMatch {
  /** Null for a relative expression that could not be resolved (no `now` given). */
  parts: TimeParts | null;
  /** For relative expressions: how many minutes before `now` ("vor 3 Stunden" -> 180). */
  relativeMinutes?: number;
  /** Where the expression starts in the input. */
  index: number;
  /** How many characters it covers. */
  length: number;
}
export interface TimeOptions {
  /** Reference for relative times and for yearless dates (latest year in which the date is not after `now`). */
  now?: Date;
  /** How to read 11/08/2020 (default true: day first); a first number > 12 means day first, a second > 12 month first. */
  dayFirst?: boolean;
}

// ---- Tables --------------------------------------------------------------------------------------------------

/** Month names and abbreviations, one line per month (Austrian Jänner/Feber included). */
const MONTHS = [
  'januar jänner jän jan january janvier janv enero ene',
  'februar feber feb february février fevrier févr fevr fév fev febrero',
  'märz maerz mär mrz march mar mars marzo',
  'april apr avril avr abril abr',
  'mai may mayo',
  'juni jun june juin junio',
  'juli jul july juillet juil julio',
  'august aug août aout aoû agosto ago',
  'september sep sept septembre septiembre setiembre',
  'oktober okt october oct octobre octubre',
  'november nov novembre noviembre',
  'dezember dez december dec décembre decembre déc diciembre dic',
];

/** Weekday names; they may precede a date and are skipped. */
const WEEKDAYS = [
  'montag mo monday mon lundi lun lunes',
  'dienstag di tuesday tues tue mardi mar martes',
  'mittwoch mi wednesday wed mercredi mer miércoles miercoles mié mie',
  'donnerstag do thursday thurs thur thu jeudi jeu jueves jue',
  'freitag fr friday fri vendredi ven viernes vie',
  'samstag sonnabend sa saturday sat samedi sam sábado sabado sáb sab',
  'sonntag so sunday sun dimanche dim domingo dom',
];

/** Number words of relative expressions ("vor einer Stunde", "a day ago"); line n is the value n. */
const NUMBERS = [
  'a an one ein eine einer einem einen un une una',
  'two zwei deux dos',
  'three drei trois tres',
  'four vier quatre cuatro',
  'five fünf cinq cinco',
  'six sechs seis',
  'seven sieben sept siete',
  'eight acht huit ocho',
  'nine neun neuf nueve',
  'ten zehn dix diez',
];

const DAY = 1440;
const MONTH = 30 * DAY; // relative months and years are approximate
const YEAR = 365 * DAY;

/** Units of relative expressions, in minutes. */
const UNITS: [number, string][] = [
  [1 / 60, 'seconds second secs sec sekunden sekunde sek secondes seconde segundos segundo seg'],
  [1, 'minutes minute mins min minuten minutos minuto'],
  [60, 'hours hour hrs hr stunden stunde std heures heure horas hora'],
  [DAY, 'days day tagen tage tag jours jour días dias día dia'],
  [7 * DAY, 'weeks week wks wk wochen woche semaines semaine semanas semana'],
  [MONTH, 'months month mos mo monaten monate monat mois meses mes'],
  [YEAR, 'years year yrs yr jahren jahre jahr ans an années annees année annee años anos año ano'],
];

/** One-letter units, only in the compact English form "3h ago" (a German "vor 2 m" is two metres). */
const SHORT_UNITS: Record<string, number> = { s: 1 / 60, m: 1, h: 60, d: DAY, w: 7 * DAY, y: YEAR };

/** Today / yesterday / the day before, by days back. */
const DAY_WORDS: [number, string][] = [
  [0, "heute today aujourd'hui hoy"],
  [1, 'gestern yesterday hier ayer'],
  [2, 'vorgestern avant-hier anteayer antier'],
];

/** "Just now": zero minutes back. */
const NOW_WORDS = [
  'gerade eben', 'soeben', 'vor ein paar sekunden', 'vor wenigen sekunden',
  'just now', 'right now', 'moments ago', 'a moment ago', 'a few seconds ago',
  "à l'instant", "a l'instant", 'il y a quelques secondes',
  'ahora mismo', 'justo ahora', 'hace un momento', 'hace unos segundos', 'hace instantes',
];

/** Words that make a following numeric "date" a version number ("Version 2.10.20"). */
const VERSION_WORDS = ['version', 'ver', 'release', 'build', 'ios', 'android', 'windows', 'firefox', 'chrome', 'firmware'];

// ---- Regexes built from the tables ---------------------------------------------------------------------------

const norm = (s: string) => s.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').replace(/\.$/, '');
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (lines: string[]) => lines.flatMap((l) => l.split(' '));

/** Alternation, longest first so "minuten" wins over "min"; spaces and apostrophes written loosely. */
function alt(list: string[]): string {
  return [...new Set(list)]
    .sort((a, b) => b.length - a.length)
    .map((w) => esc(w).replace(/ /g, '\\s{1,3}').replace(/'/g, "['’]"))
    .join('|');
}

function table(rows: [number, string][]): Map<string, number> {
  const map = new Map<string, number>();
  for (const [value, line] of rows) for (const w of line.split(' ')) if (!map.has(w)) map.set(w, value);
  return map;
}

const MONTH_OF = once(() => table(MONTHS.map((l, i) => [i + 1, l])));
const NUMBER_OF = once(() => table(NUMBERS.map((l, i) => [i + 1, l])));
const UNIT_OF = once(() => table(UNITS));
const DAYS_BACK = once(() => table(DAY_WORDS));

const START = '(?<![\\p{L}\\d])';
const END = '(?![\\p{L}\\d])';
const MONTH_RE = once(() => `(${alt([...MONTH_OF().keys()])})(?!\\p{L})\\.?`);
const WEEKDAY_RE = once(() => `(?:${START}(?:${alt(words(WEEKDAYS))})(?!\\p{L})\\.?,?\\s{1,3}(?:(?:den|le|el|the)\\s{1,3})?)?`);

// Groups: hour, separator, minute, a/p, suffix. A dot separator ("13.47") only counts next to a date or with "Uhr".
const CLOCK =
  '(\\d{1,2})(?:(:|\\.|\\s?h\\s?)(\\d{2})(?::\\d{2}(?:[.,]\\d{1,6})?)?)?' +
  '(?:\\s{0,2}([ap])\\.?\\s?m\\.?(?!\\p{L}))?(?:\\s{0,2}(uhr|hrs?\\.?|hs\\.?|h)(?!\\p{L}))?' +
  '(?!\\d|[:.]\\d|\\s?(?:€|\\$|%|eur))';
const TIME_AFTER = once(() => new RegExp(
  `(\\s{0,3}(?:[,@|·•\\-–—/]\\s{0,3})?(?:(?:um|at|à|a\\s{1,3}las?)\\s{1,3})?)${CLOCK}`,
  'iuy',
));
const TIME_BEFORE = once(() => new RegExp(
  `(?<![\\d:.])${CLOCK}\\s{0,3}(?:[,@|·•\\-–—]\\s{0,3})?(?:(?:am|on|le|el|vom|du)\\s{1,3})?$`,
  'iu',
));
const VERSION_BEFORE = once(() => new RegExp(`(?:${alt(VERSION_WORDS)})\\.?\\s{0,2}$`, 'i'));

type Read = (m: RegExpExecArray, dayFirst: boolean) => Raw | null;
interface Raw { year?: number; month: number; day: number; hour?: number; minute?: number; numeric?: boolean }

const num = (s: string | undefined) => (s === undefined ? undefined : parseInt(s, 10));

const DATE_SOURCES = (): [string, Read][] => [
  // 2019-04-08, 2019-04-08T11:38:00+02:00
  [
    `(?<![\\d.\\-/])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:T(\\d{2}):(\\d{2})(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?)?(?!\\d|-\\d)`,
    (m) => ({ year: num(m[1]), month: +m[2]!, day: +m[3]!, hour: num(m[4]), minute: num(m[5]), numeric: true }),
  ],
  // 06.11.2024, 06.11.24, 5.11. (yearless needs the trailing dot; "3.50" is a price)
  [
    `(?<![\\p{L}\\d.])(\\d{1,2})\\.(\\s?)(\\d{1,2})\\.(?:\\s?(\\d{4})|(\\d{2}))?(?!\\d|\\.\\d)`,
    (m) => {
      const [, d, spaced, mo, y4, y2] = m;
      if (y2 !== undefined && mo!.length < 2) return null; // "13.1.10" is a version, "06.11.24" a date
      if (spaced && !y4 && !y2) return null; // "Plätze 3. 4. und 5."
      return { year: y4 ? +y4 : y2 ? 2000 + +y2 : undefined, month: +mo!, day: +d!, numeric: true };
    },
  ],
  // 11/08/2020, 15-05-2019
  [
    `(?<![\\p{L}\\d./\\-])(\\d{1,2})([/\\-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?!\\d|[/.\\-]\\d)`,
    (m, dayFirst) => {
      const [, a, sep, b, y] = m;
      if (sep === '-' && y!.length < 4) return null; // "12-34-56" is a phone number
      const [x, z] = [+a!, +b!];
      const df = x > 12 ? true : z > 12 ? false : dayFirst;
      return { year: y!.length === 2 ? 2000 + +y! : +y!, month: df ? z : x, day: df ? x : z, numeric: true };
    },
  ],
  // 8. April 2019, 21. Jan. 2015, 1er janvier 2020, 26 de abril de 2022, 3 de septiembre, 2021, 1st of May
  [
    `(?<![\\p{L}\\d.])(\\d{1,2})(?:\\.\\s{0,3}|(?:er|st|nd|rd|th|º|°|ª)?\\s{1,3})(?:(?:de|of)\\s{1,3})?${MONTH_RE()}(?:,?\\s{1,3}(?:del?\\s{1,3})?(\\d{4})(?!\\d|:\\d))?`,
    (m) => ({ year: num(m[3]), month: MONTH_OF().get(norm(m[2]!))!, day: +m[1]! }),
  ],
  // April 8, 2019; Nov 1 (English only, so the month must be capitalised: "you may 5 times" is no date)
  [
    `${START}${MONTH_RE()}\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|[:.]\\d|\\p{L})(?:,?\\s{1,3}(\\d{4})(?!\\d|:\\d))?`,
    (m) => {
      const first = m[1]![0]!;
      if (first === first.toLowerCase()) return null;
      return { year: num(m[3]), month: MONTH_OF().get(norm(m[1]!))!, day: +m[2]! };
    },
  ],
];
const DATE_RULES = once(() => DATE_SOURCES().map(([src, read]) => [new RegExp(WEEKDAY_RE() + src, 'giu'), read] as const));

const RELATIVE_RULES = once(() => {
  // Groups: digits, number word, unit, one-letter unit.
  const AMOUNT = `(?:(\\d{1,3})\\s{0,2}|(${alt(words(NUMBERS))})\\s{1,2})`;
  const UNIT_RE = `(${alt([...UNIT_OF().keys()])})(?!\\p{L})\\.?`;
  return [
    `vor\\s{1,3}${AMOUNT}${UNIT_RE}`,
    `${AMOUNT}${UNIT_RE}\\s{1,3}her`,
    `${AMOUNT}(?:${UNIT_RE}|([smhdwy]))\\s{1,3}ago`,
    `il\\s{1,3}y\\s{1,3}a\\s{1,3}${AMOUNT}${UNIT_RE}`,
    `hace\\s{1,3}${AMOUNT}${UNIT_RE}`,
  ].map((s) => new RegExp(`${START}(?:${s})${END}`, 'giu'));
});
const DAY_WORD_RE = once(() => new RegExp(`${START}(${alt(words(DAY_WORDS.map(([, l]) => l)))})${END}`, 'giu'));
const NOW_RE = once(() => new RegExp(`${START}(?:${alt(NOW_WORDS)})${END}`, 'giu'));

// ---- Calendar helpers ----------------------------------------------------------------------------------------

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
function daysIn(month: number, year?: number): number {
  if (month === 2) return year === undefined || isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function valid(p: TimeParts): boolean {
  const { year, month, day, hour, minute } = p;
  if (year !== undefined && (year < 1900 || year > 2199)) return false;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return false;
  return (hour === undefined || hour <= 23) && (minute === undefined || minute <= 59);
}

/** Parts without undefined keys, so results compare cleanly. */
function make(year: number | undefined, month: number, day: number, hour?: number, minute?: number): TimeParts {
  const p: TimeParts = { month, day };
  if (year !== undefined) p.year = year;
  if (hour !== undefined) {
    p.hour = hour;
    p.minute = minute ?? 0;
  }
  return p;
}

function local(d: Date, clock: boolean): TimeParts {
  return make(d.getFullYear(), d.getMonth() + 1, d.getDate(), clock ? d.getHours() : undefined, d.getMinutes());
}

const minutesOf = (d: Date) => timeValue(local(d, true))!;

/** Latest year in which the date is not after now's date (tolerates a page clock ahead of the reader's). */
function withYear(p: TimeParts, now?: Date): TimeParts {
  if (p.year !== undefined || !now) return p;
  const today = timeValue(local(now, false))!;
  for (let y = now.getFullYear(); y >= now.getFullYear() - 8; y--) {
    const q = { ...p, year: y };
    if (valid(q) && timeValue(make(y, p.month, p.day))! <= today) return q;
  }
  return p;
}

// ---- Matching ------------------------------------------------------------------------------------------------

interface Clock { hour: number; minute: number; start: number; end: number }

function readClock(g: (string | undefined)[], attached: boolean): { hour: number; minute: number } | null {
  const [h, sep, min, ap, suffix] = g;
  let hour = +h!;
  const minute = min === undefined ? 0 : +min;
  if (min === undefined && !ap && !suffix) return null; // "um 8" alone is a number
  if (sep === '.' && !attached && !/^uhr$/i.test(suffix ?? '')) return null;
  // German "17:40 am 5.11." is not a.m.; a 12-hour clock has no 13.
  if (ap && hour <= 12) {
    if (hour === 0) return null;
    hour = (hour % 12) + (ap.toLowerCase() === 'p' ? 12 : 0);
  }
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

function clockAfter(text: string, end: number): Clock | null {
  const re = TIME_AFTER();
  re.lastIndex = end;
  const m = re.exec(text);
  if (!m || !m[1]) return null; // date and time need something between them
  const stop = end + m[0].length;
  if (m[3] === '.' && !m[6] && text[stop] === '.') return null; // "5.11. 6.11." is two dates
  const c = readClock(m.slice(2), true);
  return c && { ...c, start: end, end: stop };
}

/** "17:40 Uhr, 5.11.2024": a time written before its date. */
function clockBefore(text: string, start: number): Clock | null {
  const from = Math.max(0, start - 40);
  const m = TIME_BEFORE().exec(text.slice(from, start));
  if (!m || (m.index === 0 && from > 0)) return null; // cut off mid-number
  const c = readClock(m.slice(1), false);
  return c && { ...c, start: from + m.index, end: start };
}

interface Candidate { match: TimeMatch; weak: boolean }

function* scan(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield m;
    re.lastIndex = m.index + 1; // an overlapping later match may be the valid one
  }
}

function absolute(text: string, m: RegExpExecArray, raw: Raw, opts: TimeOptions): Candidate[] {
  const start = m.index;
  let end = start + m[0].length;
  let { hour, minute } = raw;
  if (raw.numeric && VERSION_BEFORE().test(text.slice(Math.max(0, start - 12), start))) return [];
  const after = hour === undefined ? clockAfter(text, end) : null;
  if (after) ({ hour, minute, end } = after);
  const out: Candidate[] = [];
  const push = (s: number, e: number, p: TimeParts) => {
    const parts = withYear(p, opts.now);
    if (valid(parts)) out.push({ match: { parts, index: s, length: e - s }, weak: false });
  };
  push(start, end, make(raw.year, raw.month, raw.day, hour, minute));
  const before = hour === undefined && out.length ? clockBefore(text, start) : null;
  if (before) push(before.start, end, make(raw.year, raw.month, raw.day, before.hour, before.minute));
  return out;
}

/** A relative expression `back` minutes (or `days` calendar days) before now; a following clock time wins. */
function relative(text: string, start: number, end: number, back: number, opts: TimeOptions, days?: number): Candidate {
  const { now } = opts;
  const clock = days !== undefined || back >= DAY ? clockAfter(text, end) : null;
  const match: TimeMatch = { parts: null, index: start, length: (clock?.end ?? end) - start };
  if (!clock) match.relativeMinutes = Math.floor(back);
  if (now) {
    const d = days !== undefined
      ? new Date(now.getFullYear(), now.getMonth(), now.getDate() - days)
      : new Date(now.getTime() - Math.floor(back) * 60000);
    if (clock) {
      match.parts = make(d.getFullYear(), d.getMonth() + 1, d.getDate(), clock.hour, clock.minute);
      match.relativeMinutes = minutesOf(now) - timeValue(match.parts)!;
    } else {
      match.parts = local(d, days === undefined && back < MONTH);
    }
  }
  return { match, weak: days !== undefined && !clock };
}

function candidates(text: string, opts: TimeOptions): Candidate[] {
  const dayFirst = opts.dayFirst ?? true;
  const out: Candidate[] = [];
  for (const [re, read] of DATE_RULES()) {
    for (const m of scan(re, text)) {
      const raw = read(m, dayFirst);
      if (raw) out.push(...absolute(text, m, raw, opts));
    }
  }
  for (const re of RELATIVE_RULES()) {
    for (const m of scan(re, text)) {
      const n = m[1] ? +m[1] : NUMBER_OF().get(norm(m[2]!))!;
      const unit = m[3] ? UNIT_OF().get(norm(m[3]))! : SHORT_UNITS[m[4]!.toLowerCase()]!;
      out.push(relative(text, m.index, m.index + m[0].length, n * unit, opts));
    }
  }
  for (const m of scan(DAY_WORD_RE(), text)) {
    const word = norm(m[1]!);
    const days = DAYS_BACK().get(word)!;
    const c = relative(text, m.index, m.index + m[0].length, days * DAY, opts, days);
    // French "hier" is German "here": only with a clock time.
    if (!(word === 'hier' && c.weak)) out.push(c);
  }
  for (const m of scan(NOW_RE(), text)) out.push(relative(text, m.index, m.index + m[0].length, 0, opts));
  return out;
}

/** Leftmost, then longest; no overlaps. */
function select(cands: Candidate[]): TimeMatch[] {
  cands.sort((a, b) => a.match.index - b.match.index || b.match.length - a.match.length);
  const out: TimeMatch[] = [];
  let end = 0;
  for (const { match } of cands) {
    if (match.index < end) continue;
    out.push(match);
    end = match.index + match.length;
  }
  return out;
}

/** Every time expression holds a digit, a unit, a day word or a "just now": most texts are turned away at once. */
const MAYBE_TIME = once(() => new RegExp(
  `\\d|${START}(?:${alt([...UNIT_OF().keys(), ...DAYS_BACK().keys(), ...NOW_WORDS.map((w) => w.split(' ').pop()!)])})${END}`,
  'iu',
));
const maybeTime = (text: string) => MAYBE_TIME().test(text.replace(/’/g, "'"));

// ---- API -----------------------------------------------------------------------------------------------------

/** Parse a string that is (mostly) a timestamp, e.g. the text of a comment's date element. A bare "gestern"/"today"
 *  counts here, but a bare clock time ("6:32 PM") does not. */
export function parseTime(text: string, opts: TimeOptions = {}): TimeMatch | null {
  if (!maybeTime(text)) return null;
  const all = candidates(text, opts);
  return select(all.filter((c) => !c.weak))[0] ?? select(all)[0] ?? null;
}

/** Every time expression in a longer text, in order, non-overlapping. A bare "heute"/"today" in prose is no
 *  reference and is left out. */
export function findTimes(text: string, opts: TimeOptions = {}): TimeMatch[] {
  if (!maybeTime(text)) return [];
  return select(candidates(text, opts).filter((c) => !c.weak));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2024-11-06T08:10" when hour is known, "2024-11-06" when only a date; null if year unknown. */
export function toIso(parts: TimeParts): string | null {
  const { year, month, day, hour, minute } = parts;
  if (year === undefined) return null;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return hour === undefined ? date : `${date}T${pad(hour)}:${pad(minute ?? 0)}`;
}

/** Minutes since 1970-01-01 treating the parts as UTC; date-only = start of day. Null if year unknown. */
export function timeValue(parts: TimeParts): number | null {
  const { year, month, day, hour, minute } = parts;
  if (year === undefined) return null;
  return Date.UTC(year, month - 1, day, hour ?? 0, minute ?? 0) / 60000;
}

const MACHINE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:[.,]\d{1,9})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** An ISO-like machine value; the local parts as written (the zone offset is ignored, not applied). */
export function parseMachineTime(value: string): TimeParts | null {
  const m = MACHINE.exec(value.trim());
  if (!m) return null;
  const p = make(+m[1]!, +m[2]!, +m[3]!, num(m[4]), num(m[5]));
  return valid(p) ? p : null;
}

/** True if two parts agree on every field both show. */
export function sameTime(a: TimeParts, b: TimeParts): boolean {
  const same = (x?: number, y?: number) => x === undefined || y === undefined || x === y;
  return a.month === b.month && a.day === b.day && same(a.year, b.year) && same(a.hour, b.hour) && same(a.minute, b.minute);
}
