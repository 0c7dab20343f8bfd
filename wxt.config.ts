import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { REVIEW_ORIGINS } from './lib/reviews/sites';
import { SEARCH_ORIGINS } from './lib/searches/engines';

const NATIVE_BROWSER = fileURLToPath(new URL('./lib/browser/native.ts', import.meta.url));

// The three sites Boundary reads, over HTTPS only; nothing else is requested up front.
export const SITE_MATCHES = [
  'https://*.facebook.com/*',
  'https://*.instagram.com/*',
  'https://*.linkedin.com/*',
];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // BOUNDARY_NO_MINIFY=1: a build whose functions keep their names, for a CPU profile's sake
    // (scripts/bench/profile-content.ts). Never the default: what ships is minified.
    ...(process.env.BOUNDARY_NO_MINIFY && { build: { minify: false } }),
    resolve: {
      // WXT's content-script entrypoint builds its context from this module, and that context
      // talks to the page (lib/detect/quiet-context.ts says how); ours stands in for it.
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(new URL('./lib/detect/quiet-context.ts', import.meta.url)),
        },
      ],
    },
  }),
  manifest: ({ command, browser, manifestVersion }) => ({
    // Words come from public/_locales; English is said where the browser's language has none.
    default_locale: 'en',
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    // `scripting` injects the page outline (entrypoints/outline.ts) only when the clinician asks for
    // one; Manifest V2 does that with tabs.executeScript and the host permissions alone.
    // `notifications`: "Boundary is locked", once per lock period (lib/vault/locked-notice.ts).
    permissions: manifestVersion === 2 ? ['storage', 'alarms', 'notifications'] : ['storage', 'alarms', 'notifications', 'scripting'],
    host_permissions: SITE_MATCHES,
    // A key that opens the popup, so the list is one keystroke away without the icon pinned.
    // Not Alt+Shift+B: Chrome focuses the bookmarks bar with it. Manifest V2 names the
    // toolbar button's command differently.
    commands: {
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: { suggested_key: { default: 'Alt+Shift+Y' } },
    },
    // Search engines and review sites: asked for only when the clinician turns those features on.
    // Manifest V2 (the Firefox build) lists optional hosts with the optional permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: [...SEARCH_ORIGINS, ...REVIEW_ORIGINS] }
      : { optional_host_permissions: [...SEARCH_ORIGINS, ...REVIEW_ORIGINS] }),
    // Extension pages may load only the extension's own files and may open no connection at all:
    // the client list cannot leave through a fetch, an image or a form, whatever a bug does.
    // The development server needs its websocket, so only production builds are this strict.
    ...(command === 'build' && {
      content_security_policy: {
        extension_pages:
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
          "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      },
    }),
    // Firefox asks for a stable add-on id, and for a statement of what data leaves the device:
    // none. Chrome knows neither key.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'boundary@boundary-extension.org',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  hooks: {
    // The popup in a build of its own (issue 16): sharing a build with the options page, it loaded
    // Preact and the code both pages use as chunks of their own, five scripts and two styles
    // fetched one by one from the extension, where one of each is enough. It is the page opened
    // most often and most in a hurry; its own build holds everything it needs at first in one
    // script, and what it needs later (entrypoints/popup/later-parts.ts) in chunks of its own.
    'entrypoints:grouped': (_wxt, groups) => {
      const pages = groups.find((group) => Array.isArray(group) && group.length > 1 && group.some((entrypoint) => entrypoint.type === 'popup'));
      if (!Array.isArray(pages)) return;
      const popup = pages.splice(pages.findIndex((entrypoint) => entrypoint.type === 'popup'), 1);
      groups.push(popup);
    },
    // Everything but the background gets the browser's own API instead of webextension-polyfill
    // (why, and what that asks of them: lib/browser/native.ts). The background is a build of its
    // own, so the others' `wxt/browser` can point elsewhere; put first, this alias wins over the
    // polyfill module's.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => entrypoint.type === 'background')) return;
      config.resolve ??= {};
      const alias = config.resolve.alias;
      const entries = Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string }));
      config.resolve.alias = [{ find: /^wxt\/browser$/, replacement: NATIVE_BROWSER }, ...entries];
    },
    'build:done': (wxt) => {
      if (wxt.config.command !== 'build') return;
      wxt.logger.info(
        `Unpacked extension ready in ${wxt.config.outDir}\n` +
          '  Load it: open chrome://extensions, turn on Developer mode, choose "Load unpacked", pick that folder.',
      );
    },
  },
});
