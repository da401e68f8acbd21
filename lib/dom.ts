// Small, standard-DOM helpers shared by the pipeline. Only DOM Level 3 calls that browsers, linkedom and
// happy-dom all implement the same way: no layout (innerText, getComputedStyle), no live collections.

/** Elements whose content is never reader-visible text. */
const NON_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'SELECT', 'TEXTAREA', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD', 'BUTTON']);

/** Inline formatting that sits inside words; every other element boundary separates words. */
const INLINE = new Set(['A', 'B', 'I', 'EM', 'STRONG', 'U', 'S', 'SMALL', 'SUB', 'SUP', 'MARK', 'ABBR', 'CODE', 'FONT', 'Q', 'DFN', 'KBD', 'VAR', 'BDI', 'BDO', 'WBR', 'INS', 'DEL']);

export function tagOf(el: Element): string {
  return el.tagName.toUpperCase();
}

/** Hidden by the page itself in a way that does not depend on stylesheets. */
export function isHidden(el: Element): boolean {
  // Most elements of a text (p, b, br) have no attributes at all: one call instead of three.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style != null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Whitespace that collapse() would change: any but a single inner space. */
const UNCOLLAPSED = /[^\S ]| {2}|^ | $/;

export function collapse(s: string): string {
  // Most strings are collapsed already; replacing every single space would copy them for nothing.
  return UNCOLLAPSED.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}

/**
 * Reader-visible text of a subtree with words kept apart at element boundaries (so "<span>28.09.19</span>
 * <span>12:44</span>" reads "28.09.19 12:44"), whitespace collapsed. `skip` drops whole subtrees; `mark` puts
 * a placeholder in place of one (to learn where it stood).
 */
export function textOf(root: Element, skip?: (el: Element) => boolean, mark?: (el: Element) => string | null): string {
  return collapse(rawText(root, skip, mark));
}

const BLOCK = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TR', 'TABLE', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DL', 'DT', 'DD', 'FIGURE', 'ASIDE', 'NAV', 'MAIN', 'FORM']);

/** Like textOf, but line breaks (<br>, block boundaries) stay as "\n": for reading "> quoted" lines. */
export function linesOf(root: Element, skip?: (el: Element) => boolean, mark?: (el: Element) => string | null): string {
  const raw = rawText(root, skip, mark, true);
  // Single inner spaces and no line breaks inside (one paragraph): only the ends change.
  const trimmed = raw.trim();
  if (!/[^\S ]| {2}/.test(trimmed)) return trimmed;
  return raw
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

// The text walk appends to one string instead of collecting parts, and is one function instead of a closure per
// call. A skip test may read another element's text meanwhile (isUiElement): each call keeps the caller's text.
let acc = '';

function rawText(root: Element, skip?: (el: Element) => boolean, mark?: (el: Element) => string | null, lines = false): string {
  const outer = acc;
  acc = '';
  try {
    appendText(root, skip, mark, lines);
    return acc;
  } finally {
    acc = outer;
  }
}

function appendText(node: Node, skip: ((el: Element) => boolean) | undefined, mark: ((el: Element) => string | null) | undefined, lines: boolean): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === 3) {
      acc += (child as Text).data;
      continue;
    }
    if (type !== 1) continue;
    const el = child as Element;
    const tag = tagOf(el);
    if (mark) {
      const marker = mark(el);
      if (marker != null) {
        acc += marker;
        continue;
      }
    }
    if (NON_TEXT.has(tag) || isHidden(el) || (skip && skip(el))) continue;
    if (tag === 'BR' || tag === 'HR') {
      acc += lines ? '\n' : ' ';
      continue;
    }
    if (tag === 'IMG') {
      // Emoji images carry their character in alt text.
      const alt = el.getAttribute('alt');
      if (alt && alt.length <= 4) acc += alt;
      continue;
    }
    const sep = INLINE.has(tag) ? '' : lines && BLOCK.has(tag) ? '\n' : ' ';
    acc += sep;
    appendText(el, skip, mark, lines);
    acc += sep;
  }
}

let memo = new WeakMap<Element, string>();

/** textOf without skipping, remembered per element until forgetTexts() (one reading of a page). */
export function plainText(el: Element): string {
  let t = memo.get(el);
  if (t === undefined) memo.set(el, (t = textOf(el)));
  return t;
}

/** Starts a new reading: the page may have changed since plainText() last looked. */
export function forgetTexts(): void {
  memo = new WeakMap();
}

/** Text length inside links versus all text: high for navigation lists and "latest comments" teasers. */
export function linkDensity(root: Element, skip?: (el: Element) => boolean): number {
  const all = textOf(root, skip).length;
  if (!all) return 0;
  let linked = 0;
  for (const a of findAll(root, (el) => tagOf(el) === 'A' && el.hasAttribute('href'), skip)) linked += textOf(a).length;
  return Math.min(1, linked / all);
}

/**
 * The elements below a root in document order, one next() at a time, so a walk can pause between elements
 * (detect) and choose which ones to enter: an element's children come next only after enter(el).
 * Only forward sibling steps: backward ones are linear-time in some DOM libraries (linkedom).
 */
export class ElementWalk {
  private readonly stack: Element[] = [];

  constructor(root: Element) {
    this.enter(root);
  }

  next(): Element | null {
    return this.stack.pop() ?? null;
  }

  enter(el: Element): void {
    const stack = this.stack;
    const start = stack.length;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
    // Reverse the new entries so the first child is popped first.
    for (let a = start, b = stack.length - 1; a < b; a++, b--) [stack[a], stack[b]] = [stack[b]!, stack[a]!];
  }
}

/** Descendants (not the root) that satisfy `test`, in document order; `skip` prunes subtrees. */
export function findAll(root: Element, test: (el: Element) => boolean, skip?: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = new ElementWalk(root);
  for (let el = walk.next(); el; el = walk.next()) {
    if (skip?.(el)) continue;
    if (test(el)) out.push(el);
    walk.enter(el);
  }
  return out;
}

/** The first of findAll(root, test, skip), without walking further. */
export function findFirst(root: Element, test: (el: Element) => boolean, skip?: (el: Element) => boolean): Element | null {
  const walk = new ElementWalk(root);
  for (let el = walk.next(); el; el = walk.next()) {
    if (skip?.(el)) continue;
    if (test(el)) return el;
    walk.enter(el);
  }
  return null;
}

/** The element before `el` among its siblings, computed once per parent (backward steps are slow in linkedom). */
export function previousSiblings(): (el: Element) => Element | null {
  const cache = new WeakMap<Element, Map<Element, Element | null>>();
  return (el) => {
    const parent = el.parentElement;
    if (!parent) return el.previousElementSibling;
    let map = cache.get(parent);
    if (!map) {
      map = new Map();
      let prev: Element | null = null;
      for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
        map.set(c, prev);
        prev = c;
      }
      cache.set(parent, map);
    }
    return map.get(el) ?? null;
  };
}

/** Element ancestors from the parent up to (not including) `stop`. */
export function* ancestors(el: Element, stop?: Element | null): Generator<Element> {
  for (let a = el.parentElement; a && a !== stop; a = a.parentElement) yield a;
}

export function depthOf(el: Element): number {
  let d = 0;
  for (let a = el.parentElement; a; a = a.parentElement) d++;
  return d;
}
