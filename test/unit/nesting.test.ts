import { describe, it, expect } from 'vitest';
import { parseHTML } from 'linkedom';
import { markupParents, type MarkupLink, type NestingHints } from '../../lib/nesting';

function doc(body: string): Document {
  return parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
}

function links(html: string, itemSelector: string, rootSelector: string, hints?: NestingHints): MarkupLink[] {
  const d = doc(html);
  const root = d.querySelector(rootSelector);
  if (!root) throw new Error(`no ${rootSelector}`);
  const out = markupParents([...d.querySelectorAll(itemSelector)], root, hints);
  // A parent is always an earlier element.
  out.forEach((l, i) => {
    if (l.parent != null) expect(l.parent).toBeLessThan(i);
  });
  return out;
}

const parents = (ls: MarkupLink[]) => ls.map((l) => l.parent);

describe('nesting in the markup', () => {
  it('WordPress ol.children inside the parent li', () => {
    const ls = links(
      `<ol class="commentlist">
<li class="comment" id="comment-1"><article class="comment-body">A</article>
  <ol class="children"><li class="comment" id="comment-2"><article class="comment-body">B</article>
     <ol class="children"><li class="comment" id="comment-3"><article class="comment-body">C</article></li></ol></li>
   <li class="comment" id="comment-4"><article class="comment-body">D</article></li></ol></li>
<li class="comment" id="comment-5"><article class="comment-body">E</article></li></ol>`,
      'li.comment',
      'ol.commentlist',
    );
    expect(parents(ls)).toEqual([null, 0, 1, 0, null]);
    expect(ls[1]!.confidence).toBeGreaterThan(0.9);
    expect(ls[0]!.confidence).toBe(0);
  });

  it('Drupal div.indented right after the parent, with a#comment-N anchors in between', () => {
    const ls = links(
      `<div id="comments">
<a id="comment-11"></a><div class="comment">A</div>
<div class="indented"><a id="comment-12"></a><div class="comment">B</div>
  <div class="indented"><a id="comment-13"></a><div class="comment">C</div></div>
</div>
<a id="comment-14"></a><div class="comment">D</div>
<div class="indented"><a id="comment-15"></a><div class="comment">E</div><a id="comment-16"></a><div class="comment">F</div></div></div>`,
      'div.comment',
      '#comments',
    );
    expect(parents(ls)).toEqual([null, 0, 1, null, 3, 3]);
  });

  it('ul.children placed as the next sibling of its parent li (monsterdealz style)', () => {
    const ls = links(
      `<ul class="comments">
<li class="comment">A</li><ul class="children"><li class="comment">B</li><li class="comment">C</li></ul>
<li class="comment">D</li></ul>`,
      'li.comment',
      'ul.comments',
    );
    expect(parents(ls)).toEqual([null, 0, 0, null]);
  });

  it('a container after a non-comment element is not a reply container', () => {
    const ls = links(
      '<div class="comments"><div class="comment">A</div><div class="ad">Anzeige</div><div class="replies"><div class="comment">B</div></div></div>',
      'div.comment',
      'div.comments',
    );
    expect(parents(ls)).toEqual([null, null]);
  });
});

describe('depth on flat lists', () => {
  it('class depth-N', () => {
    const ls = links(
      `<div class="comments"><div class="comment depth-1">A</div><div class="comment depth-2">B</div><div class="comment depth-3">C</div>
<div class="comment depth-2">D</div><div class="comment depth-1">E</div><div class="comment depth-2">F</div></div>`,
      'div.comment',
      'div.comments',
    );
    expect(parents(ls)).toEqual([null, 0, 1, 0, null, 4]);
    expect(ls[1]!.confidence).toBeGreaterThan(0.5);
  });

  it('a depth that skips a level attaches to nothing', () => {
    const ls = links('<div class="comments"><div class="comment depth-1">A</div><div class="comment depth-3">B</div></div>', 'div.comment', 'div.comments');
    expect(parents(ls)).toEqual([null, null]);
  });

  it('aria-level', () => {
    const ls = links(
      '<div class="comments"><div class="comment" aria-level="1">A</div><div class="comment" aria-level="2">B</div><div class="comment" aria-level="2">C</div></div>',
      'div.comment',
      'div.comments',
    );
    expect(parents(ls)).toEqual([null, 0, 0]);
  });

  const hn = (indents: number[]) =>
    `<table class="comment-tree"><tbody>${indents
      .map(
        (n, i) =>
          `<tr class="athing comtr" id="${100 + i}"><td><table><tbody><tr><td class="ind" indent="${n}"><img src="s.gif" height="1" width="${n * 40}"></td><td class="default"><span class="commtext">Text ${i}</span></td></tr></tbody></table></td></tr>`,
      )
      .join('')}</tbody></table>`;

  it('Hacker News rows with a DepthRule {selector: "td.ind", attribute: "indent"}', () => {
    const ls = links(hn([0, 1, 2, 0, 1, 1, 2]), 'tr.comtr', 'table.comment-tree', { depth: { selector: 'td.ind', attribute: 'indent' } });
    expect(parents(ls)).toEqual([null, 0, 1, null, 3, 3, 5]);
  });

  it('a DepthRule with a pixel step', () => {
    const ls = links(
      '<div class="comments"><div class="comment" style="margin-left:0px">A</div><div class="comment" style="margin-left:40px">B</div><div class="comment" style="margin-left:80px">C</div></div>',
      'div.comment',
      'div.comments',
      { depth: { selector: ':scope', attribute: 'style', pattern: 'margin-left:\\s*(\\d+)px', step: 40 } },
    );
    expect(parents(ls)).toEqual([null, 0, 1]);
  });

  it('a DepthRule on text with a base ("level 1")', () => {
    const ls = links(
      '<div class="comments"><div class="comment"><span class="lvl">level 1</span>A</div><div class="comment"><span class="lvl">level 2</span>B</div></div>',
      'div.comment',
      'div.comments',
      { depth: { selector: 'span.lvl', base: 1 } },
    );
    expect(parents(ls)).toEqual([null, 0]);
  });

  it('margin-left indents without a rule (as the module header promises)', () => {
    const ls = links(
      '<div class="comments"><div class="comment" style="margin-left:0px">A</div><div class="comment" style="margin-left:40px">B</div></div>',
      'div.comment',
      'div.comments',
    );
    expect(parents(ls)).toEqual([null, 0]);
  });

  it('depth classes are ignored when the list also nests', () => {
    const ls = links(
      '<ul class="comments"><li class="comment depth-1">A<ul class="children"><li class="comment depth-2">B</li></ul></li><li class="comment depth-2">C</li></ul>',
      'li.comment',
      'ul.comments',
    );
    expect(parents(ls)).toEqual([null, 0, null]);
  });
});

describe('explicit parent references', () => {
  it('data-parent-id', () => {
    const ls = links(
      `<div class="comments"><div class="comment" data-comment-id="501">A</div><div class="comment" data-comment-id="502">B</div>
<div class="comment" data-comment-id="503" data-parent-id="501">C</div><div class="comment" data-comment-id="504" data-parent-id="0">D</div></div>`,
      'div.comment',
      'div.comments',
    );
    expect(parents(ls)).toEqual([null, null, 0, null]);
    expect(ls[2]!.confidence).toBeGreaterThan(0.9);
  });

  it('an "in reply to" link to another comment\'s anchor', () => {
    const ls = links(
      `<div class="comments"><div class="comment" id="c-701">A</div><div class="comment" id="c-702">B</div>
<div class="comment" id="c-703"><span class="meta">in reply to <a href="#c-701">Horst</a></span> C</div>
<div class="comment" id="c-704"><a href="#c-702">ein Link</a> D</div></div>`,
      'div.comment',
      'div.comments',
    );
    // Only the labelled link counts; a plain link to a comment is not a reply.
    expect(parents(ls)).toEqual([null, null, 0, null]);
  });

  const replyLink = (label: string, where: 'title' | 'text') => {
    const a = where === 'title' ? `<a href="#comment-701" title="${label} Horst">↑</a>` : `<a href="#comment-701">${label} Horst</a>`;
    return links(`<div class="comments"><div class="comment" id="comment-701">A</div><div class="comment" id="comment-702">${a} B</div></div>`, 'div.comment', 'div.comments');
  };

  it.each([
    ['Antwort auf', 'title'],
    ['Als Antwort auf', 'text'],
    ['Replying to', 'text'],
    ['en respuesta a', 'text'],
  ] as const)('"%s" (in the link\'s %s)', (label, where) => {
    expect(parents(replyLink(label, where))).toEqual([null, 0]);
  });

  it.each([
    ['en réponse à', 'text'],
    ['Réponse à', 'title'],
  ] as const)('"%s" (in the link\'s %s)', (label, where) => {
    expect(parents(replyLink(label, where))).toEqual([null, 0]);
  });

  it('a ParentIdRule for wpDiscuz ids "wc-comm-123_45"', () => {
    const ls = links(
      `<div class="wc-thread-wrapper"><div class="wc-comment" id="wc-comm-123_0">A</div><div class="wc-comment" id="wc-comm-124_123">B</div>
<div class="wc-comment" id="wc-comm-125_124">C</div><div class="wc-comment" id="wc-comm-126_0">D</div><div class="wc-comment" id="wc-comm-127_123">E</div></div>`,
      'div.wc-comment',
      'div.wc-thread-wrapper',
      { parentId: { attribute: 'id', pattern: 'wc-comm-(\\d+)_(\\d+)' } },
    );
    expect(parents(ls)).toEqual([null, 0, 1, null, 0]);
  });

  it('a flat list with no signals gives all null', () => {
    const ls = links(
      '<ul class="comments"><li class="comment" id="comment-1"><p>A</p></li><li class="comment" id="comment-2"><p>B</p></li><li class="comment" id="comment-3"><p>C <a href="#comment-1">#1</a></p></li></ul>',
      'li.comment',
      'ul.comments',
    );
    expect(parents(ls)).toEqual([null, null, null]);
    expect(ls.every((l) => l.confidence === 0)).toBe(true);
  });
});

describe('a parent is always an earlier element', () => {
  it('data-parent-id pointing at a later element (newest-first list) is not a markup parent', () => {
    const d = doc(
      '<div class="comments"><div class="comment" data-comment-id="503" data-parent-id="501">C</div><div class="comment" data-comment-id="502">B</div><div class="comment" data-comment-id="501">A</div></div>',
    );
    const ls = markupParents([...d.querySelectorAll('div.comment')], d.querySelector('div.comments')!);
    ls.forEach((l, i) => {
      if (l.parent != null) expect(l.parent).toBeLessThan(i);
    });
  });

  it('a ParentIdRule pointing at a later element is not a markup parent', () => {
    const d = doc('<div class="x"><div class="wc-comment" id="wc-comm-124_123">B</div><div class="wc-comment" id="wc-comm-123_0">A</div></div>');
    const ls = markupParents([...d.querySelectorAll('div.wc-comment')], d.querySelector('div.x')!, {
      parentId: { attribute: 'id', pattern: 'wc-comm-(\\d+)_(\\d+)' },
    });
    ls.forEach((l, i) => {
      if (l.parent != null) expect(l.parent).toBeLessThan(i);
    });
  });

  it('a comment never is its own parent', () => {
    const ls = links('<div class="comments"><div class="comment" data-comment-id="501" data-parent-id="501">A</div></div>', 'div.comment', 'div.comments');
    expect(parents(ls)).toEqual([null]);
  });
});
