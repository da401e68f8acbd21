// Reading class names and ids as words: "MtnCommentAccountName" -> mtn comment account name,
// "wc_comment_level-1" -> wc comment level, "li-comment-154" -> li comment.
// Pages repeat the same few class strings on every comment, so everything derived from a class string alone is
// remembered per string; only ids (unique per comment) are read afresh. The remembered word lists are shared:
// callers must not change them.
import { memo } from './lazy';
import { COMMENT_INFIXES, COMMENT_STEMS } from './vocabulary';

const cache = new WeakMap<Element, string[]>();

/** Per class string: its words, whether the cheap stem test passes, whether a word names a comment. */
interface ClassInfo {
  words: string[];
  hint: boolean;
  comment: boolean;
  /** The class names signatureOf keeps (null until asked). */
  parts: string[] | null;
  /** Signatures by tag name (for elements whose classes alone decide the signature). */
  signatures: Map<string, string> | null;
}
const classInfo = memo((cls: string): ClassInfo => {
  const words = splitWords(cls);
  return { words, hint: STEM_HINT.test(cls), comment: words.some(isCommentWord), parts: null, signatures: null };
});

/** Words of the class list alone (some sites put words like "quote" in every comment's id). */
export function classWordsOf(el: Element): string[] {
  return classInfo(el.getAttribute('class') ?? '').words;
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
    // The same as splitWords(`${class} ${id}`): the space keeps the two apart.
    const classWords = classInfo(el.getAttribute('class') ?? '').words;
    const id = el.getAttribute('id');
    const idWords = id ? splitWords(id) : null;
    w = idWords?.length ? classWords.concat(idWords) : classWords;
    cache.set(el, w);
  }
  return w;
}

export const isCommentWord = memo((word: string): boolean => COMMENT_STEMS.some((s) => word.startsWith(s)) || COMMENT_INFIXES.some((s) => word.includes(s)));

// A cheap first look at the raw class and id before splitting them into words (most elements fail it).
const STEM_HINT = new RegExp([...COMMENT_STEMS, ...COMMENT_INFIXES].map((s) => s.replace(/[^\p{L}]/gu, '')).join('|'), 'iu');

function namesComment(info: ClassInfo, id: string | null): boolean {
  // The stems hold no spaces, so testing class and id apart is testing "class id".
  if (info.hint || (id && STEM_HINT.test(id))) {
    if (info.comment) return true;
    if (id) for (const w of splitWords(id)) if (isCommentWord(w)) return true;
  }
  return false;
}

/**
 * signatureOf(el) where the element marks itself as (a part of) a comment through class, id, microdata or RDFa,
 * else null: what detection asks of every element of a page, with one read of each attribute.
 */
export function commentSignature(el: Element): string | null {
  if (!el.hasAttributes()) return null;
  const cls = el.getAttribute('class') ?? '';
  const info = classInfo(cls);
  const id = el.getAttribute('id');
  if (namesComment(info, id)) return signatureWith(el, cls, info, id, isCommentType(el));
  return isCommentType(el) ? signatureWith(el, cls, info, id, true) : null;
}

/** schema.org Comment microdata or RDFa/SIOC comment types. */
export function isCommentType(el: Element): boolean {
  const itemtype = el.getAttribute('itemtype');
  const rdf = el.getAttribute('typeof');
  if (!itemtype && !rdf) return false;
  const t = `${itemtype ?? ''} ${rdf ?? ''}`;
  return /(?:schema\.org\/Comment|sioct?:Comment|\bComment\b)/.test(t);
}

/** The class names of a class string that identify a kind of comment element (see signatureOf). */
function signatureParts(info: ClassInfo, cls: string): string[] {
  if (!info.parts) {
    const parts: string[] = [];
    for (const name of cls.split(/\s+/)) {
      if (!name || /\d/.test(name)) continue;
      const words = splitWords(name);
      if (words.length > 3 || !words.some(isCommentWord)) continue;
      if (words.some((w) => w === 'author' || w === 'by' || w === 'user')) continue;
      parts.push(name);
    }
    info.parts = parts;
  }
  return info.parts;
}

function signatureFrom(tag: string, parts: string[]): string {
  return `${tag.toLowerCase()}${parts.sort().map((p) => (p.startsWith('#') || p.startsWith('[') ? p : '.' + p)).join('')}`;
}

/**
 * The class names (and id pattern) that identify a kind of comment element, ignoring per-comment values
 * (ids, depth-2, comment-author-horst, odd/even): elements with the same signature are the same kind of record.
 */
export function signatureOf(el: Element): string | null {
  const cls = el.getAttribute('class') ?? '';
  return signatureWith(el, cls, classInfo(cls), null, isCommentType(el), false);
}

/** signatureOf with class (and id, where `idRead`) already read. */
function signatureWith(el: Element, cls: string, info: ClassInfo, id: string | null, typed: boolean, idRead = true): string | null {
  const classParts = signatureParts(info, cls);
  const tag = el.tagName;
  // Classes alone decide (the usual case): the same string for every element of the kind.
  if (classParts.length && !typed) {
    let signature = info.signatures?.get(tag);
    if (signature === undefined) {
      signature = signatureFrom(tag, [...classParts]);
      (info.signatures ??= new Map()).set(tag, signature);
    }
    return signature;
  }
  const parts = [...classParts];
  // Ids only when classes say nothing: they often differ between the first post and the replies.
  if (!idRead) id = el.getAttribute('id');
  if (!parts.length && id && splitWords(id).some(isCommentWord)) parts.push('#' + id.replace(/\d+/g, '0'));
  if (typed) parts.push('[Comment]');
  if (!parts.length) return null;
  return signatureFrom(tag, parts);
}
