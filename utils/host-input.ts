// A site as the reader types it ("www.example.org", "https://example.org/page", "Example.org") -> "example.org".
import { siteOf } from '@/lib/settings';

/** Same shape the settings schema accepts: letters, digits, dots and dashes, an optional port. */
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?$/;

/** The host Rethread keys sites by, or null when the input is not one. */
export function normalizeHost(input: string): string | null {
  let v = input.trim().toLowerCase();
  if (!v) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(v)) {
    const site = siteOf(v);
    if (!site) return null;
    const port = new URL(v).port;
    v = port ? `${site}:${port}` : site;
  }
  v = v.replace(/^www\./, '').replace(/\/.*$/, '').replace(/\.$/, '');
  return HOST.test(v) && v.length <= 253 ? v : null;
}
