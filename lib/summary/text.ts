// A discussion as the summary sees it: each comment's sentences, and each sentence's content words (no stop
// words, no names of the people in the discussion, no numbers), numbered, with crude merging of plural forms.
// Everything later (key points, key terms, gists) works on these numbers.
import { deu, eng, fra, spa } from 'stopword';
import type { Comment } from '../types';
import { ordinaryRate, type WordList } from './ordinary';
import { forEachWordSpan, splitSentences } from './segment';

export interface SentenceInfo {
  /** Index of the comment in the input. */
  comment: number;
  /** Verbatim and trimmed; a leading "@Name:" is cut off. */
  text: string;
  /** Word-like segments. */
  words: number;
  /** Content word ids in order (repeats kept). */
  terms: number[];
  /** Content word ids that follow each other directly in the text: [a0, b0, a1, b1, ...]. */
  pairs: number[];
  /** Repeats an earlier comment's sentence, is wrapped in quotation marks or is a mail-style quote. */
  quote: boolean;
  /** Addresses someone by name (a mention or a discussion participant's name). */
  addressed: boolean;
  /** Holds a web address. */
  url: boolean;
}

export interface Discussion {
  lang: string;
  comments: readonly Comment[];
  sentences: SentenceInfo[];
  /** Sentence indices per comment. */
  byComment: number[][];
  /** Term id -> key (lowercase, plural merged). */
  keys: string[];
  /** Term id -> surface forms as written and how often. */
  forms: Map<string, number>[];
  /** Term id -> number of comments using it. */
  df: Int32Array;
  /** Term id -> number of distinct authors using it (a comment without author counts as its own). */
  authors: Int32Array;
  /** Term id -> estimated share of ordinary running text. */
  rate: Float64Array;
  /** Content word ids used by each comment (distinct). */
  commentTerms: Int32Array[];
  /** Word-like segments in all comments. */
  totalWords: number;
}

const STOP_LISTS: Record<string, readonly string[]> = { de: deu, en: eng, fr: fra, es: spa };

// Common words the `stopword` lists lack, mostly contractions, fillers and forms of "to be / to have" (the Spanish
// list has 59 words, the English 108). Used with or without a frequency list.
const EXTRA_STOP: Record<string, string> = {
  en: "three four five six seven eight nine ten eleven twelve twenty hundred thousand half cannot theyre dont doesnt didnt isnt arent wasnt cant wont im ive youre thats whats theres cheers regards thanks i'm i've i'd i'll you're you've you'd it's that's there's what's don't doesn't didn't isn't aren't wasn't weren't won't can't couldn't wouldn't shouldn't haven't hasn't let's just really also even yes yeah no not one two get got go going gonna think thing things lot lots much many every any anyone anything someone something everyone everything nothing people way ever maybe probably actually pretty quite rather sure thanks thank please ok okay etc via per though although yet shall may us will can say says said see seen know knew use used using new good great well mean means",
  de: 'mal halt eben eh ja nein nee schon gar eigentlich wohl doch mehr viel viele vielen immer wieder einfach ganz genau gibt geht gehen machen macht gemacht sagen sagt gesagt sehen sieht kommt kommen bitte danke heute gestern morgen jahr jahre jahren leute herr frau hallo dass daß wurde wurden worden sei seien wäre wären hätte hätten könnte könnten sollte sollten müsste müssten würde würden gut besser klar richtig sicher natürlich jedenfalls sowieso überhaupt ok okay etc zwei drei vier fünf sechs sieben neun zehn zwanzig hundert tausend innen grüße gruß grüß gruss grüsse lg vg mfg hierzu dazu darauf daran damit dabei dafür dagegen davon deshalb deswegen trotzdem',
  fr: "c'est n'est qu'il qu'elle j'ai d'un d'une l'on plus moins très tout tous toute toutes bien fait faire dit dire peut peuvent faut être avoir aussi encore comme alors donc car non oui si rien ça cela celui celle ceux dont quand après avant depuis sans sous entre chez leur même autre autres ans etc cordialement deux trois quatre cinq six sept huit neuf dix cent mille",
  es: 'pero muy más mas este esta esto estos estas ese esa eso esos esas aquel hay ser son fue era es está están estar tiene tienen tener todo todos toda todas también así sólo solo ya sí porque cuando donde sin sobre entre hasta desde puede pueden hace hacer cada otro otra otros otras mismo misma bien nada algo mucho muchos mucha muchas poco ahora siempre nunca aquí allí usted ustedes nos les lo me te mi tu su sus qué cómo cual cuál han ha he sido había hubo será sería cuatro cinco seis siete ocho nueve diez cien mil dos tres año años vez veces gracias etc saludos nuestro nuestra nuestros nuestras vuestro vuestra suyo suya cuales cuyo quien quienes mientras aunque tanto tan según sino ante tras durante mediante hacia además entonces luego incluso debe deben creo',
};

const stopCache = new Map<string, Set<string>>();

/** Words that never count as content in this language (its stop words, English ones and the extras). */
export function stopWords(lang: string, list?: WordList): Set<string> {
  const key = `${lang}:${list ? list.size : 0}`;
  let set = stopCache.get(key);
  if (set) return set;
  set = new Set<string>();
  const add = (w: string) => set!.add(w.toLowerCase().replace(/’/g, "'"));
  for (const l of lang in STOP_LISTS ? [lang, 'en'] : Object.keys(STOP_LISTS)) {
    STOP_LISTS[l]!.forEach(add);
    EXTRA_STOP[l]!.split(' ').forEach(add);
  }
  // The very top of the ordinary-language list is function words and fillers too.
  if (list) for (const [w, r] of list.ranks) if (r <= 150) add(w);
  stopCache.set(key, set);
  return set;
}

const HEADER = /^[^.!?]{0,60}?(?:\d{1,2}\.\d{1,2}\.\d{2,4}|\b\d{4}\b)[^.!?]{0,12}?\b\d{1,2}:\d{2}\b[”"“\s]*[#:@]?\s*(?=[\p{Lu}@])/u;

const GREETINGS = new Set(
  'hallo hi hey hej hello servus moin liebe lieber liebes dear danke thanks merci gracias hola salut bonjour cher chère querido querida estimado estimada'.split(' '),
);

const ELISION = /^(?:l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu)'(?=\p{L})/u;
// Web addresses, markup ("<code class=...>") and code (between <code> tags or backticks): not words of the discussion.
const URL = /(?:https?:\/\/|www\.)\S+|<(pre|code)\b[^<>]*>[\s\S]*?(?:<\/\1>|$)|```[\s\S]*?(?:```|$)|`[^`]*`|<\/?[a-z][^<>]{0,200}>/giu;
const QUOTED = /^[„“"«»‚‘'›‹].{8,}[“”"»«‘’'‹›]$/su;

/** The lowercase content key of a word as written, or null. `surface` may hold several parts ("Uhr.Das"). */
function keysOf(surface: string, lang: string, stop: Set<string>, out: { key: string; form: string }[]): void {
  for (const part of surface.includes('.') ? surface.split('.') : [surface]) {
    if (!part) continue;
    let w = part.toLowerCase().replace(/[’‘]/g, "'");
    let form = part.replace(/[’‘]/g, "'");
    const el = w.match(ELISION);
    if (el && lang !== 'en' && lang !== 'de') {
      w = w.slice(el[0].length);
      form = form.slice(el[0].length);
    }
    if (stop.has(w)) continue;
    if (w.endsWith("'s")) {
      w = w.slice(0, -2);
      form = form.slice(0, -2);
    }
    if (w.includes("'") || w.includes(':')) {
      w = w.replace(/[':]/g, '');
      form = form.replace(/[':]/g, '');
    }
    if (!/\p{L}/u.test(w)) continue;
    const acronym = w.length === 2 && /^\p{Lu}{2}$/u.test(form);
    if (w.length < 3 && !acronym) continue;
    if (stop.has(w)) continue;
    out.push({ key: w, form });
  }
}

/** Length of a leading "@Horst Flügge: " / "@ Ingo Herzke " / "@name " address. */
function addressLength(t: string, names: Set<string>): number {
  let i = 1;
  if (t[i] === ' ') i++;
  const word = /[^\s:,]+/y;
  const space = /[:,]?\s*/y;
  word.lastIndex = i;
  if (!word.exec(t)) return 0;
  let end = word.lastIndex;
  // Further words only while they are parts of known names ("@michael von wob", not "@Horst das stimmt").
  for (let n = 1; n < 4; n++) {
    const gap = /\s/y;
    gap.lastIndex = end;
    if (!gap.exec(t)) break;
    word.lastIndex = gap.lastIndex;
    const m = word.exec(t);
    if (!m || !(names.has(m[0].toLowerCase()) || m[0] === 'von' || m[0] === 'van' || m[0] === 'de')) break;
    end = word.lastIndex;
  }
  space.lastIndex = end;
  space.exec(t);
  return space.lastIndex;
}

/** Only spaces and hyphens between from and to. */
function onlySpace(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c !== 32 && c !== 45 && c !== 160 && c !== 9 && c !== 10) return false;
  }
  return true;
}

/** Lowercase parts of names ("J. Franke" -> franke; "michael von wob" -> michael, wob). */
export function nameParts(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((p) => p.length >= 2);
}

// Plural and inflection endings merged into the bare form when that form occurs in the same discussion.
const ENDINGS: Record<string, string[]> = { de: ['en', 'n', 'e', 's'], en: ['s', 'es'], fr: ['s', 'x'], es: ['s', 'es'], und: ['s'] };

/** Reads a discussion into numbered content words. */
export function readDiscussion(comments: readonly Comment[], lang: string, list: WordList | undefined): Discussion {
  const stop = stopWords(lang, list);
  const names = new Set<string>();
  for (const c of comments) {
    if (c.author) for (const p of nameParts(c.author)) if (!stop.has(p)) names.add(p);
    for (const m of c.mentions ?? []) for (const p of nameParts(m)) if (!stop.has(p)) names.add(p);
  }

  // First pass: sentences, and their words as entries of a table of distinct spellings (words repeat: each
  // spelling is read once). A token is stored as entry * 2 + 1 when it directly follows the previous content word.
  interface Entry {
    word: string;
    /** The next entry with the same hash. */
    next: number | undefined;
    keys: { key: string; form: string }[];
    lower: string;
    /** Part of a participant's name (or of a name someone addresses). */
    name: boolean;
    capital: boolean;
    count: number;
    /** Uses right after "@" or a greeting, or as "Name," at the start of a comment. */
    addressing: number;
  }
  interface Raw {
    comment: number;
    text: string;
    words: number;
    toks: number[];
    quote: boolean;
    addressed: boolean;
    url: boolean;
  }
  const raws: Raw[] = [];
  const byComment: number[][] = comments.map(() => []);
  const seen = new Map<string, number>();
  let totalWords = 0;
  const byHash = new Map<number, number>();
  const entries: Entry[] = [];
  comments.forEach((c, ci) => {
    const split = splitSentences(c.text ?? '', lang);
    for (const s of split) {
      let t = s.text;
      // "@Horst Flügge: ..." -> "...": the address is not part of the point.
      let addressed = false;
      // A quoted comment's header before the sentence ("Birgit10 18.10.2019, 08:07 # Die ...",
      // "8. April 2019 @ 21:23” : Es wird ..."), then an address ("@Horst Flügge: ..."): neither is part of the point.
      const colon = t.indexOf(':');
      const header = colon > 0 && colon < 90 ? HEADER.exec(t) : null;
      if (header) {
        addressed = true;
        t = t.slice(header[0].length);
      }
      if (t.charCodeAt(0) === 64 /* @ */) {
        addressed = true;
        const rest = t.slice(addressLength(t, names));
        if (/^\p{L}/u.test(rest)) t = rest;
      }
      const urls = t.includes('www.') || t.includes('://') || t.includes('<') || t.includes('`') ? [...t.matchAll(URL)].map((m) => [m.index, m.index + m[0].length] as const) : [];
      const toks: number[] = [];
      let lastEnd = -1;
      let words = 0;
      let previous = '';
      const first = s === split[0];
      forEachWordSpan(t, lang, (index, end) => {
        if (urls.length && urls.some(([a, b]) => index >= a && index < b)) return;
        words++;
        // Look the spelling up by a hash of its characters: no string is made for a word seen before.
        let h = 0x811c9dc5;
        for (let i = index; i < end; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
        h &= 0x3fffffff; // a small integer: no heap number per lookup
        let e = byHash.get(h);
        while (e !== undefined && !(entries[e]!.word.length === end - index && t.startsWith(entries[e]!.word, index))) e = entries[e]!.next;
        if (e === undefined) {
          const w = t.slice(index, end);
          const out: { key: string; form: string }[] = [];
          keysOf(w, lang, stop, out);
          e = entries.length;
          const lower = w.toLowerCase();
          entries.push({ word: w, next: byHash.get(h), keys: out, lower, name: names.has(lower), capital: /^\p{Lu}/u.test(w), count: 0, addressing: 0 });
          byHash.set(h, e);
        }
        const entry = entries[e]!;
        if (entry.keys.length) {
          entry.count++;
          toks.push(e * 2 + (lastEnd >= 0 && onlySpace(t, lastEnd, index) ? 1 : 0));
          lastEnd = end;
          if (entry.name) {
            const before = t.slice(Math.max(0, index - 2), index);
            const after = t[end];
            if (before.includes('@') || GREETINGS.has(previous) || (first && words <= 2 && (after === ',' || after === ':'))) entry.addressing++;
          }
        } else lastEnd = -1;
        previous = entry.lower;
      });
      totalWords += words;
      let quote = t.charCodeAt(0) === 62 /* > */ || QUOTED.test(t);
      // The same sentence in an earlier comment: a quote (copied verbatim, so the text itself is the key).
      if (words >= 4) {
        const first = seen.get(t);
        if (first === undefined) seen.set(t, ci);
        else if (first !== ci) quote = true;
      }
      byComment[ci]!.push(raws.length);
      raws.push({ comment: ci, text: t, words, toks, quote, addressed, url: urls.length > 0 && /(?:https?:\/\/|www\.)/i.test(t) });
    }
  });

  // Merge plural forms into the bare form where both occur.
  const present = new Set<string>();
  for (const e of entries) if (e.count) for (const k of e.keys) present.add(k.key);
  const endings = ENDINGS[lang] ?? ENDINGS.und!;
  const merge = new Map<string, string>();
  for (const k of present) {
    for (const e of endings) {
      if (k.length - e.length >= 4 && k.endsWith(e)) {
        const base = k.slice(0, -e.length);
        if (present.has(base)) {
          merge.set(k, base);
          break;
        }
      }
    }
  }

  // Names of people in the discussion are not content words: a participant's name part is left out where it is no
  // ordinary word of the language, or where it is mostly used to address someone ("@Horst", "Hallo Julia").
  // "Lecker Kuchen" as an author's name does not take "Kuchen" out of a baking discussion.
  const excluded = entries.map((e) => e.name && (!list?.ranks.has(e.lower) || e.addressing >= 0.3 * e.count));

  // Term ids per entry, and how each term is written.
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const forms: Map<string, number>[] = [];
  const entryTerms: number[][] = entries.map((entry, e) =>
    (excluded[e] ? [] : entry.keys).map(({ key, form }) => {
      const k = merge.get(key) ?? key;
      let id = ids.get(k);
      if (id === undefined) {
        id = keys.length;
        ids.set(k, id);
        keys.push(k);
        forms.push(new Map());
      }
      if (entry.count) {
        const f = forms[id]!;
        f.set(form, (f.get(form) ?? 0) + entry.count);
      }
      return id;
    }),
  );
  const sentences: SentenceInfo[] = raws.map((r) => {
    const terms: number[] = [];
    const pairs: number[] = [];
    let addressed = r.addressed;
    let prev = -1;
    for (const tok of r.toks) {
      const e = tok >> 1;
      const ts = entryTerms[e]!;
      if (!ts.length) {
        if (excluded[e] && entries[e]!.capital) addressed = true;
        prev = -1;
        continue;
      }
      if (tok & 1 && prev >= 0 && prev !== ts[0]) pairs.push(prev, ts[0]!);
      for (const id of ts) terms.push(id);
      prev = ts[ts.length - 1]!;
    }
    return { comment: r.comment, text: r.text, words: r.words, terms, pairs, quote: r.quote, addressed, url: r.url };
  });

  const V = keys.length;
  const df = new Int32Array(V);
  const lastComment = new Int32Array(V).fill(-1);
  const commentTerms: Int32Array[] = [];
  comments.forEach((_, ci) => {
    const mine: number[] = [];
    for (const si of byComment[ci]!) {
      for (const id of sentences[si]!.terms) {
        if (lastComment[id] === ci) continue;
        lastComment[id] = ci;
        mine.push(id);
        df[id]!++;
      }
    }
    commentTerms.push(Int32Array.from(mine));
  });
  // Distinct people per term: comments grouped by author, each group counted once per term.
  const authors = new Int32Array(V);
  const lastAuthor = new Int32Array(V).fill(-1);
  const groups = new Map<string, number[]>();
  comments.forEach((c, ci) => {
    const who = c.author ? c.author.toLowerCase() : `#${ci}`;
    const g = groups.get(who);
    if (g) g.push(ci);
    else groups.set(who, [ci]);
  });
  let group = 0;
  for (const members of groups.values()) {
    for (const ci of members) {
      for (const id of commentTerms[ci]!) {
        if (lastAuthor[id] === group) continue;
        lastAuthor[id] = group;
        authors[id]!++;
      }
    }
    group++;
  }

  const rate = new Float64Array(V);
  const isStop = (w: string) => stop.has(w);
  for (let id = 0; id < V; id++) {
    const fs = [...forms[id]!.keys()].map((f) => f.toLowerCase());
    if (!fs.includes(keys[id]!)) fs.push(keys[id]!);
    rate[id] = ordinaryRate(fs, list, isStop);
  }

  return { lang, comments, sentences, byComment, keys, forms, df, authors, rate, commentTerms, totalWords };
}

/** The most common way a term is written. */
export function display(d: Discussion, id: number): string {
  let best = '';
  let n = -1;
  for (const [form, k] of d.forms[id]!) if (k > n || (k === n && form < best)) [best, n] = [form, k];
  return best;
}
