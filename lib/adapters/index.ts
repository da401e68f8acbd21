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

/** The adapters that apply to a page: its site's first, then platforms whose markup is present. */
export function adaptersFor(doc: Document, host: string | null, options: { sites?: boolean } = {}): Adapter[] {
  const sites = options.sites === false ? [] : ADAPTERS.filter((a) => a.kind === 'site' && onHost(a, host));
  const platforms = ADAPTERS.filter((a) => a.kind === 'platform');
  return [...sites, ...platforms].filter((a) => doc.querySelector(a.detect) != null);
}
