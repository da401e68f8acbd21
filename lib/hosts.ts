// Sites where Rethread runs on its own. Elsewhere the reader turns it on per site, or runs it once on a tab.
export const AUTO_HOSTS = [
  'der-farang.com',
  'derstandard.at',
  'heise.de',
  'spiegel.de',
  'zeit.de',
  'faz.net',
  'welt.de',
  'sueddeutsche.de',
  'taz.de',
  'tagesspiegel.de',
  'theguardian.com',
  'nytimes.com',
  'washingtonpost.com',
  'bbc.co.uk',
  'news.ycombinator.com',
  'old.reddit.com',
] as const;

/** Match patterns for a host and its subdomains ("example.com" -> "*://example.com/*", "*://*.example.com/*"). */
export function hostPatterns(host: string): string[] {
  const h = host.trim().toLowerCase().replace(/^\*\./, '');
  if (!h) return [];
  // IP addresses and single-label hosts (localhost) have no subdomains.
  if (/^[\d.]+$/.test(h) || !h.includes('.')) return [`*://${h}/*`];
  return [`*://${h}/*`, `*://*.${h}/*`];
}

/** The built-in hosts plus the comma-separated extra hosts of a build (RETHREAD_AUTO_HOSTS). */
export function autoHostPatterns(extra?: string): string[] {
  const hosts = [...AUTO_HOSTS, ...(extra ?? '').split(',')];
  return [...new Set(hosts.flatMap(hostPatterns))];
}
