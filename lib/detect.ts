// Finds the reader comments of a page without knowing the site: elements that name themselves comments
// (class, id, microdata) are grouped into kinds of records, each kind into the lists it forms, and the list
// whose records carry an author or a time and a text of their own wins. Decoys (latest-comments widgets,
// forms, counters, teasers) fail those tests or sit in containers that hold other pages' content.
import { depthOf, ElementWalk, tagOf } from './dom';
import { pacer, runNow, type Steps } from './steps';
import { readComment, type ReadOptions, type RawComment } from './extract';
import { commentSignature, splitWords } from './tokens';
import { DECOY_CONTAINER_HEADS, DECOY_CONTAINER_PHRASES } from './vocabulary';

export interface Section {
  /** The comment elements in document order. */
  items: Element[];
  comments: RawComment[];
  /** The smallest element holding every comment. */
  root: Element;
  signature: string;
  /** 0..1: how clearly the records look like reader comments. */
  confidence: number;
}

interface Cluster {
  signature: string;
  root: Element;
  members: Element[];
  memberSet: Set<Element>;
  comments: RawComment[];
  ok: number;
  score: number;
  quality: number;
}

const DECOY_HEAD = new RegExp(`^(?:${DECOY_CONTAINER_HEADS.join('|')})(?:$|[-_])`, 'i');
const LIST_WORDS = new Set(['list', 'liste', 'lista', 'area', 'section', 'container', 'thread', 'threads', 'wrapper', 'wrap', 'block', 'box', 'holder', 'stream', 'feed']);

/** Groups same-signature elements into lists: two members belong together when one list contains the other. */
function clustersOf(signature: string, elements: Element[]): { signature: string; members: Element[]; root: Element }[] {
  const set = new Set(elements);
  const tops = elements.filter((el) => {
    for (let a = el.parentElement; a; a = a.parentElement) if (set.has(a)) return false;
    return true;
  });
  // Each top-level member's parent is a list; lists inside other lists (replies placed after their parent,
  // as in Drupal's div.indented) join the outer one.
  const lists = [...new Set(tops.map((t) => t.parentElement!).filter(Boolean))];
  const listSet = new Set(lists);
  const outer = new Map<Element, Element>();
  for (const l of lists) {
    let root = l;
    for (let a = l.parentElement; a; a = a.parentElement) if (listSet.has(a)) root = a;
    outer.set(l, root);
  }
  const byRoot = new Map<Element, Element[]>();
  for (const el of elements) {
    let top = el;
    for (let a = el.parentElement; a; a = a.parentElement) if (set.has(a)) top = a;
    const root = outer.get(top.parentElement!) ?? top.parentElement!;
    const list = byRoot.get(root) ?? [];
    list.push(el);
    byRoot.set(root, list);
  }
  return [...byRoot].map(([root, members]) => ({ signature, members, root }));
}

function isDecoyContainer(root: Element): boolean {
  for (let a: Element | null = root; a && tagOf(a) !== 'BODY'; a = a.parentElement) {
    for (const name of `${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`.split(/\s+/)) {
      if (!name) continue;
      const lower = name.toLowerCase();
      if (DECOY_HEAD.test(lower) || DECOY_CONTAINER_PHRASES.some((p) => lower.includes(p))) return true;
    }
  }
  return false;
}

/** List-like names ("comments", "comment-list", "kommentare") mark containers, not single comments. */
function isListLike(signature: string): boolean {
  const words = splitWords(signature.replace(/^[a-z0-9]+/, ''));
  return words.some((w) => LIST_WORDS.has(w) || /^(?:comments|kommentare|comentarios|commentaires|reactions|replies|respuestas|antworten|discussions)$/.test(w));
}

function isGood(rc: RawComment, trusted: boolean): boolean {
  return (
    (trusted || (!rc.hasForm && rc.linkDensity < 0.75)) &&
    rc.text.length > 0 &&
    rc.timeCount <= 2 &&
    (rc.hasAuthor || rc.time != null || rc.relativeMinutes != null)
  );
}

/** Reads the members of a list; parts of comments (bylines, bodies, buttons) fail on a small sample already. */
function* evaluate(c: { signature: string; members: Element[]; root: Element }, options: DetectOptions): Steps<Cluster> {
  const memberSet = new Set(c.members);
  const isNested = (el: Element) => memberSet.has(el);
  const trusted = options.item != null;
  const pause = pacer(20);
  // The first comments read are the slowest (nothing compiled yet): the sample pauses after each.
  if (c.members.length > 40) {
    const every = Math.ceil(c.members.length / 20);
    let sampled = 0;
    let good = 0;
    for (let i = 0; i < c.members.length; i += every) {
      sampled++;
      if (isGood(readComment(c.members[i]!, isNested, options), trusted)) good++;
      yield;
    }
    if (good < sampled * 0.4) return { ...c, memberSet, comments: [], ok: 0, score: 0, quality: 0 };
  }
  const comments: RawComment[] = [];
  for (const m of c.members) {
    comments.push(readComment(m, isNested, options));
    if (pause()) yield;
  }
  let ok = 0;
  let score = 0;
  for (const rc of comments) {
    if (!isGood(rc, trusted)) continue;
    ok++;
    score += 1 + (rc.hasAuthor ? 1 : 0) + (rc.time || rc.relativeMinutes != null ? 1 : 0) + Math.min(1, rc.text.length / 80);
  }
  return { ...c, memberSet, comments, ok, score, quality: ok / c.members.length };
}

export interface DetectOptions extends ReadOptions {
  /** Selector of comment elements given by an adapter: skips the vocabulary search. */
  item?: string;
  /** Receives every candidate list with its verdict (for `analyze --explain`). */
  explain?: (line: string) => void;
}

/** The page's reader comments, or null when no list looks like one. */
export function detectSection(doc: Document, options: DetectOptions = {}): Section | null {
  return runNow(detectSteps(doc, options));
}

/** detectSection in pausable steps. */
export function* detectSteps(doc: Document, options: DetectOptions = {}): Steps<Section | null> {
  const body = doc.body ?? doc.documentElement;
  const bySignature = new Map<string, Element[]>();
  // Document order of candidates (compareDocumentPosition is unreliable in some DOM libraries).
  const position = new Map<Element, number>();
  if (options.item) {
    const found = [...body.querySelectorAll(options.item)];
    found.forEach((el, i) => position.set(el, i));
    if (found.length) bySignature.set(options.item, found);
  } else {
    const pause = pacer(2000);
    // The elements below body in document order, not entering scripts, styles and templates (children are
    // read when their parent's turn comes, so a page that changes between slices is read as it is then).
    let seen = 0;
    const walk = new ElementWalk(body);
    for (let el = walk.next(); el; el = walk.next()) {
      seen++;
      if (pause()) yield;
      // Only the few elements that name themselves comments are remembered.
      const sig = commentSignature(el);
      if (sig) {
        position.set(el, seen);
        const list = bySignature.get(sig);
        if (list) list.push(el);
        else bySignature.set(sig, [el]);
      }
      if (!OPAQUE.has(tagOf(el))) walk.enter(el);
    }
  }

  // Outer kinds first: once a list of several comments is found, elements inside one of its comments are
  // parts of that comment (bylines, bodies, buttons) and need no reading.
  const kinds = [...bySignature].map(([signature, els]) => ({ signature, els, depth: depthOf(els[0]!) }));
  kinds.sort((a, b) => a.depth - b.depth);
  const insideComment = new Set<Element>();
  const candidates: Cluster[] = [];
  for (const { signature, els } of kinds) {
    if (insideComment.size && els.every((el) => el.parentElement && hasAncestorIn(el.parentElement, insideComment))) continue;
    // An adapter's selector is trusted to name the page's comments: one list, wherever they sit.
    const lists = options.item ? [{ signature, members: els, root: commonAncestor(els) }] : clustersOf(signature, els);
    yield;
    for (const c of lists) {
      if (insideComment.size && hasAncestorIn(c.root, insideComment)) continue;
      const where = `${c.signature} x${c.members.length} in ${describe(c.root)}`;
      if (!options.item && isDecoyContainer(c.root)) {
        options.explain?.(`decoy container: ${where}`);
        continue;
      }
      const cluster = yield* evaluate(c, options);
      options.explain?.(`${cluster.ok && cluster.quality >= 0.5 ? 'candidate' : 'rejected'}: ${where} ok=${cluster.ok} quality=${cluster.quality.toFixed(2)} score=${cluster.score.toFixed(1)}`);
      if (cluster.ok === 0 || cluster.quality < 0.5) continue;
      candidates.push(cluster);
      if (cluster.members.length >= 2 && cluster.quality >= 0.8 && !isListLike(cluster.signature)) {
        for (const m of cluster.members) insideComment.add(m);
      }
    }
  }
  if (!candidates.length) return null;
  candidates.sort((a, b) => b.score - a.score);

  // The same comments are often marked at two levels (li.comment > article.comment-body): take the outer
  // record, which also carries the nesting, unless it is the list itself.
  let best = candidates[0]!;
  // A list-like container ("div.kommentare") that won on a page with one comment: the record inside it.
  if (isListLike(best.signature)) {
    const inner = candidates.find((c) => c !== best && !isListLike(c.signature) && c.members.every((m) => best.members.some((b) => b !== m && b.contains(m))));
    if (inner) best = inner;
  }
  for (;;) {
    const outer = candidates.find(
      (o) =>
        o !== best &&
        !isListLike(o.signature) &&
        o.quality >= best.quality - 0.1 &&
        o.members.length === best.members.length &&
        o.members.every((m, i) => m !== best.members[i] && m.contains(best.members[i]!)),
    );
    if (!outer) break;
    best = outer;
  }

  // Several lists of the same kind (one per answer on Q&A pages) are all comments of the page.
  const chosen = candidates.filter((c) => c === best || (c.signature === best.signature && !overlaps(c, best)));
  const items: Element[] = [];
  const comments: RawComment[] = [];
  const all = chosen.flatMap((c) => c.members.map((m, i) => ({ m, rc: c.comments[i]!, c })));
  all.sort((a, b) => position.get(a.m)! - position.get(b.m)!);
  for (const { m, rc } of all) {
    items.push(m);
    comments.push(rc);
  }
  const roots = chosen.map((c) => c.root);
  let root = roots[0]!;
  for (const r of roots.slice(1)) while (!root.contains(r)) root = root.parentElement ?? root;

  const confidence = Math.min(1, best.quality * (best.score / best.members.length / 4) * (best.members.length >= 2 ? 1 : 0.8));
  return { items, comments, root, signature: best.signature, confidence };
}

const OPAQUE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

function hasAncestorIn(el: Element, set: Set<Element>): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) if (set.has(a)) return true;
  return false;
}

function commonAncestor(els: Element[]): Element {
  let root = els[0]!.parentElement ?? els[0]!;
  for (const el of els) while (!root.contains(el)) root = root.parentElement ?? root;
  return root;
}

function describe(el: Element): string {
  const id = el.getAttribute('id');
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 3);
  return `${el.tagName.toLowerCase()}${id ? '#' + id : ''}${cls.map((c) => '.' + c).join('')}`;
}

function overlaps(a: Cluster, b: Cluster): boolean {
  return a.root.contains(b.root) || b.root.contains(a.root);
}
