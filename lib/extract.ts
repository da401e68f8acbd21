// Reads one comment element into plain fields: author, time, title, own text and the quotes it contains.
// Works from the vocabulary of class names first and from the shape of the header second, so it needs no
// knowledge of the site; an adapter may name the fields' selectors instead.
import { collapse, findAll, findFirst, isHidden, linesOf, plainText, tagOf, textOf } from './dom';
import { memo } from './lazy';
import { parseMachineTime, parseTime, type TimeOptions, type TimeParts } from './time';
import { classWordsOf, wordsOf } from './tokens';
import {
  AUTHOR_WORDS, BODY_WORDS, BYLINE_PREFIXES, NAME_NOISE, QUOTE_WORDS, SAYS_WORDS, TIME_WORDS, TITLE_WORDS, UI_WORDS,
} from './vocabulary';

export interface Quote {
  text: string;
  /** The quoted person where the quote names them ("Gregcheck", "Zitat von Horst"). */
  author: string | null;
  /** Where in the comment's own text the quote stood (characters from the start). */
  at: number;
}

/** Selectors an adapter gives for the fields of one comment; any left out are found generically. */
export interface FieldSelectors {
  author?: string;
  time?: string;
  title?: string;
  text?: string;
  quote?: string;
}

export interface RawComment {
  element: Element;
  author: string | null;
  time: TimeParts | null;
  /** Minutes before "now" for relative times ("vor 3 Stunden"), kept for ordering when `now` is unknown. */
  relativeMinutes: number | null;
  title: string | null;
  text: string;
  quotes: Quote[];
  /** Written by the article's own author (WordPress "bypostauthor" and the like). */
  host: boolean;
  // Features the detector weighs.
  timeCount: number;
  hasAuthor: boolean;
  hasForm: boolean;
  linkDensity: number;
}

const AUTHOR = new Set(AUTHOR_WORDS);
const TIME = new Set(TIME_WORDS);
const BODY = new Set(BODY_WORDS);
const TITLE = new Set(TITLE_WORDS);
const QUOTE = new Set(QUOTE_WORDS);
const UI = new Set(UI_WORDS);
const STRONG_AUTHOR = new Set(['author', 'autor', 'auteur', 'benutzer', 'verfasser', 'commenter', 'commentator', 'nick', 'nickname', 'poster', 'pseudo', 'usuario', 'username', 'hnuser', 'uname', 'utilisateur', 'nutzer']);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'SELECT', 'OPTION', 'FIGURE', 'IMG', 'VIDEO', 'AUDIO', 'PICTURE']);
const FORM_TAGS = new Set(['FORM', 'TEXTAREA', 'INPUT']);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const HOST_CLASS = /\b(?:bypostauthor|by-post-author|post[-_]?author|comment-by-author|is-?author|author-?comment|byauthor|blog-post_author)\b/i;

const SAYS = new RegExp(`\\s*(?:${SAYS_WORDS.map(escape).join('|')})\\s*:?\\s*$`, 'i');
const BYLINE = new RegExp(`^(?:${BYLINE_PREFIXES.map(escape).join('|')})\\s+`, 'i');
const NOISE_WORDS = NAME_NOISE.map(escape).join('|');
const NOISE = new RegExp(`^(?:${NOISE_WORDS})\\b\\s*|\\s*[([]?\\b(?:${NOISE_WORDS})[)\\]]?$`, 'gi');

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Which vocabularies an element's words belong to, as bits, remembered per word list (elements with the same
// class and no id share one list), so each element's words are looked up once, not once per question.
const F_UI = 1;
const F_BODY = 2;
const F_AUTHOR = 4;
const F_TIME = 8;
const F_TITLE = 16;
const F_STRONG = 32;
const F_FN = 64;
const F_QUOTE = 128;
const flagMemo = new WeakMap<string[], number>();

function flagsOf(words: string[]): number {
  let f = flagMemo.get(words);
  if (f === undefined) {
    f = 0;
    for (const w of words) {
      if (UI.has(w)) f |= F_UI;
      if (BODY.has(w)) f |= F_BODY;
      if (AUTHOR.has(w)) f |= F_AUTHOR;
      if (TIME.has(w)) f |= F_TIME;
      if (TITLE.has(w)) f |= F_TITLE;
      if (STRONG_AUTHOR.has(w)) f |= F_STRONG;
      if (QUOTE.has(w)) f |= F_QUOTE;
      if (w === 'fn') f |= F_FN;
    }
    flagMemo.set(words, f);
  }
  return f;
}

/** Words of the class list and id as bits; none for an element without attributes (no reads needed). */
function wordFlags(el: Element): number {
  return el.hasAttributes() ? flagsOf(wordsOf(el)) : 0;
}

export function isQuoteElement(el: Element): boolean {
  if (tagOf(el) === 'BLOCKQUOTE') return true;
  // Class words only: some sites give every comment's own text container an id like "quote-123".
  return el.hasAttributes() && (flagsOf(classWordsOf(el)) & F_QUOTE) !== 0;
}

/**
 * Buttons and link rows. A container that merely shares a word ("comment-body js-comment-edit-hide") names
 * a part of the comment too, or holds more text than a control.
 */
export function isUiElement(el: Element): boolean {
  // Without attributes there are no words and no role.
  return el.hasAttributes() && isUi(el, flagsOf(wordsOf(el)));
}

function isUi(el: Element, flags: number): boolean {
  if (!(flags & F_UI) && el.getAttribute('role') !== 'button') return false;
  if (flags & (F_BODY | F_AUTHOR | F_TIME | F_TITLE)) return false;
  return plainText(el).length <= 80;
}

/** Words that join a name to the date after it ("Julia on 11/08/2020", "Hugo am 5. Mai"). */
const CONNECTOR = /\s+(?:on|at|am|um|le|el|the|den|du|del|de|à|a las|il y a|vor|hace)\s*$/i;

/** Cleans a display name: drops "says:", "von", "Gast" labels, date connectors, surrounding punctuation. */
export function cleanName(raw: string): string | null {
  let s = collapse(raw).replace(SAYS, '').replace(BYLINE, '').replace(CONNECTOR, '');
  // Labels around a name go ("Gast Bibi Blue" -> "Bibi Blue"), but a label that is the whole name stays ("Guest").
  const unlabelled = s.replace(NOISE, '').trim();
  if (/\p{L}/u.test(unlabelled)) s = unlabelled;
  s = s.replace(/^[\s,;:·|•–—-]+|[\s,;:·|•–—-]+$/g, '').trim();
  if (!s || s.length > 80 || !/\p{L}/u.test(s)) return null;
  return s;
}

/** How surely an element holds the author's name (0: not at all); `itemprop` and `property` as read by the caller. */
function authorPriority(el: Element, tag: string, attrs: boolean, flags: number, itemprop: string, property: string): number {
  if (itemprop && /\b(?:author|creator)\b/.test(itemprop)) return 6;
  if (tag === 'CITE' || flags & F_FN || (property && /foaf:name/.test(property))) return 5;
  if (attrs && /\bauthor\b/.test(el.getAttribute('rel') ?? '')) return 5;
  if (flags & F_STRONG) return 4;
  if (flags & F_AUTHOR) return 3;
  return 0;
}

interface TimeHit {
  el: Element;
  parts: TimeParts | null;
  relativeMinutes: number | null;
}

function readTime(el: Element, opts: TimeOptions): TimeHit | null {
  const text = plainText(el);
  const shown = text.length <= 120 ? parseTime(text, opts) : null;
  // An absolute display is what the reader sees; a relative one ("2 hours ago") is rounded, so a machine
  // value in the markup is better.
  if (shown?.parts && shown.parts.year != null && shown.relativeMinutes == null) return { el, parts: shown.parts, relativeMinutes: null };
  // Machine-readable values: the displayed text wins, but yearless or relative displays need them.
  for (const holder of [el, ...findAll(el, (e) => e.hasAttribute('datetime') || e.hasAttribute('title') || e.hasAttribute('content'))]) {
    for (const attr of ['datetime', 'title', 'content', 'data-time', 'data-timestamp', 'data-date']) {
      const v = holder.getAttribute(attr);
      if (!v || !/\d/.test(v)) continue;
      const iso = v.match(/\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?/)?.[0];
      const parts = (iso ? parseMachineTime(iso) : null) ?? parseTime(v, opts)?.parts ?? null;
      if (parts) return { el, parts, relativeMinutes: shown?.relativeMinutes ?? null };
    }
  }
  if (shown) return { el, parts: shown.parts, relativeMinutes: shown.relativeMinutes ?? null };
  return null;
}

function isTimeCandidate(tag: string, flags: number, itemprop: string, property: string): boolean {
  if (tag === 'TIME') return true;
  if (flags & F_TIME) return true;
  return (itemprop !== '' && /date(?:Created|Published|Modified)?/i.test(itemprop)) || (property !== '' && /dc:(?:date|created)/.test(property));
}

export interface ReadOptions {
  time?: TimeOptions;
  fields?: FieldSelectors;
}

/**
 * Reads a comment element. `isNested(el)` tells which descendants are other comments (replies nested inside
 * this one); their content is not this comment's.
 */
export function readComment(item: Element, isNested: (el: Element) => boolean, options: ReadOptions = {}): RawComment {
  const opts = options.time ?? {};
  const fields = options.fields ?? {};
  const authors: { el: Element; prio: number }[] = [];
  const times: TimeHit[] = [];
  const titles: Element[] = [];
  const bodies: Element[] = [];
  const quoteEls: Element[] = [];
  const shortTexts: Element[] = [];
  let composer = false;
  let formish = false;
  const inScope = (el: Element): boolean => {
    for (let a: Element | null = el; a && a !== item; a = a.parentElement) if (isNested(a)) return false;
    return true;
  };

  // A container of many comments is not one comment: stop reading once it shows several dates.
  let crowded = false;
  const visit = (el: Element): void => {
    for (let c = el.firstElementChild; c && !crowded; c = c.nextElementSibling) {
      const tag = tagOf(c);
      if (isNested(c)) continue;
      if (FORM_TAGS.has(tag)) {
        // A text box to write in makes a composer; a lone form or input (old Reddit's edit form around the
        // body, wpDiscuz's copy-link field) only counts where the element holds little else.
        const type = (c.getAttribute('type') ?? 'text').toLowerCase();
        if (tag === 'TEXTAREA') composer = true;
        else if (tag === 'FORM' || ['text', 'email', 'search', 'url'].includes(type)) formish = true;
        if (tag !== 'FORM') continue;
      }
      if (SKIP_TAGS.has(tag)) continue;
      // Each attribute is read once per element, and none where the element has no attributes (p, b, br).
      const attrs = c.hasAttributes();
      if (attrs && isHidden(c)) continue;
      if (isQuoteElement(c)) {
        quoteEls.push(c);
        continue;
      }
      const flags = attrs ? flagsOf(wordsOf(c)) : 0;
      const itemprop = attrs ? (c.getAttribute('itemprop') ?? '') : '';
      const property = attrs ? (c.getAttribute('property') ?? '') : '';
      const prio = authorPriority(c, tag, attrs, flags, itemprop, property);
      const timeCandidate = isTimeCandidate(tag, flags, itemprop, property);
      if (attrs && isUi(c, flags) && !timeCandidate && prio === 0) continue;
      if (prio) authors.push({ el: c, prio });
      if (timeCandidate) {
        const hit = readTime(c, opts);
        if (hit) times.push(hit);
        if (times.length > 6 && countOutermost(times.map((t) => t.el)) > 2) crowded = true;
      }
      if (HEADINGS.has(tag) || flags & F_TITLE) titles.push(c);
      if (flags & F_BODY || (itemprop && /\b(?:text|commentText|articleBody|description)\b/.test(itemprop))) bodies.push(c);
      if (atMostTwoChildren(c)) shortTexts.push(c);
      visit(c);
    }
  };
  visit(item);
  if (crowded) return crowdedResult(item, composer || formish);

  const pick = (selector: string | undefined): Element | null => {
    if (!selector) return null;
    for (const el of item.querySelectorAll(selector)) if (inScope(el)) return el;
    return null;
  };

  // Time: an adapter's selector, else time-vocabulary elements, else a short text that reads as a date.
  let time: TimeHit | null = null;
  const timeSel = pick(fields.time);
  if (timeSel) time = readTime(timeSel, opts);
  const absolute = times.filter((t) => t.parts);
  if (!time) time = absolute[0] ?? times[0] ?? null;
  if (!time) {
    for (const el of shortTexts) {
      const text = plainText(el);
      if (text.length > 160 || !/\d/.test(text)) continue;
      const m = parseTime(text, opts);
      if (m) {
        time = { el, parts: m.parts, relativeMinutes: m.relativeMinutes ?? null };
        break;
      }
    }
  }
  const timeCount = countOutermost(times.map((t) => t.el)) || (time ? 1 : 0);

  // Author: the most specific author element; names that include the date ("Horst · 5. Mai") are cut.
  let authorEl = pick(fields.author);
  let author: string | null = authorEl ? cleanName(plainText(authorEl)) : null;
  if (!authorEl) {
    const ranked = authors
      .map((a, i) => ({ ...a, i, name: nameFrom(a.el, opts) }))
      // Loosely named candidates ("field-name-comment-body") must look like a name, not a sentence.
      .filter((a) => a.name && (a.prio >= 4 || !isSentence(a.name)))
      .sort((a, b) => b.prio - a.prio || a.i - b.i);
    // Of equally named candidates, the innermost: "header.comment-author" holds "span.author-name".
    const top = ranked.filter((a) => a.prio === ranked[0]?.prio);
    const inner = top.find((a) => !top.some((b) => b !== a && a.el.contains(b.el)));
    if (inner) {
      authorEl = inner.el;
      author = inner.name;
    }
  }
  if (!author && time) {
    // Bylines without markup: "Par Bruno Gobin, le mercredi 15 mai 2019 à 08h07", "geschrieben von X am ...".
    author = bylineAuthor(textOf(bylineScope(time.el, item)), opts);
    if (author) authorEl = time.el;
  }

  const titleEl = pick(fields.title) ?? titles.find((t) => !contains(t, authorEl) && !contains(t, time?.el ?? null)) ?? null;
  let title = titleEl ? collapse(plainText(titleEl)) : null;
  if (title && (title.length > 250 || title === author)) title = null;

  // Body: an adapter's selector, else the largest body-vocabulary element that holds no header part.
  const quoteSel = fields.quote;
  const isQuote = (el: Element) => quoteEls.includes(el) || (quoteSel != null && el.matches(quoteSel));
  const skip = (el: Element): boolean => isNested(el) || isQuote(el) || el === titleEl || isUiElement(el);
  let bodyEl = pick(fields.text);
  // Quotes leave a marker in the text so that we learn where each stood, then the marker goes.
  const quoteAt = new Map<Element, number>();
  let marked: Element[] = [];
  const mark = (el: Element) => (isQuote(el) && !isNested(el) ? (marked.push(el), MARK) : null);
  let raw: string | null = null;
  if (!bodyEl) {
    const candidates = bodies.filter((b) => !contains(b, authorEl) && !contains(b, time?.el ?? null) && !contains(b, titleEl));
    if (candidates.length === 1) {
      // A lone candidate wins if it has any text at all, and reading its lines (needed anyway) tells that: the
      // body is walked once.
      const lines = linesOf(candidates[0]!, skip, mark);
      if (hasOwnText(lines, marked.length)) {
        bodyEl = candidates[0]!;
        raw = lines;
      } else {
        marked = [];
      }
    } else {
      let best = 0;
      for (const b of candidates) {
        const len = textOf(b, skip).length;
        if (len > best) {
          best = len;
          bodyEl = b;
        }
      }
    }
  }
  if (raw == null) {
    if (bodyEl) {
      raw = linesOf(bodyEl, skip, mark);
    } else {
      const header = new Set<Element>();
      for (const el of [authorEl, time?.el, titleEl]) if (el) header.add(headerOf(el, item, skip));
      raw = linesOf(item, (el) => skip(el) || header.has(el), mark);
    }
  }
  // Mail-style quoting: a line that starts with ">" is another comment's words, up to a closing ">" where
  // the writer marks the end of the quote (">quoted> own reply") or else to the end of the line.
  const lineQuotes: Quote[] = [];
  let text = '';
  // Without markers and ">" every line is plain text: the loop below would only join them.
  if (!raw.includes(MARK) && !raw.includes('>')) text = raw;
  else for (let line of raw.split('\n')) {
    // (">>>" is a Python prompt, not a quote.)
    const quoted = line.match(/^\s*>{1,2}(?!>)\s*([^>]+)(>|$)/);
    if (quoted) {
      lineQuotes.push({ text: collapse(quoted[1]!.replaceAll(MARK, ' ')), author: null, at: collapse(text).length });
      line = line.slice(quoted[0].length).replace(/^[\s.]+/, '');
    }
    line.split(MARK).forEach((piece, k) => {
      if (k > 0) {
        const el = marked[quoteAt.size];
        if (el) quoteAt.set(el, collapse(text).length);
      }
      text += ' ' + piece;
    });
  }
  text = collapse(text);

  const quoteEl = quoteSel ? [...item.querySelectorAll(quoteSel)].filter(inScope) : [];
  const quotes = [...new Set([...quoteEls, ...quoteEl])]
    .map((el) => readQuote(el, quoteAt.get(el) ?? 0))
    .filter((q): q is Quote => q != null)
    .concat(lineQuotes);

  let linked = 0;
  for (const a of findAll(bodyEl ?? item, (e) => tagOf(e) === 'A' && e.hasAttribute('href'), skip)) linked += textOf(a).length;

  return {
    element: item,
    author,
    time: time?.parts ?? null,
    relativeMinutes: time?.relativeMinutes ?? null,
    title: title || null,
    text,
    quotes,
    host: isHost(item, isNested),
    timeCount,
    hasAuthor: author != null,
    hasForm: composer || (formish && text.length < 40),
    linkDensity: text.length ? Math.min(1, linked / text.length) : 0,
  };
}

/**
 * Whether text read with quote markers (`markers` of them put in) has text of its own: the same as textOf() of it
 * without markers not being empty. (A page's own \u0001 characters are text.)
 */
function hasOwnText(lines: string, markers: number): boolean {
  // (linesOf() trims: without markers, any character is text.)
  if (!lines.includes(MARK)) return lines !== '';
  if (lines.replaceAll(MARK, '').trim() !== '') return true;
  let found = 0;
  for (let i = lines.indexOf(MARK); i >= 0; i = lines.indexOf(MARK, i + 1)) found++;
  return found > markers;
}

/** children.length <= 2 without making a collection (slow in Chromium and linkedom alike). */
function atMostTwoChildren(el: Element): boolean {
  const second = el.firstElementChild?.nextElementSibling;
  return !second || !second.nextElementSibling;
}

function isSentence(s: string): boolean {
  const words = s.split(' ').length;
  return words >= 7 || (words >= 4 && /[.!?]$/.test(s));
}

function contains(outer: Element, inner: Element | null): boolean {
  return inner != null && (outer === inner || outer.contains(inner));
}

function crowdedResult(item: Element, hasForm: boolean): RawComment {
  return {
    element: item, author: null, time: null, relativeMinutes: null, title: null, text: '', quotes: [], host: false,
    timeCount: Number.POSITIVE_INFINITY, hasAuthor: false, hasForm, linkDensity: 0,
  };
}

/** How many of the elements (in document order) are not inside another of them. */
function countOutermost(els: Element[]): number {
  let n = 0;
  let last: Element | null = null;
  for (const e of els) {
    if (last && last.contains(e)) continue;
    n++;
    last = e;
  }
  return n;
}

/** Names read from texts, per reading (its time options): the same commenters' names come up again and again. */
const namesByOptions = new WeakMap<TimeOptions, (text: string) => string | null>();

function nameFrom(el: Element, opts: TimeOptions): string | null {
  const named = findFirst(el, (e) => e.hasAttributes() && /\bname\b/.test(e.getAttribute('itemprop') ?? ''));
  const text = plainText(named ?? el);
  let names = namesByOptions.get(opts);
  if (!names) namesByOptions.set(opts, (names = memo((t: string) => nameOf(t, opts))));
  return names(text);
}

function nameOf(text: string, opts: TimeOptions): string | null {
  if (text.length > 120) return null;
  // A date inside a name element ("Horst · 5. Mai 2019") always has digits.
  const t = /\d/.test(text) ? parseTime(text, opts) : null;
  if (t) {
    // "Name · 10. März 2017" or "Am 29. Mai 2017 um 14:38 von Hugo": keep the longer side that is a name.
    const before = text.slice(0, t.index);
    const after = text.slice(t.index + t.length);
    text = cleanName(before) ? before : after;
  }
  return cleanName(text);
}

/** The smallest ancestor of the time element that also holds the author's words (one header line). */
function bylineScope(timeEl: Element, item: Element): Element {
  if (/\p{L}{2,}.*\p{L}{2,}/u.test(plainText(timeEl).replace(/\d[\d.:/ ]*/g, ' '))) return timeEl;
  let el = timeEl;
  while (el.parentElement && el !== item && plainText(el).length < 160) {
    const parent = el.parentElement;
    if (parent === item || plainText(parent).length > 200) break;
    el = parent;
  }
  return el;
}

export function bylineAuthor(text: string, opts: TimeOptions): string | null {
  const t = parseTime(text, opts);
  if (!t) return null;
  const before = text.slice(0, t.index);
  const after = text.slice(t.index + t.length);
  // "... von Hugo" after the date; otherwise the words before the date, after "von"/"by" where present.
  const von = after.match(/^\s*(?:Uhr\s+)?(?:von|by|par|por)\s+([^,;|]+)/i);
  if (von?.[1]) return cleanName(von[1]);
  const m = before.match(/\b(?:von|by|par|por)\s+([^,;|·•]+?)\s*[,;|·•]?\s*$/i);
  return cleanName(m?.[1] ?? before);
}

/** The highest ancestor of a header part whose text is still only header (not the body). */
function headerOf(el: Element, item: Element, skip: (el: Element) => boolean): Element {
  const own = textOf(el, skip).length;
  let best = el;
  for (let a = el.parentElement; a && a !== item; a = a.parentElement) {
    if (textOf(a, skip).length > Math.max(160, own * 3)) break;
    best = a;
  }
  return best;
}

const QUOTE_AUTHOR = /^(?:zitat\s+(?:von\s+)?|quote\s+(?:from\s+)?|citation\s+(?:de\s+)?)?(.{2,40}?)\s*(?:schrieb|wrote|a écrit|escribió|said|sagte|meinte)?\s*:\s*/i;

const MARK = '\u0001';

function readQuote(el: Element, at: number): Quote | null {
  let author: string | null = null;
  let nameEl: Element | null = null;
  for (const c of findAll(el, () => true)) {
    if (wordFlags(c) & F_AUTHOR || tagOf(c) === 'CITE') {
      nameEl = c;
      author = cleanName(textOf(c).replace(QUOTE_AUTHOR, '$1'));
      break;
    }
  }
  let text = textOf(el, (c) => c === nameEl);
  // A trailing attribution: "... [Langzeit-Kommentatorenfreund ‘Martin Holzherr’]" or "— Horst".
  const credit = text.match(/\s*[[(]([^\])]{2,80})[\])]\s*$/) ?? text.match(/\s+[—–]\s*([^—–]{2,40})$/);
  if (!author && credit?.[1]) {
    const quotedName = credit[1].match(/[‘'"“„«]([^’'"”“»]{2,40})[’'"”“»]/)?.[1];
    const name = cleanName(quotedName ?? credit[1].split(/\s+/).slice(-2).join(' '));
    if (name) {
      author = name;
      text = text.slice(0, credit.index).trim();
    }
  }
  if (!author) {
    const m = text.match(QUOTE_AUTHOR);
    if (m?.[1] && /\b(?:schrieb|wrote|écrit|escribió|said|sagte|meinte|zitat|quote)\b/i.test(m[0])) {
      author = cleanName(m[1]);
      text = text.slice(m[0].length);
    }
  }
  return text ? { text, author, at } : null;
}

/** HOST_CLASS on a class string, remembered (every comment repeats the same few). */
const hostClass = memo((cls: string) => HOST_CLASS.test(cls));
const isHostClass = (el: Element): boolean => el.hasAttributes() && hostClass(el.getAttribute('class') ?? '');

function isHost(item: Element, isNested: (el: Element) => boolean): boolean {
  return isHostClass(item) || findFirst(item, isHostClass, isNested) != null;
}
