import type { browser as polyfilled } from 'wxt/browser';

/**
 * What `wxt/browser` is in every bundle but the background's (wxt.config.ts points the import
 * here for them): the browser's own extension API, without webextension-polyfill. The polyfill
 * was about a fifth of each content script, which wraps every namespace at start-up on every page
 * of the three sites, and 38 KB of the popup's first load. None of them needs it: Chrome's
 * Manifest V3 APIs return promises, and so does Firefox's `browser`, for every call these bundles
 * make. What the polyfill adds is a promise returned from a `runtime.onMessage` listener, which
 * Chrome ignores: the background, which answers extension pages and content scripts that way,
 * keeps it, and the one listener elsewhere (lib/detect/content-main.ts) answers through
 * `sendResponse`, which every browser keeps.
 */
const scope = globalThis as unknown as { browser?: typeof polyfilled; chrome?: typeof polyfilled };

// Firefox has both, and only its `browser` returns promises under Manifest V2; Chrome has `chrome`.
export const browser: typeof polyfilled = (scope.browser?.runtime?.id ? scope.browser : scope.chrome)!;
