// One small "⋯" menu for the comment under the pointer or in focus: "Mute author", "Highlight author". A single
// element moves from comment to comment, so thousands of comments cost nothing; it lives in a shadow root like
// the other controls and sits just before the comment's element, overlaying its top corner.

export interface MenuLabels {
  open: string;
  mute(author: string): string;
  highlight(author: string): string;
}

export interface CommentMenu {
  destroy(): void;
}

/**
 * Follows pointer and focus inside `root`; `authorOf(el)` says whose comment an element (or its ancestor) is,
 * and returns the comment's element too.
 */
export function mountCommentMenu(
  root: Element,
  authorOf: (target: Element) => { element: Element; author: string } | null,
  labels: MenuLabels,
  actions: { mute(author: string): void; highlight(author: string): void },
  dark: boolean,
): CommentMenu {
  const doc = root.ownerDocument;
  const host = doc.createElement('rethread-menu');
  const shadow = host.attachShadow({ mode: 'open' });
  const fg = dark ? '#e8eaed' : '#1f2328';
  const bg = dark ? '#2d2e31' : '#ffffff';
  const line = dark ? '#5f6368' : '#d0d7de';
  const style = doc.createElement('style');
  style.textContent = `
  :host { all: initial; display: block; position: relative; height: 0; z-index: 2147483000; font: 12px/1.4 system-ui, sans-serif; }
  .anchor { position: absolute; inset-inline-end: 0; top: 2px; }
  button { font: inherit; color: ${fg}; background: ${bg}; border: 1px solid ${line}; border-radius: 6px; padding: 0 6px; cursor: pointer; opacity: .75; }
  button:hover, button:focus-visible { opacity: 1; outline: none; border-color: ${fg}; }
  ul { list-style: none; margin: 2px 0 0; padding: 4px; background: ${bg}; border: 1px solid ${line}; border-radius: 8px;
       position: absolute; inset-inline-end: 0; box-shadow: 0 4px 14px rgba(0,0,0,.18); white-space: nowrap; }
  ul[hidden] { display: none; }
  li button { display: block; width: 100%; text-align: start; border: 0; opacity: 1; padding: 4px 8px; }
  li button:hover, li button:focus-visible { background: ${dark ? '#3c4043' : '#eef1f4'}; }`;
  const anchor = doc.createElement('div');
  anchor.className = 'anchor';
  const open = doc.createElement('button');
  open.type = 'button';
  open.textContent = '⋯';
  open.setAttribute('aria-haspopup', 'menu');
  open.setAttribute('aria-label', labels.open);
  const list = doc.createElement('ul');
  list.setAttribute('role', 'menu');
  list.hidden = true;
  const item = (onClick: () => void) => {
    const li = doc.createElement('li');
    const b = doc.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'menuitem');
    b.addEventListener('click', () => {
      onClick();
      close();
    });
    li.append(b);
    list.append(li);
    return b;
  };
  let current: { element: Element; author: string } | null = null;
  const mute = item(() => current && actions.mute(current.author));
  const highlight = item(() => current && actions.highlight(current.author));
  anchor.append(open, list);
  shadow.append(style, anchor);

  const close = () => {
    list.hidden = true;
    open.setAttribute('aria-expanded', 'false');
  };
  open.addEventListener('click', () => {
    const show = list.hidden;
    list.hidden = !show;
    open.setAttribute('aria-expanded', String(show));
    if (show) mute.focus();
  });
  shadow.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape') {
      close();
      open.focus();
    }
  });

  const follow = (e: Event) => {
    const target = e.target as Element | null;
    if (!target || target === host || host.contains(target)) return;
    const found = authorOf(target);
    if (!found || found.element === current?.element) return;
    current = found;
    close();
    mute.textContent = labels.mute(found.author);
    highlight.textContent = labels.highlight(found.author);
    found.element.before(host);
  };
  root.addEventListener('mouseover', follow);
  root.addEventListener('focusin', follow);

  return {
    destroy() {
      root.removeEventListener('mouseover', follow);
      root.removeEventListener('focusin', follow);
      host.remove();
    },
  };
}
