// The article's headline: the page's h1 that agrees with its metadata title, else the metadata title cleaned
// of the site name. Cheap enough to run at page load.
import { collapse, textOf } from '../dom';
import { fold } from '../names';

function words(s: string): Set<string> {
  return new Set(fold(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1));
}

function overlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (!wa.size || !wb.size) return 0;
  let n = 0;
  for (const w of wa) if (wb.has(w)) n++;
  return n / Math.max(wa.size, wb.size);
}

/** "Headline | Site" and "Headline - Site" -> "Headline": the longest part. */
function stripSiteName(title: string): string {
  const parts = title.split(/\s+[|–—·•:»]\s+|\s+-\s+/).map((p) => p.trim()).filter(Boolean);
  return parts.sort((a, b) => b.length - a.length)[0] ?? title;
}

export function findTitle(doc: Document): string | null {
  const meta =
    doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ??
    doc.querySelector('meta[name="twitter:title"]')?.getAttribute('content') ??
    null;
  const docTitle = collapse(doc.querySelector('title')?.textContent ?? '');
  const reference = collapse(meta ?? docTitle);
  const headings = [...doc.querySelectorAll('h1, h2, [itemprop="headline"]')]
    .map((el) => collapse(textOf(el)))
    .filter((t) => t.length >= 8 && t.length <= 300);
  let best: string | null = null;
  let bestScore = 0;
  for (const h of headings) {
    const score = reference ? overlap(h, reference) : 0;
    if (score > bestScore + 0.001) {
      best = h;
      bestScore = score;
    }
  }
  if (best && bestScore >= 0.5) return best;
  const h1 = headings.find((h) => h === collapse(textOf(doc.querySelector('h1') ?? doc.createElement('h1'))));
  if (!reference) return h1 ?? null;
  return stripSiteName(reference) || h1 || null;
}
