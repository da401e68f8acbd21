// Every adapter Rethread ships. Platforms are tried on any page (they count as generic detection); site
// adapters only on their hosts. To add one: a record here plus a fixture page under test/fixtures/adapters/.
import { discourse } from './discourse';
import { hackernews } from './hackernews';
import { redditNew, redditOld, shreddit } from './reddit';
import type { Adapter } from './types';
import { wpdiscuz } from './wpdiscuz';

export type { Adapter } from './types';

export const ADAPTERS: readonly Adapter[] = [hackernews, redditOld, redditNew, shreddit, wpdiscuz, discourse];

function onHost(adapter: Adapter, host: string | null): boolean {
  if (!adapter.hosts) return true;
  if (!host) return false;
  return adapter.hosts.some((h) => host === h || host.endsWith('.' + h));
}

/**
 * The adapters that apply to a page: the reader's own rules and its site's adapters first, then platforms
 * whose markup is present.
 */
export function adaptersFor(doc: Document, host: string | null, options: { sites?: boolean; extra?: readonly Adapter[] } = {}): Adapter[] {
  const known = [...(options.extra ?? []), ...ADAPTERS];
  const sites = options.sites === false ? [] : known.filter((a) => a.kind === 'site' && onHost(a, host));
  const platforms = ADAPTERS.filter((a) => a.kind === 'platform');
  return [...sites, ...platforms].filter((a) => doc.querySelector(a.detect) != null);
}
