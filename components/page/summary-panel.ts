// The summary panel that opens under the Rethread bar: the discussion at a glance, its key points and key
// terms, each point leading to the comment it comes from. Plain DOM inside the bar's shadow root, built from
// text only (textContent, never HTML), so nothing a commenter wrote can become markup.
import type { SummaryReply } from '@/lib/messages';

export interface PanelLabels {
  title: string;
  loading: string;
  failed: string;
  glance(s: SummaryReply): string;
  activeAuthors: string;
  keyPoints: string;
  support(n: number): string;
  terms: string;
  longestThreads: string;
  mostReplied: string;
  replies(n: number): string;
  authorOf(id: string): string;
  close: string;
}

export interface Panel {
  element: HTMLElement;
  loading(): void;
  failed(): void;
  show(summary: SummaryReply): void;
}

export function summaryPanel(doc: Document, labels: PanelLabels, onComment: (id: string) => void, onClose: () => void): Panel {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', text = ''): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  };
  const panel = el('section', 'panel');
  panel.setAttribute('aria-label', labels.title);
  const head = el('div', 'panel-head');
  const heading = el('h2', '', labels.title);
  const close = el('button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', labels.close);
  close.addEventListener('click', onClose);
  head.append(heading, close);
  const body = el('div', 'panel-body');
  body.setAttribute('aria-live', 'polite');
  panel.append(head, body);

  const link = (id: string, text: string) => {
    const a = el('button', 'link', text);
    a.type = 'button';
    a.addEventListener('click', () => onComment(id));
    return a;
  };
  const section = (title: string, ...content: Node[]) => {
    const s = el('div', 'part');
    s.append(el('h3', '', title), ...content);
    return s;
  };

  return {
    element: panel,
    loading() {
      body.replaceChildren(el('p', 'muted', labels.loading));
    },
    failed() {
      body.replaceChildren(el('p', 'muted', labels.failed));
    },
    show(s) {
      const parts: Node[] = [el('p', 'glance', labels.glance(s))];
      if (s.keyPoints.length) {
        const list = el('ol', 'points');
        for (const point of s.keyPoints) {
          const li = el('li');
          const quote = el('q', '', point.text);
          const meta = el('span', 'meta');
          meta.append(link(point.support[0]!, labels.authorOf(point.support[0]!)));
          if (point.support.length > 1) meta.append(el('span', 'muted', ` · ${labels.support(point.support.length)}`));
          li.append(quote, meta);
          list.append(li);
        }
        parts.push(section(labels.keyPoints, list));
      }
      if (s.terms.length) {
        const terms = el('p', 'terms');
        for (const term of s.terms) terms.append(el('span', 'term', term));
        parts.push(section(labels.terms, terms));
      }
      const links = (items: { id: string; text: string }[]) => {
        const p = el('p', 'links');
        items.forEach((item, i) => {
          if (i) p.append(doc.createTextNode(' · '));
          p.append(link(item.id, item.text));
        });
        return p;
      };
      if (s.longestThreads.length) {
        parts.push(section(labels.longestThreads, links(s.longestThreads.map((t) => ({ id: t.id, text: `${labels.authorOf(t.id)} (${t.size})` })))));
      }
      if (s.mostReplied.length) {
        parts.push(section(labels.mostReplied, links(s.mostReplied.map((t) => ({ id: t.id, text: `${labels.authorOf(t.id)}: ${labels.replies(t.replies)}` })))));
      }
      if (s.activeAuthors.length) {
        parts.push(section(labels.activeAuthors, el('p', '', s.activeAuthors.map((a) => `${a.author} (${a.comments})`).join(', '))));
      }
      body.replaceChildren(...parts);
    },
  };
}

export function panelCss(dark: boolean): string {
  const muted = dark ? '#9aa0a6' : '#59636e';
  const line = dark ? '#3c4043' : '#d0d7de';
  const accent = dark ? '#8ab4f8' : '#3b5bdb';
  const chip = dark ? '#303134' : '#eef1f4';
  return `
  .panel { margin-top: 6px; padding: 8px 12px 10px; border: 1px solid ${line}; border-radius: 8px; max-height: 60vh; overflow: auto; }
  .panel[hidden] { display: none; }
  .panel-head { display: flex; justify-content: space-between; align-items: center; }
  h2 { font-size: 14px; margin: 0; } h3 { font-size: 12px; margin: 10px 0 4px; text-transform: uppercase; letter-spacing: .04em; color: ${muted}; }
  .close { border: 0; font-size: 18px; line-height: 1; padding: 0 4px; }
  .glance { margin: 6px 0 0; }
  .points { margin: 0; padding-inline-start: 20px; } .points li { margin: 4px 0; }
  q { quotes: "“" "”"; } .meta { display: block; font-size: 12px; color: ${muted}; }
  .link { border: 0; padding: 0; color: ${accent}; text-decoration: underline; cursor: pointer; font: inherit; background: none; }
  .terms { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; } .term { background: ${chip}; border-radius: 999px; padding: 1px 8px; font-size: 12px; }
  .muted { color: ${muted}; } .links, .part p { margin: 0; }`;
}
