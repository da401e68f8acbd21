// The reply structure the markup already states: nesting (a reply inside its parent, or in a container
// right after it), indentation depth on flat lists (Hacker News, "level 2", margin-left), and explicit parent
// references (data-parent-id, "in reply to" links).
import { findAll, previousSiblings, textOf } from './dom';
import { pacer, runNow, type Steps } from './steps';

export interface DepthRule {
  /** Selector inside the comment element (or ":scope") holding the depth. */
  selector: string;
  /** Attribute holding the number; omitted: the element's text. */
  attribute?: string;
  /** Regular expression source whose first group is the number (default: the first integer). */
  pattern?: string;
  /** Value of the top level (HN indent="0" -> 0, reddit "level 1" -> 1). */
  base?: number;
  /** Divide the number by this (pixel indents). */
  step?: number;
}

export interface ParentIdRule {
  /** Attribute of the comment element holding its own id and its parent's id. */
  attribute: string;
  /** Regular expression source with two groups: own id, parent id ("wc-comm-(\\d+)_(\\d+)"). */
  pattern: string;
}

export interface NestingHints {
  depth?: DepthRule;
  parentId?: ParentIdRule;
}

export interface MarkupLink {
  parent: number | null;
  /** 0..1 */
  confidence: number;
}

const DEPTH_ATTRIBUTES = ['data-depth', 'data-level', 'aria-level', 'indent', 'data-indent'];
const DEPTH_CLASS = /(?:^|[\s_-])(?:depth|level|lvl|indent|nest|nested)[-_]?(\d{1,2})(?=$|[\s_-])/i;
const REPLY_TO_TEXT = /(?:^|[^\p{L}])(?:in reply to|reply to|replying to|antwort auf|als antwort auf|en réponse à|réponse à|en respuesta a|respuesta a)(?=$|[^\p{L}])/iu;

/** Parent index for each comment element (document order), from the markup alone. */
export function markupParents(items: Element[], root: Element, hints: NestingHints = {}): MarkupLink[] {
  return runNow(markupSteps(items, root, hints));
}

/** markupParents in pausable steps. */
export function* markupSteps(items: Element[], root: Element, hints: NestingHints = {}): Steps<MarkupLink[]> {
  const index = new Map<Element, number>();
  items.forEach((el, i) => index.set(el, i));
  const links: MarkupLink[] = items.map(() => ({ parent: null, confidence: 0 }));

  let nested = 0;
  const before = previousSiblings();
  const pause = pacer(300);
  for (let i = 0; i < items.length; i++) {
    const p = structuralParent(items[i]!, root, index, before);
    if (p != null && p !== i) {
      links[i] = { parent: p, confidence: 0.98 };
      nested++;
    }
    if (pause()) yield;
  }
  yield;

  // Explicit references may point anywhere; only an earlier element can be a parent (newest-first lists put
  // replies before their parents only when they do not nest, and then the reference is not markup order).
  const explicit = hints.parentId ? parentsFromIds(items, hints.parentId) : yield* parentsFromAttributes(items);
  explicit.forEach((p, i) => {
    if (p != null && p < i && links[i]!.parent == null) links[i] = { parent: p, confidence: 0.95 };
  });

  // Indentation only speaks for lists that do not nest.
  if (!nested) {
    const found: (Depth | null)[] = [];
    for (const el of items) {
      found.push(depthOf(el, hints.depth));
      if (pause()) yield;
    }
    const depths = levels(found);
    const known = depths.filter((d) => d != null).length;
    if (known >= items.length * 0.8 && new Set(depths).size > 1) {
      const stack: number[] = [];
      depths.forEach((d, i) => {
        if (d == null) return;
        while (stack.length && depths[stack[stack.length - 1]!]! >= d) stack.pop();
        const p = stack[stack.length - 1];
        if (p != null && depths[p] === d - 1 && links[i]!.parent == null) links[i] = { parent: p, confidence: 0.9 };
        stack.push(i);
      });
    }
  }
  return links;
}

/**
 * The comment that encloses this one: an ancestor that is a comment, or a container placed right after a
 * comment (Drupal's div.indented, ul.children next to its parent).
 */
function structuralParent(el: Element, root: Element, index: Map<Element, number>, before: (el: Element) => Element | null): number | null {
  for (let a = el.parentElement; a && a !== root.parentElement; a = a.parentElement) {
    const own = index.get(a);
    if (own != null) return own;
    if (a === root) break;
    let prev = before(a);
    // Skip empty elements and anchors like <a id="comment-12"></a> between a comment and its replies.
    while (prev && !index.has(prev) && !textOf(prev) && (!prev.firstElementChild || prev.tagName === 'A')) prev = before(prev);
    if (prev && index.has(prev)) return index.get(prev)!;
  }
  return null;
}

interface Depth {
  value: number;
  /** Pixel indents are ranked into levels; numbers given as levels are used as they are. */
  px: boolean;
}

function levels(depths: (Depth | null)[]): (number | null)[] {
  const px = [...new Set(depths.filter((d) => d?.px).map((d) => d!.value))].sort((a, b) => a - b);
  return depths.map((d) => (d == null ? null : d.px ? px.indexOf(d.value) : d.value));
}

function depthOf(el: Element, rule?: DepthRule): Depth | null {
  if (rule) {
    const target = rule.selector === ':scope' ? el : el.querySelector(rule.selector);
    if (!target) return null;
    const raw = rule.attribute ? target.getAttribute(rule.attribute) : textOf(target);
    const m = raw?.match(new RegExp(rule.pattern ?? '(-?\\d+)'));
    if (!m?.[1]) return null;
    return { value: Math.round(Number(m[1]) / (rule.step ?? 1)) - (rule.base ?? 0), px: false };
  }
  for (const holder of [el, el.firstElementChild]) {
    for (const attr of DEPTH_ATTRIBUTES) {
      const v = holder?.getAttribute(attr);
      if (v != null && /^\d+$/.test(v)) return { value: Number(v), px: false };
    }
  }
  const m = (el.getAttribute('class') ?? '').match(DEPTH_CLASS);
  if (m?.[1]) return { value: Number(m[1]), px: false };
  const style = el.getAttribute('style') ?? '';
  const px = style.match(/(?:margin|padding)-left\s*:\s*(\d+)px/);
  if (px?.[1]) return { value: Number(px[1]), px: true };
  return null;
}

function parentsFromIds(items: Element[], rule: ParentIdRule): (number | null)[] {
  const re = new RegExp(rule.pattern);
  const ids = items.map((el) => el.getAttribute(rule.attribute)?.match(re) ?? null);
  const byId = new Map<string, number>();
  ids.forEach((m, i) => m?.[1] && byId.set(m[1], i));
  return ids.map((m) => (m?.[2] ? byId.get(m[2]) ?? null : null));
}

/** data-parent-id style attributes, or a header link "in reply to" pointing at another comment's anchor. */
function* parentsFromAttributes(items: Element[]): Steps<(number | null)[]> {
  const byId = new Map<string, number>();
  items.forEach((el, i) => {
    for (const attr of ['id', 'data-id', 'data-comment-id', 'data-commentid']) {
      const v = el.getAttribute(attr);
      const num = v?.match(/(\d{2,})/)?.[1];
      if (num && !byId.has(num)) byId.set(num, i);
    }
  });
  const out: (number | null)[] = [];
  const pause = pacer(200);
  for (const el of items) {
    out.push(explicitParent(el, byId));
    if (pause()) yield;
  }
  return out;
}

function explicitParent(el: Element, byId: Map<string, number>): number | null {
  for (const attr of ['data-parent-id', 'data-parent', 'data-parentid', 'data-reply-to', 'data-in-reply-to']) {
    const v = el.getAttribute(attr);
    const num = v?.match(/(\d{2,})/)?.[1];
    if (num && byId.has(num)) return byId.get(num)!;
  }
  for (const a of findAll(el, (e) => e.tagName === 'A' && (e.getAttribute('href') ?? '').includes('#'))) {
    // The label is the link, its title, or a short line around it ("in reply to <a>Horst</a>").
    const around = a.parentElement && a.parentElement !== el ? textOf(a.parentElement) : '';
    const label = `${textOf(a)} ${a.getAttribute('title') ?? ''} ${around.length < 120 ? around : ''}`;
    if (!REPLY_TO_TEXT.test(label)) continue;
    const num = (a.getAttribute('href') ?? '').match(/#\D*(\d{2,})/)?.[1];
    if (num && byId.has(num)) return byId.get(num)!;
  }
  return null;
}
