// Reading class names and ids as words: "MtnCommentAccountName" -> mtn comment account name,
// "wc_comment_level-1" -> wc comment level, "li-comment-154" -> li comment.
import { COMMENT_INFIXES, COMMENT_STEMS } from './vocabulary';

const cache = new WeakMap<Element, string[]>();
const classCache = new WeakMap<Element, string[]>();

/** Words of the class list alone (some sites put words like "quote" in every comment's id). */
export function classWordsOf(el: Element): string[] {
  let w = classCache.get(el);
  if (!w) {
    w = splitWords(el.getAttribute('class') ?? '');
    classCache.set(el, w);
  }
  return w;
}

export function splitWords(name: string): string[] {
  return name
    .replace(/([a-zà-ÿ])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-zà-ÿß]+/)
    .filter(Boolean);
}

/** Lowercase words of an element's class list and id (cached per element). */
export function wordsOf(el: Element): string[] {
  let w = cache.get(el);
  if (!w) {
    w = splitWords(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
    cache.set(el, w);
  }
  return w;
}

export function hasWord(el: Element, words: ReadonlySet<string>): boolean {
  for (const w of wordsOf(el)) if (words.has(w)) return true;
  return false;
}

export function isCommentWord(word: string): boolean {
  for (const s of COMMENT_STEMS) if (word.startsWith(s)) return true;
  for (const s of COMMENT_INFIXES) if (word.includes(s)) return true;
  return false;
}

// A cheap first look at the raw class and id before splitting them into words (most elements fail it).
const STEM_HINT = new RegExp([...COMMENT_STEMS, ...COMMENT_INFIXES].map((s) => s.replace(/[^\p{L}]/gu, '')).join('|'), 'iu');

/** Marks itself as (a part of) a comment through class, id, microdata or RDFa. */
export function hasCommentVocabulary(el: Element): boolean {
  if (STEM_HINT.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) {
    for (const w of wordsOf(el)) if (isCommentWord(w)) return true;
  }
  return isCommentType(el);
}

/** schema.org Comment microdata or RDFa/SIOC comment types. */
export function isCommentType(el: Element): boolean {
  const itemtype = el.getAttribute('itemtype');
  const rdf = el.getAttribute('typeof');
  if (!itemtype && !rdf) return false;
  const t = `${itemtype ?? ''} ${rdf ?? ''}`;
  return /(?:schema\.org\/Comment|sioct?:Comment|\bComment\b)/.test(t);
}

/**
 * The class names (and id pattern) that identify a kind of comment element, ignoring per-comment values
 * (ids, depth-2, comment-author-horst, odd/even): elements with the same signature are the same kind of record.
 */
export function signatureOf(el: Element): string | null {
  const parts: string[] = [];
  for (const cls of (el.getAttribute('class') ?? '').split(/\s+/)) {
    if (!cls || /\d/.test(cls)) continue;
    const words = splitWords(cls);
    if (words.length > 3 || !words.some(isCommentWord)) continue;
    if (words.some((w) => w === 'author' || w === 'by' || w === 'user')) continue;
    parts.push(cls);
  }
  // Ids only when classes say nothing: they often differ between the first post and the replies.
  const id = el.getAttribute('id');
  if (!parts.length && id && splitWords(id).some(isCommentWord)) parts.push('#' + id.replace(/\d+/g, '0'));
  if (isCommentType(el)) parts.push('[Comment]');
  if (!parts.length) return null;
  return `${el.tagName.toLowerCase()}${parts.sort().map((p) => (p.startsWith('#') || p.startsWith('[') ? p : '.' + p)).join('')}`;
}
