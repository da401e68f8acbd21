// The project's own fixture pages (test/fixtures/pages) analysed in Node exactly as the content script does,
// against hand-written expectations next to each page (<name>.expected.json).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, type PageAnalysis } from '@/lib/analyze';
import { findArticle } from '@/lib/article/readable';

const dir = join(__dirname, '../fixtures/pages');

interface Expected {
  order?: string;
  article?: { title: string; firstWords: string } | null;
  comments: { author: string | null; time: string | null; title?: string | null; textStart: string; parent: number | null; evidence: string; ambiguous?: boolean }[];
}

function analyze(name: string): { result: PageAnalysis; expected: Expected; html: string } {
  const html = readFileSync(join(dir, `${name}.html`), 'utf8');
  const { document } = parseHTML(html);
  const result = analyzeDocument(document as unknown as Document, { article: findArticle });
  const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
  return { result, expected, html };
}

const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace('.expected.json', ''));

describe.each(pages)('fixture %s', (name) => {
  const { result, expected } = analyze(name);

  it('finds exactly the expected comments, in document order', () => {
    expect(result.comments.map((c) => c.author)).toEqual(expected.comments.map((c) => c.author));
  });

  it('reads time, title and own text of each comment', () => {
    result.comments.forEach((c, i) => {
      const e = expected.comments[i]!;
      expect(c.time, `${c.id} time`).toBe(e.time);
      if (e.title !== undefined) expect(c.title, `${c.id} title`).toBe(e.title);
      expect(c.text.startsWith(e.textStart.trim()), `${c.id} text "${c.text.slice(0, 50)}"`).toBe(true);
    });
  });

  it('rebuilds the reply threads', () => {
    result.comments.forEach((c, i) => {
      const e = expected.comments[i]!;
      const parent = e.parent == null ? null : `c${e.parent}`;
      expect(c.parent, `${c.id} parent`).toBe(parent);
      if (parent) expect(c.evidence, `${c.id} evidence`).toBe(e.evidence);
    });
  });

  if (expected.order) {
    it('knows the list order', () => expect(result.order).toBe(expected.order));
  }
  if (expected.article) {
    it('finds the article title', () => expect(result.article?.title).toBe(expected.article!.title));
  }
});

describe('the seed discussion (der-farang.com, newest first)', () => {
  const { result } = analyze('seed-der-farang');
  const byAuthor = (name: string) => result.comments.find((c) => c.author === name)!;

  it('links "@ Horst" to Horst Flügge and "J. Franke 5.11. 17.40" to that exact comment', () => {
    expect(byAuthor('michael von wob').parent).toBe(byAuthor('Horst Flügge').id);
    expect(byAuthor('michael von wob').evidence).toBe('mention');
    expect(byAuthor('Horst Flügge').parent).toBe(byAuthor('Jürgen Franke').id);
    expect(byAuthor('Horst Flügge').mentions).toContain('J. Franke');
  });

  it('never guesses one parent for "meine beiden Vorredner"', () => {
    const rolf = byAuthor('Rolf W. Schwake');
    expect(rolf.parent).toBeNull();
    expect(rolf.alsoAnswers ?? []).toEqual([]);
  });

  it('keeps the promo box, the form and the photo caption out of the comments', () => {
    const all = result.comments.map((c) => `${c.title ?? ''} ${c.text}`).join('\n');
    expect(all).not.toMatch(/Online-Abo|Pflichtfelder|Mandatory Credit|Foto:/);
    expect(result.comments).toHaveLength(5);
  });

  it('sees that the list runs newest first and still links only to earlier comments', () => {
    expect(result.order).toBe('newest-first');
    for (const c of result.comments) {
      if (!c.parent) continue;
      const parent = result.comments.find((p) => p.id === c.parent)!;
      expect(parent.time! < c.time!).toBe(true);
    }
  });
});
