// Every adapter record must be proved by its fixture page: a page that reproduces the platform's real markup,
// with a hand-written sidecar (<fixture>.expected.json) listing each comment's author, displayed time, first
// words and parent. The expectations never go through the adapter's selectors, so a wrong selector fails here.
// A second pass runs the generic detector alone on the same pages and prints which adapters it could do without.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { ADAPTERS, type Adapter } from '../../lib/adapters';
import { analyzeDocument, type PageAnalysis } from '../../lib/analyze';

const DIR = fileURLToPath(new URL('../fixtures/adapters/', import.meta.url));

interface ExpectedComment {
  author: string | null;
  /** Local time as displayed, "2024-03-03T09:15", or null where the page shows no absolute time. */
  time: string | null;
  /** The first words of the comment's own text (quoted passages of other comments excluded). */
  textStart: string;
  /** Index of the comment it answers, or null. */
  parent: number | null;
}

interface Expected {
  page: string;
  url: string;
  comments: ExpectedComment[];
}

/** Fixtures on which the library (not the fixture) fails: their tests run as it.fails until it is fixed. */
const LIBRARY_BUGS: Record<string, string> = {};

const read = (file: string) => readFileSync(DIR + file, 'utf8');
const sidecarOf = (adapter: Adapter) => adapter.fixture.replace(/\.html$/, '.expected.json');
const expectedOf = (adapter: Adapter): Expected => JSON.parse(read(sidecarOf(adapter))) as Expected;

function analyze(adapter: Adapter): PageAnalysis {
  const { document } = parseHTML(read(adapter.fixture));
  return analyzeDocument(document as unknown as Document, { url: expectedOf(adapter).url });
}

/** The comments as the sidecar describes them: text cut to the expected length, parents as indices. */
function observed(result: PageAnalysis, expected: Expected): ExpectedComment[] {
  return result.comments.map((c, i) => ({
    author: c.author,
    time: c.time,
    textStart: c.text.slice(0, expected.comments[i]?.textStart.length ?? 40),
    parent: c.parent == null ? null : Number(c.parent.slice(1)),
  }));
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each(ADAPTERS.map((a) => [a.fixture, a] as const))('adapter fixture %s', (fixture, adapter) => {
  const bug = LIBRARY_BUGS[fixture];
  const known = bug ? it.fails : it;
  let cached: PageAnalysis | undefined;
  const result = () => (cached ??= analyze(adapter));

  it('exists with a sidecar that describes the page (checked without the adapter)', () => {
    expect(existsSync(DIR + fixture), `${fixture} is missing`).toBe(true);
    expect(existsSync(DIR + sidecarOf(adapter)), `${sidecarOf(adapter)} is missing`).toBe(true);
    const expected = expectedOf(adapter);
    expect(expected.page).toBe(fixture);
    expect(expected.comments.length).toBeGreaterThanOrEqual(8);
    // The sidecar and the page agree: every author and first words occur in the page's text.
    const { document } = parseHTML(read(fixture));
    const text = collapse(document.body.textContent ?? '');
    for (const c of expected.comments) {
      if (c.author) expect(text).toContain(c.author);
      expect(text).toContain(c.textStart);
      if (c.parent != null) expect(c.parent).toBeLessThan(expected.comments.indexOf(c));
    }
  });

  // The pipeline falls back to generic reading where a selector finds nothing, so a wrong selector can go
  // unnoticed in the results; here each one must match in every comment.
  it("has selectors that match the page's markup", () => {
    const { document } = parseHTML(read(fixture));
    expect(document.querySelector(adapter.detect), `detect ${adapter.detect}`).not.toBeNull();
    const items = [...document.querySelectorAll(adapter.item)];
    expect(items.length, `item ${adapter.item}`).toBe(expectedOf(adapter).comments.length);
    for (const [field, selector] of Object.entries(adapter.fields ?? {})) {
      const missing = items.filter((el) => !el.querySelector(selector)).length;
      expect(missing, `${field} selector ${selector} finds nothing in ${missing} comments`).toBe(0);
    }
    const { depth, parentId } = adapter;
    if (depth) {
      const values = items.map((el) => {
        const target = depth.selector === ':scope' ? el : el.querySelector(depth.selector);
        const raw = target && (depth.attribute ? target.getAttribute(depth.attribute) : collapse(target.textContent ?? ''));
        return raw?.match(new RegExp(depth.pattern ?? '(-?\\d+)'))?.[1] ?? null;
      });
      expect(values.filter((v) => v == null).length, `depth rule reads nothing in some comments`).toBe(0);
    }
    if (parentId) {
      const re = new RegExp(parentId.pattern);
      const missing = items.filter((el) => !re.test(el.getAttribute(parentId.attribute) ?? '')).length;
      expect(missing, `parentId ${parentId.attribute} ~ ${parentId.pattern} fails in ${missing} comments`).toBe(0);
    }
  });

  known(`is recognised as "${adapter.name}"`, () => {
    expect(result().site).toBe(adapter.name);
  });

  known('finds exactly the comments of the page', () => {
    expect(result().comments.length).toBe(expectedOf(adapter).comments.length);
  });

  known("reads each comment's author, time, text and parent", () => {
    const expected = expectedOf(adapter);
    expect(observed(result(), expected)).toEqual(expected.comments);
  });
});

describe('generic detector alone (reported, not asserted)', () => {
  const verdicts: string[] = [];

  afterAll(() => {
    console.log(`Generic detection without any adapter:\n${verdicts.map((v) => `  ${v}`).join('\n')}`);
  });

  it.each(ADAPTERS.map((a) => [a.fixture, a] as const))('%s', (fixture, adapter) => {
    const all = ADAPTERS as Adapter[];
    const saved = [...all];
    all.length = 0;
    let result: PageAnalysis;
    try {
      result = analyze(adapter);
    } finally {
      all.push(...saved);
    }
    const expected = expectedOf(adapter);
    const got = observed(result, expected);
    const wrong: string[] = [];
    if (got.length !== expected.comments.length) wrong.push(`${got.length} of ${expected.comments.length} comments`);
    else {
      for (const field of ['author', 'time', 'textStart', 'parent'] as const) {
        const bad = got.filter((c, i) => c[field] !== expected.comments[i]![field]).length;
        if (bad) wrong.push(`${field} wrong in ${bad}`);
      }
    }
    verdicts.push(
      wrong.length
        ? `${adapter.name} (${fixture}): needs the adapter - generic gives site "${result.site}", ${wrong.join(', ')}`
        : `${adapter.name} (${fixture}): generic alone is correct - the adapter could go`,
    );
  });
});
