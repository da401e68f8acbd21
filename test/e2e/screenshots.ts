// Where e2e screenshots go: .output/screenshots/<browser>-<name>.png (kept out of the extension builds and zips).
import path from 'node:path';
import { REPO_ROOT } from './server';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, '.output/screenshots');

/** ".output/screenshots/<browser>-<name>.png" (absolute); name is made file-safe. */
export function screenshotPath(browser: string, name: string): string {
  const safe = name
    .replace(/\.png$/i, '')
    .replace(/[^a-zA-Z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return path.join(SCREENSHOT_DIR, `${browser}-${safe || 'screenshot'}.png`);
}
