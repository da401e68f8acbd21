import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Hosts where Rethread runs without being asked. Extra hosts for local testing or a private build come from
// RETHREAD_AUTO_HOSTS ("127.0.0.1,localhost"); they are baked into the manifest at build time.
import { autoHostPatterns } from './lib/hosts';

/**
 * Rethread never uses dangerouslySetInnerHTML: dropping Preact's one innerHTML assignment keeps the bundles free of
 * it (web-ext lint reports every innerHTML assignment; store reviewers read them).
 */
function preactWithoutInnerHtml() {
  return {
    name: 'rethread:preact-without-inner-html',
    transform(code: string, id: string) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return null;
      const out = code.replace(/\b(\w+)\.innerHTML=(\w+)\.__html\b/, 'void 0');
      if (out === code) throw new Error('preact changed: update rethread:preact-without-inner-html');
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  // The e2e build (npm run build:e2e) goes to .output/e2e/ so the user-facing build never contains test hosts.
  outDir: process.env.RETHREAD_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports keep lib/ visibly free of extension APIs.
  imports: false,
  vite: () => ({ plugins: [preact(), preactWithoutInnerHtml()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_title: 'Rethread' },
    // storage: settings; activeTab + scripting: run once on the current tab when asked; contextMenus: "Thread
    // comments on this site". Other sites only with the reader's consent (optional host permissions).
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    ...(browser === 'firefox' ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'rethread@rethread.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The content script's matches are the built-in hosts; a build may add its own (see README).
    'build:manifestGenerated': (_wxt, manifest) => {
      const patterns = autoHostPatterns(process.env.RETHREAD_AUTO_HOSTS);
      for (const script of manifest.content_scripts ?? []) script.matches = patterns;
    },
  },
});
