// Sentences and words of comment text, with Intl.Segmenter (UAX #29 through ICU), in the discussion's language.
//
// Two things Intl.Segmenter does not do well here, and what this module does about them:
// - Sentences: ICU breaks after any "abbreviation." followed by a capital or a digit ("Dr. | Müller",
//   "am 3. | Oktober", "J. | Franke 5.11. | 17.40") and after "!" in brackets ("(euch!) | freue"), but never
//   between "gut.Aber" (no space), before "@Horst" or, for writers who do not capitalise, before a lowercase
//   word. Its segments are merged back after known abbreviations, initials, dates and (German) ordinals, and
//   split at those places.
// - Cost: in V8, iterating segments costs about 1.5 µs per word and grows faster than linearly with the length
//   of the string (a 120 kB text takes 280 ms for sentences, 86 s for words). Long texts are cut into pieces at
//   places ICU breaks anyway before they are segmented, and for words in Latin script (with emoji) a scanner
//   over a table of UAX #29 character classes gives the identical word-like segments about ten times faster
//   (a property test checks it against Intl.Segmenter); any other character sends the text to Intl.Segmenter.

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string, granularity: 'sentence' | 'word'): Intl.Segmenter {
  const locale = lang && lang !== 'und' ? lang : 'en';
  const key = `${locale}:${granularity}`;
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, s);
  }
  return s;
}

/** A sentence as a verbatim, trimmed substring of the text. */
export interface Sentence {
  text: string;
  /** Offset of `text` in the input. */
  start: number;
}

// Abbreviations that end in a full stop without ending the sentence (lowercase, with their dots).
const ABBREVIATIONS = new Set(
  [
    // German
    'z.b.', 'zb.', 'd.h.', 'u.a.', 'o.ä.', 'u.u.', 'v.a.', 's.o.', 's.u.', 'i.d.r.', 'u.ä.', 'm.e.', 'z.t.', 'bzw.', 'ca.',
    'usw.', 'vgl.', 'ggf.', 'evtl.', 'inkl.', 'exkl.', 'zzgl.', 'dr.', 'prof.', 'hr.', 'fr.', 'frl.', 'nr.', 'st.', 'str.',
    'abs.', 'art.', 'bspw.', 'mio.', 'mrd.', 'tsd.', 'jh.', 'jhd.', 'jhdt.', 'allg.', 'sog.', 'ggü.', 'gem.', 'lt.', 'ff.',
    'bzgl.', 'etc.', 'ca.', 'dipl.', 'ing.', 'kath.', 'geb.', 'gest.', 'tel.', 'verh.', 'jan.', 'feb.', 'mär.', 'apr.',
    'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'okt.', 'nov.', 'dez.', 'u.', 'o.', 'hrsg.', 'ausg.', 'zit.', 'vs.', 'usf.',
    'eigtl.',
    // English
    'mr.', 'mrs.', 'ms.', 'jr.', 'sr.', 'e.g.', 'i.e.', 'approx.', 'gov.', 'sen.', 'rev.', 'sgt.', 'capt.', 'oct.',
    'dec.', 'u.s.', 'u.k.', 'a.m.', 'p.m.', 'inc.', 'ltd.', 'co.', 'corp.', 'dept.', 'cf.', 'w.r.t.', 'resp.', 'esp.',
    'incl.', 'viz.', 'et al.', 'al.',
    // French
    'm.', 'mm.', 'mme.', 'mmes.', 'mlle.', 'mlles.', 'p.ex.', 'env.', 'av.', 'c.-à-d.', 'chap.', 'janv.', 'févr.',
    'juil.', 'déc.',
    // Spanish
    'sra.', 'srta.', 'sres.', 'dña.', 'dª.', 'ud.', 'uds.', 'vd.', 'vds.', 'p.ej.', 'pág.', 'págs.', 'gral.', 'lic.',
    'dra.', 'ee.uu.', 'aprox.', 'admón.', 'cía.', 'ene.', 'dic.',
  ],
);

// Abbreviations that only stand before a number ("Nr. 5", "Art. 5 GG", "S. 12"): elsewhere "No." is a sentence.
const BEFORE_NUMBER = new Set(['no.', 'nos.', 'nr.', 'núm.', 'n°.', 'art.', 'abs.', 'p.', 'pp.', 's.', 'bd.', 'vol.', 'fig.', 'min.', 'max.']);

const MONTH_START = /^(?:jan|feb|mär|mae|apr|mai|jun|jul|aug|sep|okt|oct|nov|dez|dec|janv|févr|mars|avr|juil|août|sept|déc|ene|abr|may|ago|dic|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)/i;

/** Would ICU's break after `seg` (trimmed) be wrong, given the segment that follows? */
function joinsNext(seg: string, next: string, lang: string): boolean {
  if (!seg.endsWith('.')) return false;
  const last = seg
    .slice(seg.lastIndexOf(' ') + 1)
    .replace(/^[(["'„“«‚‘]+/u, '')
    .toLowerCase();
  if (!last.endsWith('.')) return false;
  if (ABBREVIATIONS.has(last)) return true;
  // Other dotted abbreviations ("w.r.t.", "u.dgl.") before a word.
  if (/^(?:\p{L}{1,3}\.){2,}$/u.test(last) && /^\s*\p{Ll}/u.test(next)) return true;
  if (BEFORE_NUMBER.has(last) && /^\s*\d/.test(next)) return true;
  // "z. B." / "d. h." written with a space: the break falls after the first letter.
  if (/^\p{L}\.$/u.test(last)) {
    const nextWord = next.trimStart().split(/\s/, 1)[0] ?? '';
    if (ABBREVIATIONS.has(`${last}${nextWord.toLowerCase()}`)) return true;
    // An initial before a name: "J. Franke", "Michael J. Fox".
    if (/^\p{Lu}/u.test(seg.slice(seg.length - 2)) && /^\p{Lu}/u.test(next.trimStart())) return true;
  }
  // Dates: "5.11." / "5.11.2024" is followed by a time or a word, never the end of a sentence in practice.
  if (/^\(?\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})?$/.test(last) && /^\s*[\d\p{L}(]/u.test(next)) return true;
  // Ordinals: "am 3. Oktober", "im 19. Jahrhundert" (German writes ordinals with a full stop), and any language's
  // number before a month name.
  if (/^\d{1,3}\.$/.test(last)) {
    if (MONTH_START.test(next.trimStart())) return true;
    if (lang === 'de' && /^\s*\p{L}/u.test(next)) return true;
  }
  return false;
}

// Breaks ICU does not make: a sentence that ends without a space before the next ("gut.Aber", "so!Und": two
// lowercase letters, the terminator, a capitalised word; "Dr.Müller" and "z.B.Die" have too short a word before
// the dot), and a new sentence that starts with an address ("... geht. @Horst: ...").
const GLUED = /(?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll})|(?<=[.!?]\s+)(?=@\S)/gu;
// "!" or "?" inside brackets or quotation marks, the sentence going on in lowercase: "weil ich mich (euch!) freue",
// "„Hilfe!“ rief er". ICU breaks there.
const INNER_END = /[!?][)\]"“”»’]+\s*$/u;
const GLUED_ANYWHERE = /[.!?](?:\p{Lu}|\s+@)/u;
// In long segments of writers who do not capitalise, a terminator before a lowercase word ends a sentence too
// (abbreviations are joined again afterwards).
const LOWER_BREAK = /(?<=\p{Ll}{2}[.!?])\s+(?=\p{Ll}{2})/gu;
const LONG_SEGMENT = 100;

// Texts longer than this are cut before ICU sees them (its cost grows faster than linearly).
const PIECE = 1200;

/** Pieces of at most about PIECE characters, cut after a terminator and spaces, before a capital. */
function pieces(text: string): { text: string; start: number }[] {
  if (text.length <= PIECE) return [{ text, start: 0 }];
  const out: { text: string; start: number }[] = [];
  let start = 0;
  while (text.length - start > PIECE) {
    const window = text.slice(start + PIECE / 2, start + PIECE);
    let cut = -1;
    for (const m of window.matchAll(/[.!?]\s+(?=\p{Lu})/gu)) cut = start + PIECE / 2 + m.index + m[0].length;
    if (cut < 0) {
      const space = window.lastIndexOf(' ');
      cut = space >= 0 ? start + PIECE / 2 + space + 1 : start + PIECE;
    }
    out.push({ text: text.slice(start, cut), start });
    start = cut;
  }
  out.push({ text: text.slice(start), start });
  return out;
}

/** The sentences of a text, verbatim and trimmed, with ICU's worst mistakes repaired. */
export function splitSentences(text: string, lang: string): Sentence[] {
  const seg = segmenter(lang, 'sentence');
  const raw: { text: string; start: number }[] = [];
  for (const piece of pieces(text)) for (const s of seg.segment(piece.text)) raw.push({ text: s.segment, start: piece.start + s.index });
  return repaired(raw, lang);
}

/** The text without trailing white space ends with a full stop. */
function endsWithStop(t: string): boolean {
  let i = t.length - 1;
  while (i >= 0 && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 160 || t.charCodeAt(i) === 10 || t.charCodeAt(i) === 9)) i--;
  return i >= 0 && t.charCodeAt(i) === 46;
}

/** ICU's segments of one text -> sentences: extra breaks, then abbreviations and the like joined again. */
function repaired(segments: { text: string; start: number }[], lang: string): Sentence[] {
  let raw = segments;
  if (segments.some((s) => GLUED_ANYWHERE.test(s.text) || s.text.length > LONG_SEGMENT)) {
    raw = [];
    for (const s of segments) {
      const breaks = GLUED_ANYWHERE.test(s.text) ? [...s.text.matchAll(GLUED)].map((m) => m.index) : [];
      if (s.text.length > LONG_SEGMENT) {
        for (const m of s.text.matchAll(LOWER_BREAK)) breaks.push(m.index + m[0].length);
        breaks.sort((a, b) => a - b);
      }
      let from = 0;
      for (const at of breaks) {
        if (at <= from) continue;
        raw.push({ text: s.text.slice(from, at), start: s.start + from });
        from = at;
      }
      raw.push({ text: s.text.slice(from), start: s.start + from });
    }
  }
  const out: Sentence[] = [];
  let text = '';
  let start = 0;
  const emit = () => {
    const lead = text.length - text.trimStart().length;
    const t = text.trim();
    if (t) out.push({ text: t, start: start + lead });
  };
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    if (i > 0 && ((endsWithStop(text) && joinsNext(text.trimEnd(), r.text, lang)) || (INNER_END.test(text) && /^\p{Ll}/u.test(r.text)))) {
      text += r.text;
      continue;
    }
    if (i > 0) emit();
    text = r.text;
    start = r.start;
  }
  if (raw.length) emit();
  return out;
}

// Latin-script text in which UAX #29's word rules reduce to: runs of letters and digits, joined across ' ’ ‘ . : ·
// between letters and ' ’ ‘ . , ; between digits (MidLetter, MidNumLet, MidNum). The scanner below does just that,
// over a table of character classes for U+0000..U+024F and a few typographic marks beyond; any other character
// (combining marks, soft hyphens, underscores, other scripts, emoji) sends the text to Intl.Segmenter.
const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const MID_LETTER = 3; // : ·
const MID_NUM_LET = 4; // . ' ’ ‘
const MID_NUM = 5; // , ;
const UNSAFE = 6;
const CLASS = new Uint8Array(0x250);
for (let c = 0; c < 0x250; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] = /\p{L}/u.test(ch) ? LETTER : /[0-9]/.test(ch) ? DIGIT : /[\p{M}\p{Cf}\p{N}_]/u.test(ch) ? UNSAFE : OTHER;
}
CLASS[0x3a] = MID_LETTER;
CLASS[0xb7] = MID_LETTER;
CLASS[0x2e] = MID_NUM_LET;
CLASS[0x27] = MID_NUM_LET;
CLASS[0x2c] = MID_NUM;
CLASS[0x3b] = MID_NUM;
// Beyond U+024F: typographic quotes, dashes and signs that never join words.
const WIDE = new Map<number, number>([
  [0x2019, MID_NUM_LET],
  [0x2018, MID_NUM_LET],
  ...[0x201c, 0x201d, 0x201e, 0x201a, 0x2039, 0x203a, 0x2013, 0x2014, 0x2026, 0x20ac, 0x2022, 0x2122, 0x2032, 0x2033, 0x2010, 0x2212, 0x2192, 0x2190].map((c) => [c, OTHER] as [number, number]),
]);

// Emoji and pictographs are "Other" for word breaks (never word-like, never joining), and so are the variation
// selectors, joiners and skin tones that follow them; after a letter, digit or joining mark those attach to it
// (UAX #29 WB4), so there they are left to Intl.Segmenter.
function isPictograph(cp: number): boolean {
  return (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf) || (cp >= 0x2b00 && cp <= 0x2bff) || (cp >= 0x2190 && cp <= 0x21ff);
}
function isEmojiExtend(cp: number): boolean {
  return cp === 0xfe0f || cp === 0xfe0e || cp === 0x200d || cp === 0x20e3 || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f);
}

const classes = { buf: new Uint8Array(256) };

/** The class of each UTF-16 unit of the text, or null if some character needs Intl.Segmenter. */
function classify(text: string): Uint8Array | null {
  const n = text.length;
  if (classes.buf.length < n) classes.buf = new Uint8Array(n * 2);
  const out = classes.buf;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x250) {
      const k = CLASS[c]!;
      if (k === UNSAFE) return null;
      out[i] = k;
      continue;
    }
    const wide = WIDE.get(c);
    if (wide !== undefined) {
      out[i] = wide;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    if (isEmojiExtend(cp)) {
      if (i > 0 && out[i - 1] === OTHER) out[i] = OTHER;
      else return null;
    } else if (isPictograph(cp)) out[i] = OTHER;
    else return null;
    if (units === 2) out[++i] = OTHER;
  }
  return out;
}

/** Calls `f` with the span of each word-like segment; false if the text needs Intl.Segmenter. */
function scanLatin(text: string, f: (start: number, end: number) => void): boolean {
  const k = classify(text);
  if (!k) return false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const first = k[i]!;
    if (first !== LETTER && first !== DIGIT) {
      i++;
      continue;
    }
    const start = i;
    let last = first;
    i++;
    while (i < n) {
      const c = k[i]!;
      if (c === LETTER || c === DIGIT) {
        last = c;
        i++;
        continue;
      }
      if (i + 1 >= n) break;
      const next = k[i + 1]!;
      const joins =
        (last === LETTER && next === LETTER && (c === MID_LETTER || c === MID_NUM_LET)) ||
        (last === DIGIT && next === DIGIT && (c === MID_NUM || c === MID_NUM_LET));
      if (!joins) break;
      i += 2;
      last = next;
    }
    f(start, i);
  }
  return true;
}

/**
 * Calls `f` with the span [start, end) of each word-like segment (words and numbers, as Intl.Segmenter finds them).
 * Spans, not strings: the caller slices only what it needs.
 */
export function forEachWordSpan(text: string, lang: string, f: (start: number, end: number) => void): void {
  if (scanLatin(text, f)) return;
  const seg = segmenter(lang, 'word');
  // Word boundaries always fall at spaces: long texts are segmented in pieces cut there.
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + 400);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start) end = space + 1;
    }
    const piece = text.slice(start, end);
    for (const s of seg.segment(piece)) if (s.isWordLike) f(start + s.index, start + s.index + s.segment.length);
    start = end;
  }
}

/** Calls `f` with each word-like segment and its offset. */
export function forEachWord(text: string, lang: string, f: (word: string, index: number) => void): void {
  forEachWordSpan(text, lang, (start, end) => f(text.slice(start, end), start));
}

/** A word-like segment and where it starts. */
export interface Word {
  text: string;
  index: number;
}

/** The word-like segments (words and numbers) of a text, as Intl.Segmenter finds them, with their offsets. */
export function segmentWords(text: string, lang: string): Word[] {
  const out: Word[] = [];
  forEachWord(text, lang, (w, index) => out.push({ text: w, index }));
  return out;
}

/** Just the words. */
export function words(text: string, lang: string): string[] {
  return segmentWords(text, lang).map((w) => w.text);
}

/** The same words through Intl.Segmenter alone (the reference the fast path is tested against). */
export function wordsByIntl(text: string, lang: string): string[] {
  return [...segmenter(lang, 'word').segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}
