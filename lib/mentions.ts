// Who a comment speaks to, read from its own words: "@ Horst ,", "Hallo Herr Huber,", "Nossi :", ", Jeuys,",
// "Zitat Nossi:", name + time references ("J. Franke 5.11. 17.40") and quoted passages („...“).
import { findTimes, type TimeOptions, type TimeParts } from './time';
import { EVERYONE, GREETINGS, HONORIFICS, QUOTE_INTROS } from './vocabulary';
import { fold } from './names';
import { isStopword } from './stopwords';

export type AddressKind = 'at' | 'greeting' | 'leading' | 'vocative' | 'quote';

export interface Address {
  /** The name as written ("Horst", "J. Franke", "alle"). */
  name: string;
  kind: AddressKind;
  /** True for "@alle", "@all": addressed, but to nobody in particular. */
  everyone: boolean;
  /** A time written with the name ("J. Franke 5.11. 17.40"). */
  time?: TimeParts;
  /** Where it is written: offset in title + " \n " + text (the order in which a comment addresses people). */
  index: number;
}

export interface References {
  addresses: Address[];
  /** Times written without a name ("Ihre Nachricht von 8. April 2019 @ 21:23"). */
  times: { parts: TimeParts; index: number }[];
  /** Passages in quotation marks, candidates for quoting an earlier comment. */
  quotes: { text: string; index: number }[];
  /** Where the comment's text starts within title + " \n " + text. */
  textStart: number;
}

/**
 * How well a written name fits some commenter of this page (any, earlier or later): 0 none ... 1 exactly;
 * `starts(word)` says cheaply whether any name can begin with that word.
 */
export interface NameCheck {
  (name: string): number;
  starts?: (word: string) => boolean;
}

const GREETING_WORDS = new Set(GREETINGS.filter((g) => !g.includes(' ')));
const GREETING_PAIRS = GREETINGS.filter((g) => g.includes(' ')).map((g) => ({ raw: g, folded: fold(g) }));
// Words before a name that do not introduce one by themselves ("Ja, Horst", "Danke Horst").
const SOFT = new Set(['thanks', 'thank you', 'danke', 'merci', 'gracias', 'yes', 'no', 'ja', 'nein', 'oui', 'non', 'sí', 'si', 'genau', 'exactly', 'sorry', 'well', 'also', 'ach', 'na', 'tja', 'ok', 'okay']);
const HONORIFIC = new Set(HONORIFICS);
const EVERYBODY = new Set(EVERYONE);
const INTRO_RE = new RegExp(`(?<![\\p{L}])(?:${QUOTE_INTROS.join('|')})\\s+(?:von\\s+|from\\s+|de\\s+)?`, 'giu');

// (matchAll copies a global regex, so one compiled instance serves every call.)
const VOCATIVE = new RegExp(`(?:,\\s*|\\b(?:${HONORIFICS.join('|')})\\.?\\s+)(?=[\\p{Lu}‘'“"„])`, 'giu');

const WORD = /^[\p{L}\p{N}_][\p{L}\p{N}_.'’-]*/u;
const OPEN_QUOTES = `"'‘’“”„«»‚`;
// Quotation marks hug what they quote ("„Text“", not "“ and a module ”" between two quoted words).
const QUOTED_PASSAGE = /„(\S[^“”"]{10,398}\S)[“”"]|“(\S[^”"]{10,398}\S)”|»(\S[^«]{10,398}\S)«|«\s?(\S[^»]{10,398}?\S)\s?»|"(\S[^"]{10,398}\S)"/g;

const DATE_SHAPE = /\d\s?[.:/h]\s?\d|\d\.?\s+\p{L}{3}/u;

/** Quoted prose, not code or markup shown as text. */
function isProse(s: string): boolean {
  if (/[<>={}]/.test(s)) return false;
  const letters = s.match(/\p{L}/gu)?.length ?? 0;
  return letters >= s.length * 0.6;
}

function words(s: string, max: number): { words: string[]; end: number } {
  const out: string[] = [];
  let i = 0;
  while (out.length < max) {
    const rest = s.slice(i);
    const sp = rest.match(/^[ \t]*/)![0].length;
    const m = rest.slice(sp).match(WORD);
    if (!m) break;
    // A capital or initial-like word may follow; stop at lowercase prose after the first word.
    out.push(m[0]);
    i += sp + m[0].length;
  }
  return { words: out, end: i };
}

/** The longest prefix of up to four words that names a commenter, or null. */
function longestKnown(ws: string[], check: NameCheck): string | null {
  if (check.starts && ws[0] && !check.starts(ws[0])) return null;
  for (let n = Math.min(ws.length, 4); n >= 1; n--) {
    const name = ws.slice(0, n).join(' ').replace(/[.'’-]+$/, (m) => (n > 1 && /^\p{L}$/u.test(ws[n - 1]!.replace(/\.$/, '')) ? m : ''));
    // Function words ("The", "Die") are not names, even where a commenter chose one as a nickname.
    if (name && !name.split(/\s+/).every((w) => isStopword(w.replace(/\W+$/u, ''))) && check(name)) return name;
  }
  return null;
}

/** A name starting at `s`: a quoted name ("‘Martin Holzherr’"), or words up to punctuation or a date. */
function nameAt(s: string, check: NameCheck, mustKnow: boolean): { name: string; end: number; known: boolean } | null {
  const start = s.match(/^\s*/)![0].length;
  let offset = start;
  // Titles before the name are usually not part of it ("Herr", "Kommentatorenfreund")...
  for (;;) {
    const m = s.slice(offset).match(/^([\p{L}]+)\.?\s+/u);
    if (m && HONORIFIC.has(fold(m[1]!)) && /^[\s]*[\p{Lu}‘'“"„]/u.test(s.slice(offset + m[0].length))) offset += m[0].length;
    else break;
  }
  const found = nameFrom(s.slice(offset), check, true);
  if (found) return { ...found, end: offset + found.end };
  // ...but sometimes they are ("Dr. W." for "Dr. Webbaer").
  if (offset > start) {
    const whole = nameFrom(s.slice(start), check, true);
    if (whole) return { ...whole, end: start + whole.end };
  }
  if (mustKnow) return null;
  const guess = nameFrom(s.slice(offset), check, false);
  return guess ? { ...guess, end: offset + guess.end } : null;
}

function nameFrom(rest: string, check: NameCheck, mustKnow: boolean): { name: string; end: number; known: boolean } | null {
  const q = rest[0];
  if (q && OPEN_QUOTES.includes(q)) {
    const close = rest.slice(1).search(/[’'”“"«»]/);
    if (close > 0 && close < 60) {
      const name = rest.slice(1, close + 1).trim();
      const known = check(name) > 0;
      if (known || !mustKnow) return { name, end: close + 2, known };
    }
    return null;
  }
  // Words up to punctuation that ends an address (",", ":", "/", "(" ...) or a digit (a time follows).
  const stop = rest.search(/[,:;!?/()[\]|"“”„«»]|\s\d|\s[-–—]\s/);
  const span = stop >= 0 ? rest.slice(0, stop) : rest;
  const { words: ws } = words(span, 4);
  if (!ws.length) return null;
  const known = longestKnown(ws, check);
  if (known) return { name: known, end: rest.indexOf(known) + known.length, known: true };
  if (mustKnow) return null;
  // An unknown name set off by ":" or "," is the capitalised words before it ("@Thomas Reinhardt:").
  if (ws.length <= 3 && ws.every((w) => /^\p{Lu}/u.test(w)) && /^\s*[:,]/.test(rest.slice(span.length))) {
    const name = ws.join(' ');
    return { name, end: rest.indexOf(name) + name.length, known: false };
  }
  const first = ws[0]!.replace(/[.'’-]+$/, '');
  return first && /^\p{L}/u.test(first) ? { name: first, end: rest.indexOf(first) + first.length, known: false } : null;
}

function address(name: string, kind: AddressKind, index: number, time?: TimeParts): Address {
  const a: Address = { name, kind, everyone: EVERYBODY.has(fold(name)), index };
  if (time) a.time = time;
  return a;
}

/** Addressing at the start of a text: greetings, honorifics, a bare name that is a commenter's. */
function leading(s: string, base: number, check: NameCheck, out: Address[]): void {
  let rest = s.replace(/^[\s"'„“‘»«([-]+/, '');
  for (let round = 0; round < 3; round++) {
    let greeted = false;
    let soft = false;
    for (;;) {
      const lower = fold(rest.slice(0, 24));
      const pair = GREETING_PAIRS.find((g) => lower.startsWith(g.folded + ' ') || lower.startsWith(g.folded + ','));
      const m = rest.match(/^([\p{L}]+)[\s,!]+/u);
      const word = pair?.folded ?? (m ? fold(m[1]!) : null);
      if (!word || (!pair && !GREETING_WORDS.has(word))) break;
      if (SOFT.has(word)) soft = true;
      else greeted = true;
      rest = rest.slice(pair ? pair.raw.length : m![1]!.length).replace(/^[\s,!]+/, '');
    }
    if (rest.startsWith('@')) return;
    // "An Herbert:" / "To Herbert:" address by a preposition and a colon.
    const to = !greeted && rest.match(/^(?:an|to|para|à)\s+(?=\p{Lu})/iu);
    if (to) {
      const named = nameAt(rest.slice(to[0].length), check, false);
      if (named && /^\s*:/.test(rest.slice(to[0].length + named.end))) {
        out.push(address(named.name, 'greeting', base + s.length - rest.length));
        return;
      }
    }
    const found = nameAt(rest, check, !greeted);
    if (!found) return;
    // A bare first word ("One wonders", "Time to ...") must be somebody's whole name unless punctuation
    // sets it off as an address ("Horst:", "Ramón, ...").
    const delimited = /^\s*[,:;!?]/.test(rest.slice(found.end));
    if (!greeted && !delimited && check(found.name) < 0.95) return;
    // A greeting makes an unknown capitalised word a name; without one the name must be a commenter's.
    if (!found.known && !/^\p{Lu}/u.test(found.name)) return;
    if (!found.known && soft) return;
    if (EVERYBODY.has(fold(found.name)) || !out.some((a) => a.name === found.name)) out.push(address(found.name, greeted ? 'greeting' : 'leading', base + s.length - rest.length));
    rest = rest.slice(found.end);
    // "Liebe Swantje, lieber Timo": another greeting may follow.
    const next = rest.match(/^\s*(?:,|und|and|&)\s*/i);
    if (!next) return;
    rest = rest.slice(next[0].length);
  }
}

export function findReferences(title: string | null, text: string, check: NameCheck, timeOptions: TimeOptions = {}): References {
  const addresses: Address[] = [];
  const full = title ? `${title} \n ${text}` : text;

  // "@name" anywhere; "@Felsberger und Ehmann:" names two.
  // (Most texts have no "@" at all.)
  for (const m of full.includes('@') ? full.matchAll(/(?:^|[\s([{,;:.!?"“„'‘/])@(?=\s?[\p{L}_'‘“"])/gu) : []) {
    let at = m.index! + m[0].length;
    for (let k = 0; k < 3; k++) {
      const found = nameAt(full.slice(at), check, false);
      if (!found) break;
      addresses.push(address(found.name, 'at', at));
      at += found.end;
      const and = full.slice(at).match(/^\s*(?:und|and|et|y|&)\s+@?/i);
      if (!and) break;
      at += and[0].length;
    }
  }
  const textStart = title ? title.length + 3 : 0;
  if (title) leading(title, 0, check, addresses);
  leading(text, textStart, check, addresses);

  // Vocatives: ", Jeuys," "Herr Quaas!" "Kommentatorenkollege ‘Chrys’" — only names of commenters.
  for (const m of full.matchAll(VOCATIVE)) {
    const start = m.index! + m[0].length;
    const found = nameAt(full.slice(start), check, true);
    if (!found) continue;
    const after = full.slice(start + found.end);
    const isHonorific = !m[0].trim().startsWith(',');
    if (!isHonorific && !/^\s*[,!?.:;]/.test(after) && after.trim()) continue;
    if (!addresses.some((a) => fold(a.name) === fold(found.name))) addresses.push(address(found.name, 'vocative', start));
  }

  // "Zitat Nossi:" introduces a quote of that commenter.
  const quotes: References['quotes'] = [];
  for (const m of full.matchAll(INTRO_RE)) {
    const start = m.index! + m[0].length;
    const found = nameAt(full.slice(start), check, false);
    if (!found || !/^\s*:/.test(full.slice(start + found.end))) continue;
    if (!addresses.some((a) => a.name === found.name)) addresses.push(address(found.name, 'quote', m.index!));
    const quoted = full.slice(start + found.end).replace(/^\s*:\s*/, '');
    quotes.push({ text: quoted.split(/\s+/).slice(0, 14).join(' '), index: m.index! });
  }

  // Times: attached to the name right before them ("J. Franke 5.11. 17.40"), else standalone.
  const times: References['times'] = [];
  // Only texts with a date or clock shape ("5.11.", "17.40", "8. April") can refer to a comment by its time.
  // A yearless reference ("5.11. 17.40") means that day in the discussion, not in the reader's year: no `now`.
  const refOptions: TimeOptions = timeOptions.dayFirst == null ? {} : { dayFirst: timeOptions.dayFirst };
  for (const t of DATE_SHAPE.test(full) ? findTimes(full, refOptions) : []) {
    if (!t.parts || t.parts.hour == null) continue;
    const before = full.slice(Math.max(0, t.index - 40), t.index).replace(/[\s@,:(]+$/, '');
    const ws = before.split(/\s+/).filter(Boolean).slice(-3);
    let attached = false;
    for (let n = ws.length; n >= 1 && !attached; n--) {
      const name = ws.slice(-n).join(' ').replace(/^[@"“„‘']+/, '');
      const known = addresses.find((a) => fold(a.name) === fold(name) || fold(name).endsWith(fold(a.name)));
      if (known) {
        known.time ??= t.parts;
        attached = true;
      } else if (check(name)) {
        addresses.push(address(name, 'quote', Math.max(0, t.index - name.length - 1), t.parts));
        attached = true;
      }
    }
    if (!attached) times.push({ parts: t.parts, index: t.index });
  }

  for (const m of full.matchAll(QUOTED_PASSAGE)) {
    const q = m.slice(1).find(Boolean)!;
    if (q.split(/\s+/).length >= 4 && isProse(q)) quotes.push({ text: q, index: m.index! });
  }
  addresses.sort((a, b) => a.index - b.index);
  return { addresses, times, quotes, textStart };
}
