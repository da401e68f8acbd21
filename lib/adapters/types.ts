import type { FieldSelectors } from '../extract';
import type { DepthRule, ParentIdRule } from '../nesting';

/**
 * What Rethread knows about one platform or site, as data: where the comments are and how to read them.
 * Every adapter names a fixture page that proves its selectors (test/adapters.test.ts loads each one).
 * Fields left out are found by the generic reader.
 */
export interface Adapter {
  name: string;
  /** "platform": a publishing system used by many sites (counts as generic detection); "site": one site. */
  kind: 'platform' | 'site';
  /** Site adapters: hostnames they apply to (subdomains included). */
  hosts?: string[];
  /** A selector that must match somewhere on the page for the adapter to apply. */
  detect: string;
  /** One comment element. */
  item: string;
  fields?: FieldSelectors;
  /** Indentation depth on flat lists. */
  depth?: DepthRule;
  /** Parent references encoded in an attribute. */
  parentId?: ParentIdRule;
  /** Fixture page under test/fixtures/adapters/ that proves the selectors. */
  fixture: string;
}
