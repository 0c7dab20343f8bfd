import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { OUTPUT_DIR, pageSizes } from '../../scripts/bench/bundle';

// What the popup fetches before its first paint (issue 16). Each file an extension page loads is
// a request the browser answers on its own, and with the popup's nine the last came tens of ms
// after the first on a busy machine: the popup's first paint waited for the slowest of them. Its
// own build (wxt.config.ts, `entrypoints:grouped`) makes them four, as few as a page with an
// early question, a script and a style can have. No browser is needed: this reads the build.

test.beforeAll(() => {
  if (!existsSync(path.join(OUTPUT_DIR, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run `npm run build` first.');
});

test('the popup loads its page, its early question, one script and one style before its first paint', () => {
  const popup = pageSizes().find((page) => page.name === 'popup')!;
  expect(popup.files[0]).toBe('popup.html');
  const scripts = popup.files.filter((file) => file.endsWith('.js'));
  const styles = popup.files.filter((file) => file.endsWith('.css'));
  expect(scripts, 'scripts').toEqual(['popup-ask.js', expect.stringMatching(/^chunks\/popup-[\w-]+\.js$/)]);
  expect(styles, 'styles').toEqual([expect.stringMatching(/^assets\/popup-[\w-]+\.css$/)]);
});

test('the popup shares no file with the options page, and its later parts are its own', () => {
  const pages = pageSizes();
  const popup = pages.find((page) => page.name === 'popup')!;
  const options = pages.find((page) => page.name === 'options')!;
  const theirs = new Set([...options.files, ...options.later]);
  expect([...popup.files, ...popup.later].filter((file) => theirs.has(file))).toEqual([]);
  // The parts loaded after the first paint import only the popup's own script, already loaded.
  expect(popup.later.length).toBeGreaterThan(0);
});
