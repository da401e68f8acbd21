// Looks and colour for the in-page thread view. The view lives inside pages we do not control, so it reads the
// page's background once (before any write, so no forced style recalculation between our DOM writes) and picks a
// light or dark palette, and every rule targets only our own custom elements or our own data attributes: page
// CSS must not break us, and our CSS must not restyle the site. Fonts are inherited so the view reads as part of
// the page.

export type Theme = 'light' | 'dark';

interface Palette {
  line: string;
  lineHover: string;
  chipBg: string;
  chipBgHover: string;
  chipFg: string;
  toggleFg: string;
  toggleBgHover: string;
  focus: string;
  highlight: string;
  highlightBg: string;
}

const PALETTES: Record<Theme, Palette> = {
  light: {
    line: 'rgba(0, 0, 0, 0.13)',
    lineHover: 'rgba(0, 0, 0, 0.32)',
    chipBg: 'rgba(0, 0, 0, 0.05)',
    chipBgHover: 'rgba(0, 0, 0, 0.1)',
    chipFg: 'rgba(0, 0, 0, 0.66)',
    toggleFg: 'rgba(0, 0, 0, 0.7)',
    toggleBgHover: 'rgba(0, 0, 0, 0.06)',
    focus: '#1a63d6',
    highlight: 'rgba(255, 183, 0, 0.85)',
    highlightBg: 'rgba(255, 214, 102, 0.35)',
  },
  dark: {
    line: 'rgba(255, 255, 255, 0.18)',
    lineHover: 'rgba(255, 255, 255, 0.4)',
    chipBg: 'rgba(255, 255, 255, 0.08)',
    chipBgHover: 'rgba(255, 255, 255, 0.15)',
    chipFg: 'rgba(255, 255, 255, 0.75)',
    toggleFg: 'rgba(255, 255, 255, 0.78)',
    toggleBgHover: 'rgba(255, 255, 255, 0.09)',
    focus: '#8ab4f8',
    highlight: 'rgba(255, 204, 77, 0.9)',
    highlightBg: 'rgba(255, 204, 77, 0.18)',
  },
};

/** [r, g, b, alpha] of a computed colour, or null where it is a form we do not read (named, color(), lab()...). */
export function parseColor(value: string): [number, number, number, number] | null {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'transparent') return [0, 0, 0, 0];
  const hex = v.match(/^#([0-9a-f]{3,8})$/);
  if (hex) {
    let h = hex[1]!;
    if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
    if (h.length !== 6 && h.length !== 8) return null;
    const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), h.length === 8 ? n(6) / 255 : 1];
  }
  const fn = v.match(/^rgba?\(([^)]*)\)$/);
  if (fn) {
    const parts = fn[1]!.split(/[\s,/]+/).filter(Boolean);
    if (parts.length < 3) return null;
    const channel = (p: string) => (p.endsWith('%') ? (parseFloat(p) * 255) / 100 : parseFloat(p));
    const alpha = parts[3] == null ? 1 : parts[3].endsWith('%') ? parseFloat(parts[3]) / 100 : parseFloat(parts[3]);
    const rgb = parts.slice(0, 3).map(channel);
    if (rgb.some(Number.isNaN) || Number.isNaN(alpha)) return null;
    return [rgb[0]!, rgb[1]!, rgb[2]!, alpha];
  }
  return null;
}

/**
 * The theme of the background behind `root`: the first ancestor (root included) with a visible background colour
 * decides; a page that paints none is light. Only reads computed style, once per mount.
 */
export function pageTheme(root: Element): Theme {
  const view = root.ownerDocument.defaultView;
  if (!view) return 'light';
  for (let el: Element | null = root; el; el = el.parentElement) {
    const rgba = parseColor(view.getComputedStyle(el).backgroundColor || '');
    if (!rgba) return 'light';
    if (rgba[3] < 0.5) continue;
    const [r, g, b] = rgba.map((c) => c / 255) as [number, number, number];
    const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    return luminance < 0.2 ? 'dark' : 'light';
  }
  return 'light';
}

/** Tag names of our own elements (autonomous custom element names; never registered, see threads.ts). */
export const TAG = {
  group: 'rethread-replies',
  toggle: 'rethread-toggle',
  chip: 'rethread-chip',
  fold: 'rethread-fold',
} as const;

/** Data attributes we put on the site's comment elements. */
export const ATTR = {
  item: 'data-rethread-item',
  highlight: 'data-rethread-highlight',
  /** hidden | folded | highlight: what the reader's filters do to the comment. */
  filter: 'data-rethread-filter',
  /** On the comment section while a long first layout runs: the browser skips rendering it until the end. */
  building: 'data-rethread-building',
} as const;

/** Time the highlight of a jumped-to comment stays, in ms (the animation runs as long). */
export const HIGHLIGHT_MS = 1500;

/**
 * The one document-level stylesheet: groups, thread lines, focus ring and highlight on the site's items. A group
 * starts its own list-item count: replies moved out of the site's nested lists must not push up the numbers a site
 * shows on its top-level <ol> items (1, 10, 12, ... instead of 1, 2, 3).
 */
export function documentCss(theme: Theme): string {
  const p = PALETTES[theme];
  const item = `[${ATTR.item}]`;
  return `
${TAG.group}{display:block!important;box-sizing:border-box!important;margin:0!important;margin-inline-start:.6em!important;padding:0!important;padding-inline-start:1.1em!important;border:0!important;border-inline-start:2px solid ${p.line}!important;list-style:none!important;counter-reset:list-item!important;float:none!important;width:auto!important}
${TAG.group}:hover{border-inline-start-color:${p.lineHover}!important}
${TAG.group}[hidden]{display:none!important}
${TAG.toggle},${TAG.chip}{display:block!important;box-sizing:border-box!important;float:none!important;position:static!important;margin:.15em 0!important;padding:0!important;border:0!important;background:none!important;list-style:none!important}
${item}:focus-visible{outline:2px solid ${p.focus}!important;outline-offset:2px!important}
${item}[${ATTR.filter}="hidden"],${item}[${ATTR.filter}="folded"]{display:none!important}
${item}[${ATTR.filter}="highlight"]{box-shadow:inset 3px 0 0 ${p.focus}!important;background-color:${p.highlightBg}!important}
${TAG.fold}{display:block!important;margin:.15em 0!important;padding:0!important;border:0!important;background:none!important}
${TAG.fold}[hidden]{display:none!important}
${item}[${ATTR.highlight}]{animation:rethread-flash ${HIGHLIGHT_MS}ms ease-out!important}
@keyframes rethread-flash{from{box-shadow:0 0 0 3px ${p.highlight};background-color:${p.highlightBg}}}
@media (prefers-reduced-motion:reduce){${item}[${ATTR.highlight}]{animation:none!important;outline:3px solid ${p.highlight}!important;outline-offset:2px!important}}
`.trim();
}

/**
 * While many batches rebuild the section, its contents are not rendered (content-visibility: hidden): otherwise every
 * frame between two batches lays out the whole, changing, section again (seconds for thousands of comments); this
 * way the browser lays it out once, at the end. The section keeps its size meanwhile, so the page does not move.
 * `id` tells this view's section apart from another view's.
 */
export function buildingCss(id: string, width: number, height: number): string {
  return `[${ATTR.building}="${id}"]{content-visibility:hidden!important;contain-intrinsic-size:${Math.round(width)}px ${Math.round(height)}px!important}`;
}

/**
 * The stylesheet inside each toggle's and chip's shadow root. `all: unset` keeps inherited page styles
 * (text-transform, letter-spacing, colours of the comment meta line) off our buttons; the font family is inherited
 * on purpose.
 */
export function shadowCss(theme: Theme): string {
  const p = PALETTES[theme];
  return `
:host{display:block}
button{all:unset;box-sizing:border-box;display:inline-flex;align-items:center;gap:.4em;font-family:inherit;font-size:.82em;font-weight:600;font-style:normal;line-height:1.6;letter-spacing:normal;text-transform:none;text-decoration:none;white-space:nowrap;cursor:pointer;border-radius:999px;padding:.05em .7em;-webkit-user-select:none;user-select:none}
button:focus-visible{outline:2px solid ${p.focus};outline-offset:1px}
.toggle{color:${p.toggleFg};padding-inline-start:.45em}
.toggle:hover{background:${p.toggleBgHover}}
.toggle::before{content:"";display:inline-block;width:0;height:0;border-style:solid;border-width:.32em 0 .32em .5em;border-color:transparent transparent transparent currentColor;transition:transform .12s ease-out}
.toggle[aria-expanded="true"]::before{transform:rotate(90deg)}
.toggle.gist{display:block;max-width:100%;overflow:hidden;text-overflow:ellipsis;font-weight:500}
.toggle.gist::before{margin-inline-end:.4em;vertical-align:.05em}
.fold{color:${p.chipFg};font-weight:400;font-style:italic}
.chip{color:${p.chipFg};background:${p.chipBg};font-weight:500;max-width:100%;overflow:hidden;text-overflow:ellipsis}
.chip:hover{background:${p.chipBgHover}}
@media (prefers-reduced-motion:reduce){.toggle::before{transition:none}}
`.trim();
}
