// The small Rethread bar above a comment section: what was found, and the view controls. Plain DOM in a
// shadow root (page CSS cannot reach it, ours cannot leak): the content script must stay small, and a
// framework would be most of its size for six buttons. Every visible string comes in through `labels`.

export interface BarStats {
  comments: number;
  threads: number;
  linked: number;
}

export interface BarLabels {
  region: string;
  counts: (stats: BarStats) => string;
  collapseAll: string;
  expandAll: string;
  topLevelOnly: string;
  threaded: string;
  original: string;
  summary: string;
}

export interface BarState {
  stats: BarStats;
  threaded: boolean;
  /** false where the site shows its own threads and there is no view to fold or switch (default true). */
  viewControls?: boolean;
}

export interface BarActions {
  collapseAll(): void;
  expandAll(): void;
  topLevelOnly(): void;
  setThreaded(threaded: boolean): void;
  /** Opens or closes the summary panel. */
  summary(): void;
}

export interface Bar {
  host: HTMLElement;
  update(state: BarState): void;
  /** Shows an element (the summary panel) under the bar, or hides it (null). */
  setPanel(panel: HTMLElement | null): void;
  readonly panelOpen: boolean;
  remove(): void;
}

/** Inserts the bar before `anchor` and returns a handle to update or remove it. */
export function mountBar(anchor: Element, labels: BarLabels, actions: BarActions, dark: boolean, extraCss = ''): Bar {
  const doc = anchor.ownerDocument;
  const host = doc.createElement('rethread-bar');
  const shadow = host.attachShadow({ mode: 'open' });
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text = ''): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    node.className = cls;
    node.textContent = text;
    return node;
  };
  const style = doc.createElement('style');
  style.textContent = barCss(dark) + extraCss;
  const bar = el('div', 'bar');
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', labels.region);
  const summaryText = el('span', 'summary');
  summaryText.setAttribute('aria-live', 'polite');
  const button = (text: string, onClick: () => void) => {
    const b = el('button', '', text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  };
  const collapse = button(labels.collapseAll, () => actions.collapseAll());
  const expand = button(labels.expandAll, () => actions.expandAll());
  const top = button(labels.topLevelOnly, () => actions.topLevelOnly());
  const summary = button(labels.summary, () => actions.summary());
  summary.setAttribute('aria-expanded', 'false');
  const threaded = button(labels.threaded, () => actions.setThreaded(true));
  const original = button(labels.original, () => actions.setThreaded(false));
  const switcher = el('span', 'switch');
  switcher.setAttribute('role', 'radiogroup');
  for (const b of [threaded, original]) b.setAttribute('role', 'radio');
  const brand = el('span', 'brand', '⤷ Rethread');
  brand.setAttribute('aria-hidden', 'true');
  const actionsEl = el('span', 'actions');
  actionsEl.append(collapse, expand, top, summary);
  switcher.append(threaded, original);
  bar.append(brand, summaryText, actionsEl, switcher);
  const slot = el('div', 'slot');
  shadow.append(style, bar, slot);
  anchor.before(host);
  let panelOpen = false;

  return {
    host,
    update(state) {
      summaryText.textContent = labels.counts(state.stats);
      // Nothing to fold without replies: the buttons say so instead of doing nothing.
      for (const b of [collapse, expand, top]) b.disabled = !state.threaded || state.stats.threads === 0;
      const controls = state.viewControls ?? true;
      for (const b of [collapse, expand, top]) b.hidden = !controls;
      switcher.hidden = !controls;
      threaded.setAttribute('aria-checked', String(state.threaded));
      original.setAttribute('aria-checked', String(!state.threaded));
    },
    setPanel(panel) {
      slot.replaceChildren(...(panel ? [panel] : []));
      panelOpen = panel != null;
      summary.setAttribute('aria-expanded', String(panelOpen));
    },
    get panelOpen() {
      return panelOpen;
    },
    remove() {
      host.remove();
    },
  };
}

/** The bar's styles, scoped by its shadow root; colours follow the page (light or dark). */
export function barCss(dark: boolean): string {
  const fg = dark ? '#e8eaed' : '#1f2328';
  const muted = dark ? '#9aa0a6' : '#59636e';
  const line = dark ? '#3c4043' : '#d0d7de';
  const bg = dark ? '#202124' : '#f6f8fa';
  const accent = dark ? '#8ab4f8' : '#3b5bdb';
  return `
  :host { all: initial; display: block; margin: 0 0 12px; font: 13px/1.4 system-ui, sans-serif; color: ${fg}; }
  .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 12px; padding: 6px 10px; border: 1px solid ${line};
         border-radius: 8px; background: ${bg}; }
  .brand { font-weight: 600; color: ${accent}; }
  .summary { color: ${muted}; flex: 1 1 auto; }
  .actions, .switch { display: inline-flex; gap: 4px; }
  [hidden] { display: none !important; }
  button { font: inherit; color: inherit; background: transparent; border: 1px solid ${line}; border-radius: 6px;
           padding: 2px 8px; cursor: pointer; }
  button:hover:not(:disabled) { border-color: ${accent}; }
  button:disabled { opacity: .45; cursor: default; }
  button:focus-visible { outline: 2px solid ${accent}; outline-offset: 1px; }
  .switch button[aria-checked="true"] { background: ${accent}; border-color: ${accent}; color: ${dark ? '#202124' : '#fff'}; }
  @media (prefers-reduced-motion: no-preference) { button { transition: border-color .15s; } }`;
}
