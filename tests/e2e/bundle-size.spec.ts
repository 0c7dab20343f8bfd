import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  CONTENT_SCRIPT_GZIP_BUDGET,
  contentScriptSizes,
  librariesIn,
  OUTPUT_DIR,
  pageLibraries,
  pageSizes,
} from '../../scripts/bench/bundle';

// Sizes of the production build, which `npm test` makes just before the e2e stage. No browser
// is needed, and no timing is asserted: sizes are stable from run to run, timings are not
// (those are `npm run bench`'s, see the README's Performance section).

test.beforeAll(() => {
  if (!existsSync(path.join(OUTPUT_DIR, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run `npm run build` first.');
});

test('each content script stays within its gzipped budget', () => {
  const scripts = contentScriptSizes();
  expect(scripts.map((s) => s.name)).toEqual(['facebook', 'instagram', 'linkedin']);
  for (const script of scripts) {
    expect(script.gzip, `${script.name}.js is ${script.gzip} bytes gzipped`).toBeLessThanOrEqual(CONTENT_SCRIPT_GZIP_BUDGET);
  }
});

test('content scripts carry neither Dexie, nor Preact, nor webextension-polyfill', () => {
  for (const script of contentScriptSizes()) {
    expect(librariesIn(OUTPUT_DIR, script.files[0]!), script.name).toEqual([]);
  }
});

test('the markers would find Dexie and Preact where they are bundled', () => {
  // Otherwise the test above could pass because the markers went stale with a library update.
  const pages = pageSizes();
  const found = (page: string) => pages.find((p) => p.name === page)!.files.flatMap((file) => (file.endsWith('.js') ? librariesIn(OUTPUT_DIR, file) : []));
  expect(found('options')).toEqual(expect.arrayContaining(['dexie', 'preact']));
  expect(found('background')).toEqual(expect.arrayContaining(['dexie', 'polyfill']));
});

// The popup renders what the background already holds for the tab, from one message
// (`popup-state`, issue 16), and asks the background for every write: it has no need of the
// database, and Dexie would be most of what it loads, through any chunk it shares with the options page.
test('the popup loads no Dexie', () => {
  const popup = pageSizes().find((page) => page.name === 'popup');
  expect(popup, 'popup.html in the build').toBeDefined();
  expect(popup!.files.some((file) => file.endsWith('.js')), 'the popup loads scripts').toBe(true);
  expect(pageLibraries(popup!)).not.toContain('dexie');
  // Nor the polyfill: only the background's message listeners need it (lib/browser/native.ts).
  expect(pageLibraries(popup!)).not.toContain('polyfill');
  // Nor the parts it loads after its first paint (entrypoints/popup/later-parts.ts).
  expect(popup!.later.length, 'the popup loads parts later').toBeGreaterThan(0);
  for (const file of popup!.later.filter((f) => f.endsWith('.js'))) expect(librariesIn(OUTPUT_DIR, file), file).not.toContain('dexie');
});

test('the clinical lexicon is in the popup (after its first paint), options and background, never in what runs in a page', () => {
  // A word only the lexicon (lib/policy/lexicon.ts) holds; a page could read whatever a content script carries.
  const holdsLexicon = (file: string) => readFileSync(path.join(OUTPUT_DIR, file), 'utf8').includes('fluoxetin');
  const injected = [...contentScriptSizes().flatMap((s) => s.files), ...(existsSync(path.join(OUTPUT_DIR, 'outline.js')) ? ['outline.js'] : [])];
  for (const file of injected) expect(holdsLexicon(file), file).toBe(false);
  const pages = pageSizes();
  for (const page of ['popup', 'options', 'background']) {
    const { files, later } = pages.find((p) => p.name === page)!;
    expect([...files, ...later].some(holdsLexicon), page).toBe(true);
  }
  // The popup's first paint shows who is on the page; the check of replies, with its lexicon, loads after it.
  expect(pages.find((p) => p.name === 'popup')!.files.some(holdsLexicon), 'popup, first paint').toBe(false);
});
