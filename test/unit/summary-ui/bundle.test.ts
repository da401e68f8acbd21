// The popup's first bundle must not carry the summary: lib/summary, its word lists and components/summary (but the
// small api.ts) are reached from entrypoints/popup only through dynamic import(). This follows the static imports
// from the popup's entry; the e2e build and `npm run build` show the same in the chunk sizes.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return null; // a package
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) if (existsSync(base + ext) && !base.endsWith('/') && (ext || /\.\w+$/.test(base))) return base + ext;
  return null;
}

/** Files reached from `entry` through static value imports (not `import type`, not `import()`). */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    for (const [, clause, spec] of text.matchAll(/^\s*(?:import|export)\s+([^'";]*?)\s*(?:from\s+)?['"]([^'"]+)['"]/gm)) {
      if (/^type\b/.test(clause!.trim())) continue;
      // import { type A, type B } from '...': types only
      const names = clause!.match(/^\{([^}]*)\}$/)?.[1];
      if (names && names.split(',').every((n) => !n.trim() || /^type\s/.test(n.trim()))) continue;
      const target = resolveImport(file, spec!);
      if (target) todo.push(target);
    }
  }
  return seen;
}

describe('popup bundle', () => {
  it('reaches no summary code statically', () => {
    const files = [...staticGraph(join(ROOT, 'entrypoints/popup/main.tsx'))].map((f) => relative(ROOT, f));
    expect(files).toContain('components/popup/Popup.tsx');
    expect(files).toContain('components/popup/SummaryPanel.tsx');
    expect(files.filter((f) => f.startsWith('lib/summary/') || f.startsWith('components/summary/'))).toEqual(['components/summary/api.ts']);
    expect(files.filter((f) => /most-common-words|wordlists/.test(f))).toEqual([]);
  });

  it('the Summary tab imports lib/summary and the word lists dynamically', () => {
    const load = readFileSync(join(ROOT, 'components/summary/load.ts'), 'utf8');
    expect(load).toMatch(/import\('@\/lib\/summary'\)/);
    expect(load).toMatch(/import\('@\/lib\/summary\/wordlists'\)/);
    expect(readFileSync(join(ROOT, 'components/popup/SummaryPanel.tsx'), 'utf8')).toMatch(/import\('@\/components\/summary\/SummaryTab'\)/);
  });
});
