// The reader's filters over a discussion: keywords and /regular expressions/ to hide or to highlight, muted and
// highlighted authors, a minimum length, and "only new since my last visit". Pure: plain comments in, a verdict
// per comment out. A hidden comment that still has visible replies becomes a one-line placeholder, so the
// thread keeps making sense.
import { fold } from './names';
import type { Comment } from './types';

export interface KeywordRule {
  /** Words or a phrase ("Tempo 30"), or a regular expression written as /pattern/flags. */
  pattern: string;
  mode: 'hide' | 'highlight';
}

export interface FilterSettings {
  keywords: KeywordRule[];
  muted: string[];
  /** Also hide the replies to muted authors. */
  muteReplies: boolean;
  highlighted: string[];
  /** Hide comments with fewer characters of own text. 0: off. */
  minLength: number;
  /** Show only comments not seen on an earlier visit. */
  onlyNew: boolean;
}

/** Whether any filter is set at all. */
export function hasFilters(f: FilterSettings): boolean {
  return f.keywords.length > 0 || f.muted.length > 0 || f.highlighted.length > 0 || f.minLength > 0 || f.onlyNew;
}

export const NO_FILTERS: FilterSettings = { keywords: [], muted: [], muteReplies: false, highlighted: [], minLength: 0, onlyNew: false };

export type Reason = 'keyword' | 'muted' | 'reply-to-muted' | 'short' | 'seen';

export interface Verdict {
  /** Not shown at all. */
  hidden: boolean;
  /** Filtered out but kept as a one-line placeholder because some reply below it stays visible. */
  placeholder: boolean;
  highlighted: boolean;
  /** Why it is hidden or a placeholder. */
  reason: Reason | null;
  /** Not seen on an earlier visit (only meaningful when seen ids are known). */
  isNew: boolean;
}

export interface FilterResult {
  verdicts: Verdict[];
  /** Comments filtered out (hidden or placeholder). */
  filtered: number;
  highlighted: number;
  /** Keyword rules that are invalid regular expressions, with the error. */
  invalid: { pattern: string; error: string }[];
}

interface Matcher {
  rule: KeywordRule;
  test(text: string): boolean;
}

/** A rule as a matcher: /.../flags is a regular expression; anything else matches words, case and accents ignored. */
export function compileRule(rule: KeywordRule): Matcher | { error: string } {
  const re = rule.pattern.match(/^\/(.+)\/([a-z]*)$/s);
  if (re) {
    try {
      // Only the flags that make sense for a text search; the expression runs on the reader's own input.
      const flags = [...new Set(re[2]!.replace(/[^imsu]/g, '') + 'i')].join('');
      const regex = new RegExp(re[1]!, flags);
      return { rule, test: (text) => regex.test(text) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }
  const needle = fold(rule.pattern.trim()).replace(/\s+/g, ' ');
  if (!needle) return { error: 'empty' };
  // Whole words: "Rad" matches "Rad" and "Rad-Weg", not "Radio".
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const regex = new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?=$|[^\\p{L}\\p{N}])`, 'u');
  return { rule, test: (text) => regex.test(fold(text).replace(/\s+/g, ' ')) };
}

/** Names match ignoring case, spacing and accents, with umlauts spelled out or not ("Flügge" = "Fluegge" = "Flugge"). */
const bare = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
const sameName = (a: string, b: string) => fold(a).trim() === fold(b).trim() || bare(a) === bare(b);

/** A fingerprint of a comment that survives reloads (our ids do not): author, time and opening words. */
export function fingerprint(c: Pick<Comment, 'author' | 'time' | 'text'>): string {
  const key = `${c.author ?? ''}|${c.time ?? ''}|${fold(c.text).replace(/\s+/g, ' ').slice(0, 60)}`;
  // FNV-1a, 32 bits, as 7 base-36 characters: compact to store thousands of them.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, '0');
}

/**
 * Applies the filters. `seen` holds fingerprints of comments shown on earlier visits (null: first visit, so
 * nothing counts as seen).
 */
export function applyFilters(comments: Comment[], settings: FilterSettings, seen: ReadonlySet<string> | null = null): FilterResult {
  const invalid: FilterResult['invalid'] = [];
  const hide: Matcher[] = [];
  const mark: Matcher[] = [];
  for (const rule of settings.keywords) {
    const m = compileRule(rule);
    if ('error' in m) invalid.push({ pattern: rule.pattern, error: m.error });
    else (rule.mode === 'hide' ? hide : mark).push(m);
  }
  const index = new Map(comments.map((c, i) => [c.id, i]));
  const isMuted = (author: string | null) => author != null && settings.muted.some((m) => sameName(m, author));

  const reasons: (Reason | null)[] = comments.map((c) => {
    const text = `${c.title ?? ''} ${c.text}`;
    if (isMuted(c.author)) return 'muted';
    if (hide.some((m) => m.test(text))) return 'keyword';
    if (settings.minLength > 0 && c.text.length < settings.minLength) return 'short';
    if (settings.onlyNew && seen && seen.has(fingerprint(c))) return 'seen';
    return null;
  });
  // Replies to muted authors, all the way down, when asked.
  if (settings.muteReplies) {
    const mutedBelow = (i: number, depth = 0): boolean => {
      const p = comments[i]!.parent;
      if (p == null || depth > 200) return false;
      const j = index.get(p);
      if (j == null) return false;
      return reasons[j] === 'muted' || mutedBelow(j, depth + 1);
    };
    comments.forEach((_, i) => {
      if (!reasons[i] && mutedBelow(i)) reasons[i] = 'reply-to-muted';
    });
  }
  // A filtered comment stays as a placeholder when a reply below it stays visible.
  const visibleBelow = new Array<boolean>(comments.length).fill(false);
  for (let i = comments.length - 1; i >= 0; i--) {
    // Replies come after their parents in time, not always in the list: walk up from every visible comment.
    if (reasons[i] != null) continue;
    let p = comments[i]!.parent;
    for (let guard = 0; p != null && guard < 500; guard++) {
      const j = index.get(p);
      if (j == null || visibleBelow[j]) break;
      visibleBelow[j] = true;
      p = comments[j]!.parent;
    }
  }
  const highlightedAuthor = (author: string | null) => author != null && settings.highlighted.some((h) => sameName(h, author));
  const verdicts = comments.map((c, i): Verdict => {
    const reason = reasons[i] ?? null;
    const filtered = reason != null;
    return {
      hidden: filtered && !visibleBelow[i],
      placeholder: filtered && visibleBelow[i]!,
      highlighted: !filtered && (highlightedAuthor(c.author) || mark.some((m) => m.test(`${c.title ?? ''} ${c.text}`))),
      reason,
      isNew: seen != null && !seen.has(fingerprint(c)),
    };
  });
  return {
    verdicts,
    filtered: verdicts.filter((v) => v.hidden || v.placeholder).length,
    highlighted: verdicts.filter((v) => v.highlighted).length,
    invalid,
  };
}

/** Comments whose own text contains the search (words, case and accents ignored), in list order. */
export function searchComments(comments: Comment[], query: string): string[] {
  const m = compileRule({ pattern: query, mode: 'highlight' });
  if ('error' in m) return [];
  return comments.filter((c) => m.test(`${c.author ?? ''} ${c.title ?? ''} ${c.text}`)).map((c) => c.id);
}

/**
 * Remembers which comments a page showed, bounded: at most `maxPages` pages (least recently visited dropped)
 * and `maxPerPage` fingerprints per page, so storage never grows without limit.
 */
export interface SeenStore {
  pages: Record<string, { at: number; ids: string[] }>;
}

export function rememberSeen(store: SeenStore, page: string, ids: string[], now: number, maxPages = 200, maxPerPage = 3000): SeenStore {
  const previous = store.pages[page]?.ids ?? [];
  const merged = [...new Set([...ids, ...previous])].slice(0, maxPerPage);
  const pages = { ...store.pages, [page]: { at: now, ids: merged } };
  const keys = Object.keys(pages);
  if (keys.length > maxPages) {
    keys.sort((a, b) => pages[a]!.at - pages[b]!.at);
    for (const k of keys.slice(0, keys.length - maxPages)) delete pages[k];
  }
  return { pages };
}
