// The article's body text via Mozilla Readability (the Firefox Reader View engine), run on a copy of the page
// with the comment section taken out, since on comment-heavy pages it can mistake the comments for the article.
import { Readability } from '@mozilla/readability';
import { collapse } from '../dom';
import type { Article } from '../types';
import { findTitle } from './title';

function pathOf(el: Element): number[] {
  const path: number[] = [];
  for (let e: Element | null = el; e?.parentElement; e = e.parentElement) {
    let i = 0;
    for (let s = e.previousElementSibling; s; s = s.previousElementSibling) i++;
    path.unshift(i);
  }
  return path;
}

function atPath(root: Element, path: number[]): Element | null {
  let el: Element | null = root;
  for (const i of path) el = el?.children[i] ?? null;
  return el;
}

export function findArticle(doc: Document, commentRoot: Element | null = null): Article | null {
  const title = findTitle(doc);
  let text = '';
  try {
    const copy = doc.cloneNode(true) as Document;
    if (commentRoot) atPath(copy.documentElement, pathOf(commentRoot))?.remove();
    const parsed = new Readability(copy, { charThreshold: 200 }).parse();
    text = collapse(parsed?.textContent ?? '');
    if (!title && !text) return null;
    return { title: title ?? collapse(parsed?.title ?? ''), text };
  } catch {
    return title ? { title, text } : null;
  }
}
