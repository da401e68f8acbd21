// One page's Rethread: runs the pipeline in slices, shows the threads and the bar when detection is sure,
// picks up comments that arrive later, and can always put the page back. Knows nothing of extension APIs
// (index.ts wires it to messaging and i18n), so it runs the same in tests.
import { mountBar, type Bar, type BarLabels } from '@/components/bar';
import { mountCommentMenu, type CommentMenu, type MenuLabels } from '@/components/page/menu';
import { panelCss, summaryPanel, type Panel, type PanelLabels } from '@/components/page/summary-panel';
import { mountThreads, type Mark, type ThreadView, type ViewComment, type ViewLabels } from '@/components/page/threads';
import { pageTheme } from '@/components/page/style';
import type { Adapter } from '@/lib/adapters';
import { analyzeSteps, type PageAnalysis } from '@/lib/analyze';
import { detectSection } from '@/lib/detect';
import { applyFilters, fingerprint, hasFilters, searchComments, type FilterResult, type FilterSettings } from '@/lib/filters';
import { findTitle } from '@/lib/article/title';
import { readComment } from '@/lib/extract';
import type { CommentData, PageStatus, RuleTestReply, SearchReply, SummaryReply } from '@/lib/messages';
import { rulesAsAdapters, type Rule } from '@/lib/settings';
import type { Comment } from '@/lib/types';
import { markupParents } from '@/lib/nesting';
import { runSliced, nextTask, type SliceReport } from '@/lib/steps';
import { threadStats, threadSteps, type ThreadInput, type ThreadStats } from '@/lib/thread';
import { timeValue, toIso } from '@/lib/time';
import { signatureOf } from '@/lib/tokens';

/** Waits until the page is idle (the view's batches first), or the next task where that cannot be told. */
const idle = (): Promise<void> =>
  new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 1000 }) : setTimeout(resolve, 0)));

/** Below this, detection is not sure enough to change the page. */
const CONFIDENCE = 0.5;
/** Pages with more comments than this mount the view, then its controls, in tasks of their own. */
const SPLIT_ABOVE = 500;
/** Longest slice of pipeline work before letting the page breathe. */
const SLICE_MS = 20;

export interface SessionOptions {
  url: string;
  now: Date;
  view: ViewLabels;
  bar: BarLabels;
  menu: MenuLabels;
  panel: Omit<PanelLabels, 'authorOf'>;
  /** Summarises the comments elsewhere (the background): the page only shows the result. */
  summarize(comments: CommentData[]): Promise<SummaryReply>;
  /** Show threads right away (the reader's default). */
  threaded: boolean;
  filters: FilterSettings;
  /** Fingerprints of comments shown on the reader's last visit (null: first visit). */
  seen: ReadonlySet<string> | null;
  /** The reader's own site rules, as adapters. */
  adapters: readonly Adapter[];
  onStatus(status: PageStatus): void;
  /** The in-page menu's "Mute author" / "Highlight author". */
  onAuthor(action: 'mute' | 'highlight', author: string): void;
}

export interface SessionReport extends SliceReport {
  /** From start to threads shown, milliseconds. */
  shownMs: number;
}

interface Known {
  element: Element;
  input: ThreadInput;
  view: ViewComment;
  /** For late comments: the element the markup nests them in, if any. */
  parentEl?: Element | null;
  /** fingerprint() of the comment, with what it was made from. */
  fp?: { author: string | null; time: string | null; text: string; value: string };
}

export class PageSession {
  private analysis: PageAnalysis | null = null;
  private view: ThreadView | null = null;
  private bar: Bar | null = null;
  private known = new Map<Element, Known>();
  private order: Known[] = [];
  private observer: MutationObserver | null = null;
  private pending = false;
  private stopped = false;
  private state: PageStatus['state'] = 'running';
  private error: string | undefined;
  private unresolved = 0;
  private filters: FilterSettings;
  private filtered: FilterResult | null = null;
  private suspended = false;
  private menu: CommentMenu | null = null;
  private search = { query: '', hits: [] as string[], index: -1 };
  private panel: Panel | null = null;
  private summary: Promise<SummaryReply> | null = null;
  /** Collapsed threads show gists (the reader has collapsed one). */
  private gists = false;
  report: SessionReport | null = null;
  /** The page's theme, read at mount before the view wrote anything. */
  private dark: boolean | null = null;

  constructor(
    private readonly doc: Document,
    private readonly options: SessionOptions,
  ) {
    this.filters = options.filters;
  }

  /** Analyses the page and shows the threads; resolves when they are shown (or nothing was found). */
  async start(): Promise<void> {
    const started = performance.now();
    this.emit();
    try {
      const run = await runSliced(
        analyzeSteps(this.doc, {
          url: this.options.url,
          now: this.options.now,
          adapters: this.options.adapters,
          article: (d) => ({ title: findTitle(d) ?? '', text: '' }),
        }),
        SLICE_MS,
      );
      if (this.stopped) return;
      performance.mark?.('rethread:analysed');
      const analysis = run.value;
      this.analysis = analysis;
      if (!analysis.comments.length || !analysis.root) {
        this.state = 'none';
      } else if (analysis.confidence < CONFIDENCE) {
        this.state = 'unsure';
      } else if (analysis.elements.some((el) => el.tagName === 'TR')) {
        // Table rows (Hacker News) cannot be regrouped without breaking the table; the site indents already. The
        // reader still gets the bar's counts and summary, and the popup's filters-free status and summary.
        this.remember(analysis);
        this.mountBar(analysis.root!);
        this.state = 'done';
      } else {
        // On big pages each part gets a task of its own (the view builds its model in between), so none grows
        // long with the page; small ones are shown in the task that finished reading them, as always.
        const big = analysis.comments.length > SPLIT_ABOVE;
        if (big) await nextTask();
        if (this.stopped) return;
        this.mount(analysis);
        if (big) await nextTask();
        if (this.stopped) return;
        this.mountControls(analysis);
        this.state = 'done';
      }
      this.report = { ...run, shownMs: performance.now() - started };
      this.watch();
    } catch (e) {
      this.fail(e);
    }
    this.emit();
    // The caller remembers what was shown next: on big pages its fingerprints are made meanwhile, a slice per
    // idle moment (thousands take long in one task).
    if (this.order.length > SPLIT_ABOVE) {
      for (let i = 0; i < this.order.length && !this.stopped; i++) {
        if (i % 500 === 0) await idle();
        this.fingerprintOf(this.order[i]!);
      }
      await nextTask();
    }
  }

  status(): PageStatus {
    const stats = this.view?.stats() ?? (this.order.length ? this.siteStats() : { comments: this.analysis?.comments.length ?? 0, threads: 0, linked: 0 });
    const status: PageStatus = {
      state: this.state,
      comments: stats.comments,
      threads: stats.threads,
      linked: stats.linked,
      unresolved: this.unresolved,
      site: this.analysis?.site ?? 'generic',
      threaded: this.view?.threaded ?? false,
      filtered: this.suspended ? 0 : this.filtered?.filtered ?? 0,
      highlighted: this.suspended ? 0 : this.filtered?.highlighted ?? 0,
      suspended: this.suspended,
      fresh: this.options.seen ? this.order.filter((k) => !this.options.seen!.has(this.fingerprintOf(k))).length : 0,
    };
    if (this.error) status.error = this.error;
    return status;
  }

  setThreaded(on: boolean): void {
    this.guard(() => {
      this.view?.setThreaded(on);
      // "Original order" is the site's page exactly: no menu either.
      if (on) this.mountMenu();
      else this.unmountMenu();
    });
  }

  /** The reader changed the filters (storage): applied at once, with counts in the status. */
  setFilters(filters: FilterSettings): void {
    this.filters = filters;
    this.guard(() => this.refilter());
  }

  /** "Show them": filters off on this page (true) or on again. */
  suspendFilters(suspended: boolean): void {
    this.suspended = suspended;
    this.guard(() => this.refilter());
  }

  /** Finds the query among the comments and jumps to the first (step 0), next (1) or previous (-1) match. */
  find(query: string, step: -1 | 0 | 1): SearchReply {
    if (query !== this.search.query || step === 0) {
      this.search = { query, hits: query.trim() ? searchComments(this.comments(), query) : [], index: -1 };
    }
    const { hits } = this.search;
    if (!hits.length) return { total: 0, index: -1 };
    const next = step === 0 ? 0 : (this.search.index + step + hits.length) % hits.length;
    this.search.index = next;
    this.guard(() => this.view?.focus(hits[next]!));
    return { total: hits.length, index: next };
  }

  /** Tries a custom site rule on this page without changing it. */
  testRule(rule: Rule): RuleTestReply {
    try {
      const [adapter] = rulesAsAdapters([rule]);
      const options: Parameters<typeof detectSection>[1] = { item: adapter!.item };
      if (adapter!.fields) options.fields = adapter!.fields;
      const section = detectSection(this.doc, options);
      const comments = (section?.comments ?? []).slice(0, 5).map((c) => ({ author: c.author, time: c.time ? toIso(c.time) : null, text: c.text.slice(0, 160) }));
      return { matched: section?.comments.length ?? 0, comments };
    } catch (e) {
      return { matched: 0, comments: [], error: e instanceof Error ? e.message : String(e) };
    }
  }

  /** The comments as plain data (popup summaries, the background). */
  commentData(): { comments: CommentData[]; title: string } {
    return {
      comments: this.comments().map(({ id, author, time, title, text, parent }) => ({ id, author, time, title, text, parent })),
      title: this.analysis?.article?.title ?? '',
    };
  }

  /** Shows a comment: unfolds what hides it, scrolls to it, highlights it. */
  focus(id: string): void {
    this.guard(() => {
      if (this.view && !this.view.threaded) this.setThreaded(true);
      if (this.view) this.view.focus(id);
      // In the site's own threads: just bring it into view.
      else this.order.find((k) => k.view.id === id)?.element.scrollIntoView?.({ block: 'center' });
    });
  }

  /** The summary is made only when the reader asks for it, once per page state. */
  private getSummary(): Promise<SummaryReply> {
    this.summary ??= this.options.summarize(this.commentData().comments);
    return this.summary;
  }

  /**
   * The reader collapsed a thread: collapsed threads show their gist from the summary, asked for once the page is
   * idle (a default of "top level only" collapses during page load). Late comments ask again (see addLate).
   */
  private wantGists(): void {
    if (this.gists) return;
    this.gists = true;
    void idle()
      .then(() => (this.stopped ? null : this.getSummary()))
      .then(
        (s) => this.guard(() => s && this.view?.setGists(s.gists)),
        () => (this.summary = null), // gists are an extra: the counts stay
      );
  }

  private toggleSummary(): void {
    const bar = this.bar;
    if (!bar) return;
    if (bar.panelOpen) {
      bar.setPanel(null);
      return;
    }
    const authorOf = (id: string) => this.order.find((k) => k.view.id === id)?.view.author ?? id;
    this.panel ??= summaryPanel(this.doc, { ...this.options.panel, authorOf }, (id) => this.focus(id), () => bar.setPanel(null));
    const panel = this.panel;
    panel.loading();
    bar.setPanel(panel.element);
    this.getSummary().then(
      (s) => {
        panel.show(s);
        this.view?.setGists(s.gists);
      },
      () => {
        this.summary = null;
        panel.failed();
      },
    );
  }

  /** Fingerprints of the comments on the page (to remember them as seen). */
  fingerprints(): string[] {
    return this.order.map((k) => this.fingerprintOf(k));
  }

  /** fingerprint(), remembered per comment: thousands of them take long, and status() wants them every time. */
  private fingerprintOf(k: Known): string {
    const { author, time } = k.view;
    const text = k.input.text;
    const fp = k.fp;
    if (fp && fp.author === author && fp.time === time && fp.text === text) return fp.value;
    const value = fingerprint({ author, time, text });
    k.fp = { author, time, text, value };
    return value;
  }

  private comments(): Comment[] {
    return this.order.map((k) => ({
      id: k.view.id,
      author: k.view.author,
      time: k.view.time,
      title: k.input.title,
      text: k.input.text,
      parent: k.view.parent,
      evidence: k.view.evidence,
      confidence: 1,
      mentions: [],
    }));
  }

  private refilter(): void {
    if (!this.view) return;
    const active = !this.suspended && hasFilters(this.filters);
    this.filtered = active ? applyFilters(this.comments(), this.filters, this.options.seen) : null;
    const marks = new Map<string, Mark>();
    if (this.filtered) {
      this.order.forEach((k, i) => {
        const v = this.filtered!.verdicts[i]!;
        if (v.hidden || v.placeholder || v.highlighted) marks.set(k.view.id, v);
      });
    }
    this.view.setMarks(marks);
  }

  private mountMenu(dark?: boolean): void {
    if (this.menu || !this.analysis?.root || !this.view?.threaded) return;
    const root = this.analysis.root;
    this.menu = mountCommentMenu(
      root,
      (target) => {
        for (let el: Element | null = target; el && el !== root; el = el.parentElement) {
          const k = this.known.get(el);
          if (k) return k.view.author ? { element: el, author: k.view.author } : null;
        }
        return null;
      },
      this.options.menu,
      { mute: (a) => this.options.onAuthor('mute', a), highlight: (a) => this.options.onAuthor('highlight', a) },
      dark ?? pageTheme(root) === 'dark',
    );
  }

  private unmountMenu(): void {
    this.menu?.destroy();
    this.menu = null;
  }
  collapseAll(): void {
    this.guard(() => this.view?.collapseAll());
  }
  expandAll(): void {
    this.guard(() => this.view?.expandAll());
  }
  topLevelOnly(): void {
    this.guard(() => this.view?.topLevelOnly());
  }

  /** Puts the page back as it was and stops watching it. */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    try {
      this.unmountMenu();
      this.view?.destroy();
      this.bar?.remove();
    } catch (e) {
      console.warn('Rethread: could not restore the page', e);
    }
    this.view = null;
    this.bar = null;
  }

  private guard(action: () => void): void {
    try {
      action();
      this.refreshBar();
    } catch (e) {
      this.fail(e);
    }
    this.emit();
  }

  private fail(e: unknown): void {
    this.state = 'error';
    this.error = e instanceof Error ? e.message : String(e);
    console.warn('Rethread:', e);
  }

  private emit(): void {
    try {
      this.options.onStatus(this.status());
    } catch {
      // The listener (messaging) may be gone when the extension reloads: never the page's problem.
    }
  }

  private mount(analysis: PageAnalysis): void {
    // Read before the view's first writes: read after them, computed style would be recalculated for the page.
    const dark = pageTheme(analysis.root!) === 'dark';
    this.remember(analysis);
    this.view = mountThreads(analysis.root!, this.order.map((k) => k.view), {
      labels: this.options.view,
      schedule: (work) => void nextTask().then(() => !this.stopped && work()),
      onCollapse: () => this.wantGists(),
    });
    // In the same task: the reader who keeps the original order never sees the view begin.
    if (!this.options.threaded) this.view.setThreaded(false);
    this.dark = dark;
  }

  /** The analysed comments as this session knows them (for the view, filters, summaries and late comments). */
  private remember(analysis: PageAnalysis): void {
    const rankOf = chronologicalRanks(analysis);
    analysis.comments.forEach((c, i) => {
      const element = analysis.elements[i]!;
      const known: Known = {
        element,
        input: inputOf(analysis, i),
        view: { element, id: c.id, parent: c.parent, evidence: c.evidence, author: c.author, time: c.time, rank: rankOf[i]! },
      };
      this.known.set(element, known);
      this.order.push(known);
    });
    this.unresolved = countUnresolved(analysis);
  }

  /** Filters, the in-page menu and the bar, once the view is mounted. */
  private mountControls(analysis: PageAnalysis): void {
    const dark = this.dark ?? undefined;
    this.refilter();
    if (this.options.threaded) this.mountMenu(dark);
    this.mountBar(analysis.root!, dark);
  }

  private mountBar(root: Element, dark = pageTheme(root) === 'dark'): void {
    this.bar = mountBar(
      root,
      this.options.bar,
      {
        collapseAll: () => this.collapseAll(),
        expandAll: () => this.expandAll(),
        topLevelOnly: () => this.topLevelOnly(),
        setThreaded: (on) => this.setThreaded(on),
        summary: () => this.toggleSummary(),
      },
      dark,
      panelCss(dark),
    );
    this.refreshBar();
  }

  private refreshBar(): void {
    if (!this.bar) return;
    if (this.view) this.bar.update({ stats: this.view.stats(), threaded: this.view.threaded });
    // The site shows its own threads: counts only, no view to switch.
    else this.bar.update({ stats: this.siteStats(), threaded: true, viewControls: false });
  }

  /** Counts of comments the site shows in its own threads (no view). */
  private siteStats(): ThreadStats {
    return threadStats(this.order.map((k) => k.view));
  }


  /** Comments that arrive later (lazy loading, "load more", infinite scroll) join the threads. */
  private watch(): void {
    const root = this.analysis?.root;
    if (!root || !this.view || typeof MutationObserver === 'undefined') return;
    const signature = signatureOf(this.analysis!.elements[0]!);
    this.observer = new MutationObserver((records) => {
      if (this.pending || this.stopped) return;
      // (Plain loops: the view's own moves bring thousands of records.)
      let added = false;
      for (let i = 0; i < records.length && !added; i++) {
        const nodes = records[i]!.addedNodes;
        for (let j = 0; j < nodes.length && !added; j++) {
          const n = nodes[j]!;
          added = n.nodeType === 1 && !this.known.has(n as Element) && !(n as Element).tagName.startsWith('RETHREAD');
        }
      }
      if (!added) return;
      this.pending = true;
      // Let the page finish its own batch of insertions first.
      setTimeout(() => {
        this.pending = false;
        this.guard(() => void this.absorb(root, signature).catch((e) => this.fail(e)));
      }, 150);
    });
    this.observer.observe(root, { childList: true, subtree: true });
  }

  private async absorb(root: Element, signature: string | null): Promise<void> {
    performance.mark?.('rethread:absorb');
    const fresh: Element[] = [];
    for (const el of root.querySelectorAll('*')) {
      if (this.known.has(el) || el.tagName.startsWith('RETHREAD')) continue;
      if (signature && signatureOf(el) === signature && !fresh.some((f) => f.contains(el))) fresh.push(el);
    }
    if (!fresh.length || !this.view) return;
    // Read only the new comments; the markup may nest them in known ones.
    const items = new Set([...this.known.keys(), ...fresh]);
    const isNested = (el: Element) => items.has(el);
    const docOrder = [...items].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    const markup = markupParents(docOrder, root);
    const indexInOrder = new Map(docOrder.map((el, i) => [el, i]));
    const base = this.order.length;
    const added: Known[] = fresh.map((element, k) => {
      const rc = readComment(element, isNested, { time: { now: this.options.now } });
      const m = markup[indexInOrder.get(element)!]!;
      return {
        element,
        parentEl: m.parent == null ? null : docOrder[m.parent]!,
        input: {
          author: rc.author,
          when: rc.time ? timeValue(rc.time) : null,
          parts: rc.time,
          title: rc.title,
          text: rc.text,
          quotes: rc.quotes,
          markupParent: null,
          markupConfidence: m.confidence,
          host: rc.host,
          seq: null,
        },
        view: { element, id: `c${base + k}`, parent: null, evidence: 'none', author: rc.author, time: rc.time ? toIso(rc.time) : null, rank: base + k },
      };
    });
    // Thread the new comments against everything known (plain data, in slices); earlier comments keep theirs.
    const all = [...this.order, ...added];
    const position = new Map(all.map((k, i) => [k.element, i]));
    const inputs = all.map((k, i) => {
      if (i < base) return k.input;
      const p = k.parentEl ? position.get(k.parentEl) ?? null : null;
      return { ...k.input, markupParent: p != null && p < i ? p : null };
    });
    const { value: result } = await runSliced(threadSteps(inputs, { time: { now: this.options.now } }), SLICE_MS);
    if (this.stopped || !this.view) return;
    added.forEach((k, j) => {
      const link = result.links[base + j]!;
      k.view.parent = link.parent == null ? null : all[link.parent]!.view.id;
      k.view.evidence = link.evidence;
      k.input = inputs[base + j]!;
      this.known.set(k.element, k);
      this.order.push(k);
    });
    this.view.add(added.map((k) => k.view));
    this.summary = null;
    if (this.gists) {
      this.gists = false;
      this.wantGists();
    }
    this.refilter();
    this.refreshBar();
    this.emit();
  }
}

function inputOf(analysis: PageAnalysis, i: number): ThreadInput {
  const c = analysis.comments[i]!;
  const parentIndex = c.parent == null ? null : Number(c.parent.slice(1));
  const parts = c.time ? parseIso(c.time) : null;
  return {
    author: c.author,
    when: parts ? timeValue(parts) : null,
    parts,
    title: c.title,
    text: c.text,
    quotes: [],
    markupParent: c.evidence === 'markup' ? parentIndex : null,
    markupConfidence: c.evidence === 'markup' ? c.confidence : 0,
    host: false,
    seq: null,
  };
}

function parseIso(iso: string): { year: number; month: number; day: number; hour?: number; minute?: number } {
  const [y, mo, d, h, mi] = iso.split(/[-T:]/).map(Number);
  const parts: { year: number; month: number; day: number; hour?: number; minute?: number } = { year: y!, month: mo!, day: d! };
  if (h != null && !Number.isNaN(h)) parts.hour = h;
  if (mi != null && !Number.isNaN(mi)) parts.minute = mi;
  return parts;
}

/** Ranks by time where shown, else by position in the list (oldest first unless the list runs newest first). */
function chronologicalRanks(analysis: PageAnalysis): number[] {
  const n = analysis.comments.length;
  const keys = analysis.comments.map((c, i) => ({ i, t: c.time ?? null }));
  const newestFirst = analysis.order === 'newest-first';
  keys.sort((a, b) => {
    if (a.t && b.t && a.t !== b.t) return a.t < b.t ? -1 : 1;
    return newestFirst ? b.i - a.i : a.i - b.i;
  });
  const rank = new Array<number>(n);
  keys.forEach((k, r) => (rank[k.i] = r));
  return rank;
}

function countUnresolved(analysis: PageAnalysis): number {
  return analysis.comments.filter((c) => c.mentions.length && !c.parent).length;
}
