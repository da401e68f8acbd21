// The in-page thread view: shows the reply structure the pipeline computed, in place, using the site's own comment
// elements. Why it is built the way it is:
// - The site's elements are moved, never cloned or re-rendered, so their links, vote/reply buttons and listeners keep
//   working. Every moved element leaves a placeholder comment node at its original position, and every attribute we
//   touch has its original value recorded, so switching the view off puts the section back exactly (DOM equal) —
//   the user must be able to trust that "off" means the site as it was.
// - One uniform layout for flat and nested sites: each reply is moved into a <rethread-replies> group placed right
//   after its parent's element. Sites that nest replies inside the parent (WordPress li > ol.children > li) are
//   handled the same way, which avoids per-site code at the cost of leaving their (then empty) reply containers.
// - Pages can be huge (5,000 comments): mounting itself only reads the page colour and marks the root; building the
//   model is the first scheduled batch, and the DOM work follows in bounded batches through the caller's scheduler,
//   so no task blocks the page for long. Per-comment work is field and map lookups; batches append to
//   DocumentFragments and insert each group's new content once per batch; nothing reads layout.
// - Our own UI (toggles, chips) lives in shadow roots of unregistered custom elements: page CSS cannot break it and
//   ours cannot leak. (Content scripts in Chromium have no `customElements`, and a registration could not be undone.)
import { isTextLink } from '@/lib/thread';
import { ATTR, HIGHLIGHT_MS, TAG, buildingCss, documentCss, pageTheme, shadowCss } from './style';

export interface ViewComment {
  /** The site's own comment element (never re-rendered, only moved/wrapped/annotated). */
  element: Element;
  /** "c0", "c1", ... unique. */
  id: string;
  /** Id of the comment it answers. */
  parent: string | null;
  evidence: 'markup' | 'mention' | 'quote' | 'order' | 'none';
  author: string | null;
  /** "2024-11-06T08:10" or "2024-11-06" or null. */
  time: string | null;
  /** Chronological position (0 = oldest); replies are shown oldest-first under a parent. */
  rank: number;
}

/** All visible text comes from here (the caller localises it). */
export interface ViewLabels {
  /** "12 replies" / "1 reply". */
  replies(n: number): string;
  /** "↩ Horst Flügge, 06.11. 08:10". */
  chip(author: string | null, time: string | null): string;
  /** Accessible names of the toggle (the visible reply count is appended to them). */
  collapse: string;
  expand: string;
  /** Optional accessible name of the comment tree ("Comments"). */
  tree?: string;
  /** The one-line stand-in of a comment the reader's filters fold away ("Hidden by your filters: Horst Flügge"). */
  folded?(author: string | null): string;
}

export interface ThreadView {
  readonly threaded: boolean;
  /** threads = top-level comments with replies; linked = replies linked from text (evidence mention/quote). */
  stats(): { comments: number; threads: number; linked: number };
  collapse(id: string, collapsed: boolean): void;
  collapseAll(): void;
  expandAll(): void;
  /** Collapse every top-level comment with replies. */
  topLevelOnly(): void;
  /** false puts the comment section back exactly as it was (DOM equal), true re-applies. */
  setThreaded(on: boolean): void;
  /** Late comments (lazy loading): threads them without redoing the rest; keeps collapse state. */
  add(comments: ViewComment[]): void;
  /** Reveals the comment (expanding collapsed ancestors), scrolls to it, focuses and highlights it briefly. */
  focus(id: string): void;
  /**
   * Shows the reader's filters: hidden comments vanish, folded ones leave a one-line stand-in (so their visible
   * replies still make sense), highlighted ones stand out. Only in the threaded view: "original order" is the
   * page exactly as the site made it.
   */
  setMarks(marks: ReadonlyMap<string, Mark>): void;
  /**
   * One-line gists of threads by comment id ("Horst Flügge, michael von wob: 2 replies, about Front, überleben"),
   * shown on a collapsed toggle instead of the bare count. A gist stands only while its thread keeps the number of
   * replies it was made for: late replies make it stale, and the count shows again until new gists come.
   */
  setGists(gists: Readonly<Record<string, string>>): void;
  /** Restores exactly and removes every trace (styles, listeners, attributes). */
  destroy(): void;
}

export interface Mark {
  hidden: boolean;
  /** Filtered out but kept as a one-line stand-in. */
  placeholder: boolean;
  highlighted: boolean;
}

export interface MountOptions {
  labels: ViewLabels;
  /** Runs one batch of DOM work; the content script passes one that yields between batches. Default: run now. */
  schedule?: (work: () => void) => void;
  /** Called when the reader collapses a thread, by any means (the content script fetches gists then). */
  onCollapse?: () => void;
}

/** Most comments one batch of DOM work handles. */
export const BATCH_SIZE = 200;
/** A batch also stops early once it has run this long (ms), checked every 16 comments. */
const BATCH_BUDGET_MS = 12;

interface Item {
  c: ViewComment;
  el: Element;
  /** Arrival order: breaks rank ties so the order is stable. */
  seq: number;
  parent: Item | null;
  /** Replies, sorted by rank. */
  children: Item[];
  depth: number;
  /** All replies below this comment (the number a collapsed toggle hides). */
  count: number;
  collapsed: boolean;
  /** Laid out in the threaded view (moved, annotated). */
  applied: boolean;
  /** Marks the element's original position while it is moved. */
  placeholder: globalThis.Comment | null;
  /** The element had no parent when it was moved (restore takes it out again). */
  detached: boolean;
  group: HTMLElement | null;
  toggle: HTMLElement | null;
  toggleButton: HTMLButtonElement | null;
  chip: HTMLElement | null;
  /** The one-line stand-in shown while the reader's filters fold this comment away. */
  fold: HTMLElement | null;
  /** Original values of the attributes we changed on the site's element (null: it had none). */
  saved: Map<string, string | null> | null;
  /** The label of its replies' chips (made once: every reply to it shows the same). */
  chipText: string | null;
  /** The thread's gist and the reply count it was made for (see ThreadView.setGists). */
  gist: { text: string; count: number } | null;
  /** Which ingest() brought it (fields instead of Sets/Maps keep ingesting 5,000 comments in a few ms). */
  epoch: number;
  /**
   * A late comment: its place among already shown siblings must be found. The full pass appends instead, since it
   * visits each parent's replies in rank order.
   */
  scan: boolean;
}

let instances = 0;

/** Elements whose own Enter/Space action must stay theirs even when they are the comment element. */
const INTERACTIVE = 'a[href], button, summary, label, input, select, textarea';

const byRank = (a: Item, b: Item) => a.c.rank - b.c.rank || a.seq - b.seq;

/**
 * Shows `comments` (in document order, as the pipeline lists them) as threads inside `root`, the comment section.
 * Lays out in batches through `options.schedule`; the returned view is usable at once.
 */
export function mountThreads(root: Element, comments: ViewComment[], options: MountOptions): ThreadView {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const labels = options.labels;
  const schedule = options.schedule ?? ((work: () => void) => work());
  const prefix = `rethread${++instances}`;

  // The only style read, before any write.
  const theme = pageTheme(root);
  const shadowStyle = doc.createElement('style');
  shadowStyle.textContent = shadowCss(theme);

  const byId = new Map<string, Item>();
  const byEl = new Map<Element, Item>();
  /** Our toggle and chip hosts -> the comment they belong to. */
  const owners = new WeakMap<Element, Item>();
  /** Top-level comments in document order (they never move). */
  const top: Item[] = [];
  const rootSaved = new Map<string, string | null>();
  let seq = 0;
  /** Comment lists not yet in the model: the first one, then late ones from add(). */
  let inbox: { list: ViewComment[]; initial: boolean }[] = [{ list: comments.slice(), initial: true }];
  /** The whole tree must be laid out (mount, setThreaded(true)); the next batch builds the queue. */
  let fullPass = false;
  let epochs = 0;

  let threaded = false;
  let destroyed = false;
  let style: HTMLStyleElement | null = null;
  let listening = false;
  let queue: Item[] = [];
  let qi = 0;
  let pumping = false;
  let generation = 0;
  let frags: Map<HTMLElement, DocumentFragment> | null = null;
  let roving: Item | null = null;
  let highlight: { item: Item; timer: ReturnType<typeof setTimeout> } | null = null;
  let pointerPending = false;
  /** The stylesheet that keeps the section unrendered while a long first layout runs (see buildingCss). */
  let building: HTMLStyleElement | null = null;
  let marks: ReadonlyMap<string, Mark> = new Map();
  let focusByPointer = false;
  let collapseNoticed = false;

  // ---- model -------------------------------------------------------------------------------------------------

  /** Adds comments to the model: links parents (cutting cycles and impossible DOM nesting), sorts replies, counts. */
  function ingest(list: ViewComment[], initial: boolean): { fresh: Item[]; touched: Set<Item> } {
    const epoch = ++epochs;
    const fresh: Item[] = [];
    for (const c of list) {
      if (!c || !c.element || byId.has(c.id) || byEl.has(c.element)) continue;
      const item: Item = {
        c,
        el: c.element,
        seq: seq++,
        parent: null,
        children: [],
        depth: 0,
        count: 0,
        collapsed: false,
        applied: false,
        placeholder: null,
        detached: false,
        group: null,
        toggle: null,
        toggleButton: null,
        chip: null,
        fold: null,
        saved: null,
        chipText: null,
        gist: null,
        epoch,
        scan: false,
      };
      byId.set(c.id, item);
      byEl.set(c.element, item);
      fresh.push(item);
    }
    for (const item of fresh) {
      const p = item.c.parent == null ? null : byId.get(item.c.parent);
      // A reply cannot be shown under a comment its own element contains.
      if (p && p !== item && !item.el.contains(p.el)) item.parent = p;
    }
    // Cut cycles. Ranks strictly fall along any chain of replies the pipeline builds (it never links forward), and
    // every cycle has an edge where they do not, so only such edges need the walk up.
    for (const item of fresh) {
      const p = item.parent;
      if (!p || p.c.rank < item.c.rank) continue;
      // Bounded: the chain above may run into another cycle, which its own edge will cut.
      let steps = byId.size;
      for (let m: Item | null = p; m && steps-- > 0; m = m.parent) {
        if (m === item) {
          item.parent = null;
          break;
        }
      }
    }
    const sortParents = new Set<Item>();
    const roots: Item[] = [];
    for (const item of fresh) {
      const p = item.parent;
      if (p) {
        if (p.children.length && byRank(p.children[p.children.length - 1]!, item) > 0) sortParents.add(p);
        p.children.push(item);
        if (p.epoch !== epoch) roots.push(item);
      } else {
        // The first list comes in document order (the pipeline's order); late ones find their place.
        if (initial) top.push(item);
        else insertTop(item);
        roots.push(item);
      }
    }
    for (const p of sortParents) p.children.sort(byRank);
    // Depth top-down, counts bottom-up (reverse pre-order visits replies before their parent).
    const order = preorder(roots);
    for (const item of order) item.depth = item.parent ? item.parent.depth + 1 : 0;
    const touched = new Set<Item>();
    for (let i = order.length - 1; i >= 0; i--) {
      const item = order[i]!;
      const p = item.parent;
      if (!p) continue;
      if (p.epoch === epoch) {
        p.count += item.count + 1;
      } else {
        for (let a: Item | null = p; a; a = a.parent) {
          a.count += item.count + 1;
          touched.add(a);
        }
      }
    }
    return { fresh: order, touched };
  }

  function follows(a: Element, b: Element): boolean {
    return (a.compareDocumentPosition(b) & 4) !== 0; // DOCUMENT_POSITION_FOLLOWING: b comes after a
  }

  function insertTop(item: Item): void {
    const last = top[top.length - 1];
    if (!last || follows(last.el, item.el)) {
      top.push(item);
      return;
    }
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (follows(top[mid]!.el, item.el)) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
  }

  function preorder(roots: Item[]): Item[] {
    const out: Item[] = [];
    const stack: Item[] = [];
    for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]!);
    while (stack.length) {
      const item = stack.pop()!;
      out.push(item);
      for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
    }
    return out;
  }

  // ---- attributes (every change recorded for an exact restore) -------------------------------------------------

  function setAttr(item: Item, name: string, value: string): void {
    const saved = (item.saved ??= new Map());
    const current = item.el.getAttribute(name);
    if (!saved.has(name)) saved.set(name, current);
    if (current !== value) item.el.setAttribute(name, value);
  }

  function original(item: Item, name: string): string | null {
    return item.saved?.has(name) ? item.saved.get(name)! : item.el.getAttribute(name);
  }

  function restoreAttr(el: Element, name: string, value: string | null): void {
    if (value == null) el.removeAttribute(name);
    else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  function restoreOne(item: Item, name: string): void {
    if (!item.saved?.has(name)) return;
    restoreAttr(item.el, name, item.saved.get(name)!);
    item.saved.delete(name);
  }

  function setRootAttr(name: string, value: string): void {
    if (!rootSaved.has(name)) rootSaved.set(name, root.getAttribute(name));
    root.setAttribute(name, value);
  }

  function updateOwns(item: Item): void {
    const ids = [original(item, 'aria-owns'), item.chip?.id, item.toggle?.id, item.group?.id].filter(Boolean);
    setAttr(item, 'aria-owns', ids.join(' '));
  }

  // ---- our elements ------------------------------------------------------------------------------------------

  function shadowButton(host: HTMLElement, className: string): HTMLButtonElement {
    const shadow = host.attachShadow({ mode: 'open' });
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = className;
    shadow.append(shadowStyle.cloneNode(true), button);
    return button;
  }

  /** labels.replies, once per count (localising numbers is slow, and counts repeat). */
  const repliesTexts = new Map<number, string>();
  function repliesText(n: number): string {
    let text = repliesTexts.get(n);
    if (text === undefined) repliesTexts.set(n, (text = labels.replies(n)));
    return text;
  }

  function updateToggle(item: Item): void {
    const button = item.toggleButton;
    if (!button) return;
    const gist = item.collapsed && item.gist?.count === item.count ? item.gist.text : null;
    const text = gist ?? repliesText(item.count);
    const name = `${item.collapsed ? labels.expand : labels.collapse} (${text})`;
    if (button.textContent !== text) button.textContent = text;
    button.classList.toggle('gist', gist != null);
    button.setAttribute('aria-expanded', String(!item.collapsed));
    button.setAttribute('aria-label', name);
    // The gist may be cut to one line: its whole text on hover.
    button.title = gist ? `${labels.expand}: ${gist}` : item.collapsed ? labels.expand : labels.collapse;
  }

  /** The toggle and the (empty) replies group, right after the comment's element. */
  function ensureGroup(item: Item): void {
    if (item.group) return;
    const toggle = doc.createElement(TAG.toggle);
    toggle.id = `${prefix}-${item.c.id}-t`;
    item.toggle = toggle;
    item.toggleButton = shadowButton(toggle, 'toggle');
    owners.set(toggle, item);
    toggle.addEventListener('click', () => setCollapsed(item, !item.collapsed));
    updateToggle(item);

    const group = doc.createElement(TAG.group);
    group.id = `${prefix}-${item.c.id}-g`;
    group.setAttribute('role', 'group');
    if (item.collapsed) group.hidden = true;
    item.group = group;

    item.el.after(toggle, group);
    setAttr(item, 'aria-expanded', String(!item.collapsed));
    updateOwns(item);
  }

  function makeChip(item: Item, parent: Item): HTMLElement {
    const chip = doc.createElement(TAG.chip);
    chip.id = `${prefix}-${item.c.id}-r`;
    const button = shadowButton(chip, 'chip');
    button.textContent = parent.chipText ??= labels.chip(parent.c.author, parent.c.time);
    owners.set(chip, item);
    chip.addEventListener('click', () => {
      if (item.parent) jump(item.parent);
    });
    item.chip = chip;
    return chip;
  }

  /** Where new content for a group goes in this batch: the group itself while it is off-document, else a fragment. */
  function sink(group: HTMLElement): ParentNode {
    if (!frags || !group.isConnected) return group;
    let frag = frags.get(group);
    if (!frag) {
      frag = doc.createDocumentFragment();
      frags.set(group, frag);
    }
    return frag;
  }

  // ---- the reader's filters -------------------------------------------------------------------------------------

  function applyMark(item: Item): void {
    const m = marks.get(item.c.id);
    const state = m?.hidden ? 'hidden' : m?.placeholder ? 'folded' : m?.highlighted ? 'highlight' : null;
    if (state) setAttr(item, ATTR.filter, state);
    else restoreOne(item, ATTR.filter);
    if (item.chip) item.chip.hidden = state === 'hidden' || state === 'folded';
    if (state === 'folded' && !item.fold) {
      const fold = doc.createElement(TAG.fold);
      const button = shadowButton(fold, 'fold');
      button.textContent = labels.folded ? labels.folded(item.c.author) : '…';
      // Showing one folded comment is a local decision: the filters stay as they are.
      fold.addEventListener('click', () => {
        const next = new Map(marks);
        next.set(item.c.id, { hidden: false, placeholder: false, highlighted: false });
        marks = next;
        applyMark(item);
      });
      owners.set(fold, item);
      item.fold = fold;
      item.el.before(fold);
    } else if (state !== 'folded' && item.fold) {
      item.fold.remove();
      item.fold = null;
    }
  }

  // ---- layout ------------------------------------------------------------------------------------------------

  function layout(item: Item): void {
    if (item.applied) return;
    const p = item.parent;
    if (p && !p.applied) {
      p.scan = true;
      layout(p); // queue order puts parents first; this is only a safety net
    }
    const scan = item.scan;
    item.scan = false;
    item.applied = true;
    setAttr(item, ATTR.item, item.c.id);
    setAttr(item, 'role', 'treeitem');
    setAttr(item, 'aria-level', String(item.depth + 1));
    setAttr(item, 'tabindex', item === roving ? '0' : '-1');
    if (p) {
      ensureGroup(p);
      const el = item.el;
      if (el.parentNode) {
        const placeholder = doc.createComment('rethread');
        el.replaceWith(placeholder);
        item.placeholder = placeholder;
      } else {
        item.detached = true;
      }
      const pieces: globalThis.Node[] = isTextLink(item.c.evidence) ? [makeChip(item, p), el] : [el];
      let next: Item | null = null;
      if (scan) {
        for (let i = p.children.indexOf(item) + 1; i < p.children.length; i++) {
          const s = p.children[i]!;
          if (s.applied && s !== item) {
            next = s;
            break;
          }
        }
      }
      const head = next ? (next.chip ?? next.el) : null;
      if (head?.parentNode) head.before(...pieces);
      else sink(p.group!).append(...pieces);
      if (item.chip) updateOwns(item);
    }
    if (item.children.length) ensureGroup(item);
    if (marks.size) applyMark(item);
  }

  /**
   * Brings pending comment lists into the model. Runs in the first batch (so mounting itself stays a short task), or
   * at once when an API call needs the model. Late comments get their own jobs unless a full pass is pending anyway.
   * Returns how many comments it took in.
   */
  function model(): Item[] {
    let last: Item[] = [];
    while (inbox.length) {
      const { list, initial } = inbox.shift()!;
      const { fresh, touched } = ingest(list, initial);
      last = fresh;
      if (!threaded || fullPass) continue;
      for (const item of touched) updateToggle(item);
      for (const item of fresh) {
        item.scan = true;
        queue.push(item);
      }
    }
    return last;
  }

  /** The model, up to date, for an API call (and any work that creates, scheduled). */
  function current(): void {
    if (!inbox.length) return;
    model();
    pump();
  }

  function pump(): void {
    if (pumping || !threaded || !(fullPass || inbox.length || qi < queue.length)) return;
    pumping = true;
    const gen = generation;
    schedule(() => {
      if (gen !== generation) return;
      pumping = false;
      runBatch();
      pump();
    });
  }

  function runBatch(): void {
    if (inbox.length || fullPass) {
      const taken = model();
      if (fullPass) {
        fullPass = false;
        if (!roving || !byId.has(roving.c.id)) roving = top[0] ?? null;
        // The first ingest's order already is the pre-order of the whole tree.
        queue = taken.length === byId.size ? taken : preorder(top);
        for (const item of queue) item.scan = false;
        qi = 0;
        if (!queue.length) showSection();
        return; // building the model is this batch's work
      }
      if (taken.length > BATCH_SIZE) return;
    }
    const start = performance.now();
    let done = 0;
    frags = new Map();
    try {
      while (qi < queue.length && done < BATCH_SIZE) {
        const item = queue[qi++]!;
        if (item.applied || !byId.has(item.c.id)) continue;
        layout(item);
        done++;
        if ((done & 15) === 0 && performance.now() - start > BATCH_BUDGET_MS) break;
      }
      for (const [group, frag] of frags) group.appendChild(frag);
    } finally {
      frags = null;
    }
    if (qi >= queue.length) {
      queue = [];
      qi = 0;
      if (!fullPass && !inbox.length) showSection();
    }
  }

  /**
   * A first layout of more than one batch runs with the section unrendered, and the browser lays it out once at the
   * end (one style change each way). Its size is read before any write, so the page keeps its height meanwhile.
   */
  function hideWhileBuilding(): void {
    let pending = byId.size;
    for (const { list } of inbox) pending += list.length;
    if (building || pending <= BATCH_SIZE || !doc.head) return;
    const box = root.getBoundingClientRect();
    building = doc.createElement('style');
    building.textContent = buildingCss(prefix, box.width, box.height);
    doc.head.appendChild(building);
    root.setAttribute(ATTR.building, prefix);
  }

  function showSection(): void {
    if (!building) return;
    root.removeAttribute(ATTR.building);
    building.remove();
    building = null;
  }

  function listen(on: boolean): void {
    if (on === listening) return;
    listening = on;
    if (on) {
      root.addEventListener('keydown', onKey as EventListener);
      root.addEventListener('focusin', onFocusIn);
      root.addEventListener('mousedown', onPointerDown, true);
    } else {
      root.removeEventListener('keydown', onKey as EventListener);
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('mousedown', onPointerDown, true);
    }
  }

  function apply(): void {
    threaded = true;
    hideWhileBuilding();
    if (!style) {
      style = doc.createElement('style');
      style.setAttribute('data-rethread-style', '');
      style.setAttribute('data-theme', theme);
      style.textContent = documentCss(theme);
      (doc.head ?? doc.documentElement).appendChild(style);
    }
    setRootAttr('role', 'tree');
    if (labels.tree) setRootAttr('aria-label', labels.tree);
    listen(true);
    fullPass = true;
    pump();
  }

  function unapply(): void {
    threaded = false;
    showSection();
    fullPass = false;
    generation++;
    pumping = false;
    queue = [];
    qi = 0;
    clearHighlight();
    listen(false);
    const items = [...byId.values()];
    // Take the thread blocks off the page first: the moves back below then mostly touch detached nodes.
    for (const item of top) {
      item.toggle?.remove();
      item.group?.remove();
    }
    for (const item of items) {
      if (!item.applied || !item.parent) continue;
      // Only what is still where we put it goes back: a comment the site removed or moved meanwhile stays so.
      const ours = item.el.parentNode === item.parent.group;
      if (item.placeholder) {
        if (ours) item.placeholder.replaceWith(item.el);
        else item.placeholder.remove();
      } else if (item.detached && ours) {
        item.el.remove();
      }
      item.placeholder = null;
      item.detached = false;
    }
    for (const item of items) {
      for (const own of [item.chip, item.toggle, item.group, item.fold]) if (own?.isConnected) own.remove();
      item.chip = item.toggle = item.group = item.toggleButton = item.fold = null;
      item.applied = false;
      if (item.saved) {
        for (const [name, value] of item.saved) restoreAttr(item.el, name, value);
        item.saved = null;
      }
    }
    for (const [name, value] of rootSaved) restoreAttr(root, name, value);
    rootSaved.clear();
  }

  // ---- collapse, focus, highlight -------------------------------------------------------------------------------

  function setCollapsed(item: Item, collapsed: boolean): void {
    if (item.collapsed === collapsed) return;
    item.collapsed = collapsed;
    if (collapsed) notifyCollapse();
    if (!item.group) return; // kept in the model, applied when the group is built
    item.group.hidden = collapsed;
    setAttr(item, 'aria-expanded', String(!collapsed));
    updateToggle(item);
    if (!collapsed) return;
    const active = doc.activeElement;
    if (active && item.group.contains(active)) moveFocus(item, false);
    // Keep the tree's one tab stop visible.
    else if (roving && roving !== item && isBelow(roving, item)) setRoving(item);
  }

  /** options.onCollapse once per burst (collapse all runs setCollapsed for every thread). */
  function notifyCollapse(): void {
    if (!options.onCollapse || collapseNoticed) return;
    collapseNoticed = true;
    queueMicrotask(() => {
      collapseNoticed = false;
      if (!destroyed) options.onCollapse?.();
    });
  }

  function isBelow(item: Item, ancestor: Item): boolean {
    for (let a = item.parent; a; a = a.parent) if (a === ancestor) return true;
    return false;
  }

  function reveal(item: Item): void {
    for (let a = item.parent; a; a = a.parent) if (a.collapsed) setCollapsed(a, false);
  }

  function setRoving(item: Item): void {
    if (roving === item) return;
    if (roving?.applied) setAttr(roving, 'tabindex', '-1');
    roving = item;
    if (item.applied) setAttr(item, 'tabindex', '0');
  }

  function moveFocus(item: Item, preventScroll: boolean): void {
    reveal(item);
    setRoving(item);
    setAttr(item, 'tabindex', '0');
    (item.el as HTMLElement).focus?.({ preventScroll });
    focusByPointer = false;
  }

  function clearHighlight(): void {
    if (!highlight) return;
    clearTimeout(highlight.timer);
    restoreOne(highlight.item, ATTR.highlight);
    highlight = null;
  }

  function jump(item: Item): void {
    // Scrolling needs the section rendered: the remaining batches then run visibly.
    showSection();
    if (threaded) moveFocus(item, true);
    const reduced = win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    item.el.scrollIntoView?.({ behavior: reduced ? 'auto' : 'smooth', block: 'center' });
    clearHighlight();
    setAttr(item, ATTR.highlight, '');
    highlight = { item, timer: setTimeout(clearHighlight, HIGHLIGHT_MS) };
  }

  // ---- keyboard ----------------------------------------------------------------------------------------------

  function isEditable(el: Element): boolean {
    const tag = el.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
    if ((el as HTMLElement).isContentEditable) return true;
    return el.closest('[contenteditable]:not([contenteditable="false"])') != null;
  }

  function itemOf(target: EventTarget | null): Item | null {
    if (!target || !(target as Element).closest) return null;
    const el = target as Element;
    const own = owners.get(el);
    if (own) return own;
    const host = el.closest(`[${ATTR.item}]`);
    return host ? (byEl.get(host) ?? null) : null;
  }

  function siblingsOf(item: Item): Item[] {
    return item.parent ? item.parent.children : top;
  }

  function nextVisible(item: Item): Item | null {
    if (item.children.length && !item.collapsed) return item.children[0]!;
    for (let m: Item | null = item; m; m = m.parent) {
      const sibs = siblingsOf(m);
      const i = sibs.indexOf(m);
      if (i + 1 < sibs.length) return sibs[i + 1]!;
    }
    return null;
  }

  function lastVisibleIn(item: Item): Item {
    let m = item;
    while (m.children.length && !m.collapsed) m = m.children[m.children.length - 1]!;
    return m;
  }

  function prevVisible(item: Item): Item | null {
    const sibs = siblingsOf(item);
    const i = sibs.indexOf(item);
    if (i > 0) return lastVisibleIn(sibs[i - 1]!);
    return item.parent;
  }

  function onPointerDown(): void {
    pointerPending = true;
  }

  function onFocusIn(e: Event): void {
    focusByPointer = pointerPending;
    pointerPending = false;
    const item = itemOf(e.target);
    if (item && item.applied) setRoving(item);
  }

  function onKey(e: KeyboardEvent): void {
    pointerPending = false;
    if (!threaded || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
    const path = e.composedPath?.() ?? [];
    const origin = (path[0] ?? e.target) as Element;
    if (!origin || (origin.nodeType === 1 && isEditable(origin))) return;
    const current = itemOf(e.target);
    let to: Item | null;
    switch (e.key) {
      case 'j':
        to = current ? nextVisible(current) : (top[0] ?? null);
        break;
      case 'k':
        to = current ? prevVisible(current) : top.length ? lastVisibleIn(top[top.length - 1]!) : null;
        break;
      case 'p':
        to = current?.parent ?? null;
        break;
      case 'Enter':
      case ' ':
        // Only on the comment itself: inside it, Enter follows links and Space presses the site's buttons. After a
        // mouse click into a comment, Space keeps scrolling the page as it did before.
        if (!current || e.target !== current.el) return;
        if (e.key === ' ' && focusByPointer) return;
        if (current.children.length) setCollapsed(current, !current.collapsed);
        else if (e.key === 'Enter' || current.el.matches(INTERACTIVE)) return;
        e.preventDefault();
        return;
      default:
        return;
    }
    if (e.key === 'p' && !current) return;
    e.preventDefault();
    if (to) moveFocus(to, false);
  }

  // ---- public API --------------------------------------------------------------------------------------------

  apply();

  return {
    get threaded() {
      return threaded;
    },
    stats() {
      current();
      let threads = 0;
      let linked = 0;
      for (const item of top) if (item.children.length) threads++;
      for (const item of byId.values()) if (item.parent && isTextLink(item.c.evidence)) linked++;
      return { comments: byId.size, threads, linked };
    },
    collapse(id, collapsed) {
      current();
      const item = byId.get(id);
      if (item && !destroyed) setCollapsed(item, collapsed);
    },
    collapseAll() {
      if (destroyed) return;
      current();
      for (const item of byId.values()) if (item.children.length) setCollapsed(item, true);
    },
    expandAll() {
      if (destroyed) return;
      current();
      for (const item of byId.values()) setCollapsed(item, false);
    },
    topLevelOnly() {
      if (destroyed) return;
      current();
      for (const item of top) if (item.children.length) setCollapsed(item, true);
    },
    setThreaded(on) {
      if (destroyed || on === threaded) return;
      if (on) apply();
      else unapply();
    },
    add(list) {
      if (destroyed) return;
      inbox.push({ list: list.slice(), initial: false });
      pump();
    },
    setMarks(next) {
      if (destroyed) return;
      current();
      marks = next;
      if (!threaded) return;
      for (const item of byId.values()) if (item.applied) applyMark(item);
    },
    setGists(gists) {
      if (destroyed) return;
      current();
      for (const item of top) {
        const text = Object.hasOwn(gists, item.c.id) ? gists[item.c.id] : undefined;
        const next = text && item.children.length ? { text, count: item.count } : null;
        if (next?.text === item.gist?.text && next?.count === item.gist?.count) continue;
        item.gist = next;
        if (item.collapsed) updateToggle(item);
      }
    },
    focus(id) {
      current();
      const item = byId.get(id);
      if (item && !destroyed) jump(item);
    },
    destroy() {
      if (destroyed) return;
      if (threaded) unapply();
      clearHighlight();
      style?.remove();
      style = null;
      destroyed = true;
      inbox = [];
      byId.clear();
      byEl.clear();
      top.length = 0;
      roving = null;
    },
  };
}
