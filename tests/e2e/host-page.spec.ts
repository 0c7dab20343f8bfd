import { readFileSync } from 'node:fs';
import { REPLICA_PAGES } from '../fixtures/replicas';
import { expect, replicaState, shownDetections, test } from './support/test';

const DEMO_CLIENTS = readFileSync('tests/fixtures/clients/demo.csv', 'utf8');

/** When the replica's last late-loading item arrives, in ms after load. */
function latestArrival(fixture: string): number {
  const html = readFileSync(`tests/fixtures/${fixture}`, 'utf8');
  return Math.max(0, ...[...html.matchAll(/data-replica-later="(\d+)"/g)].map((m) => Number(m[1])));
}

// One walk per site, so that the three share the workers (one walk over every replica was the run's longest test).
for (const platform of ['facebook', 'instagram', 'linkedin'] as const) {
  test(`over every ${platform} replica: people are found, the page sees no change, and nothing goes to the network`, async ({
    boundary,
    context,
    replicas,
  }) => {
    // A walk over the site's replicas (about 15 pages), each opened with its popup.
    test.setTimeout(180_000);
    const { imported, rejected } = await boundary.importCsv(DEMO_CLIENTS);
    expect({ imported, rejected }).toEqual({ imported: 20, rejected: 0 });

    const pages = REPLICA_PAGES.filter((page) => page.platform === platform);
    expect(pages.length).toBeGreaterThan(0);
    for (const { url, fixture } of pages) {
      const site = await context.newPage();
      await site.goto(replicas.serve(url, fixture));
      const popup = await boundary.openPopup(site);
      // Every replica shows at least one person from the demo list.
      await expect(popup.getByTestId('detection').first(), fixture).toBeVisible();
      const shown = await shownDetections(popup);
      expect(shown.every((d) => d.platform === platform), fixture).toBe(true);
      // Let late-loading items arrive and be scanned too, then check the page saw nothing. Their
      // times count from the page's start, and opening the popup took part of them already.
      await site.waitForFunction((ms) => performance.now() >= ms, latestArrival(fixture) + 200);
      expect((await replicaState(site)).foreignMutations, fixture).toEqual([]);
      await popup.close();
      await site.close();
    }
    expect(replicas.unexpected.filter((url) => !url.endsWith('/favicon.ico'))).toEqual([]);
    // Seen from the browser's side too: every web request was a replica's own.
    expect(replicas.seen.length).toBeGreaterThan(pages.length);
    expect(replicas.seen.filter((url) => !replicas.isReplica(url) && !url.endsWith('/favicon.ico'))).toEqual([]);
  });
}

test('a page the adapter should understand but cannot is reported, not silently empty', async ({ boundary, context, replicas }) => {
  await boundary.importCsv('name,facebook\nAna Ruiz-Calder,100089412300001\n');
  const site = await context.newPage();
  // A requests page that shows people and request buttons in markup no adapter reads as cards (as after a redesign).
  await site.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'surface/requests-split.en.html'));
  const popup = await boundary.openPopup(site);
  const empty = popup.getByTestId('popup-empty');
  await expect(empty).toHaveAttribute('data-reason', 'unrecognised');
  await expect(empty.getByTestId('page-unreadable')).toContainText('Boundary cannot read this page');
  expect(replicas.unexpected).toEqual([]);
});

test('the popup says so when the list is empty, and on pages Boundary does not read', async ({ boundary, context, replicas }) => {
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.en.html'));
  const popup = await boundary.openPopup(site);
  await expect(popup.getByTestId('popup-empty')).toHaveAttribute('data-reason', 'no-clients');

  await boundary.importCsv('name\nSomeone Else\n');
  const other = await context.newPage();
  await other.goto(boundary.url('options.html'));
  const popupForOptions = await boundary.openPopup(other);
  await expect(popupForOptions.getByTestId('popup-empty')).toHaveAttribute('data-reason', 'unsupported');
});

test('a tab’s detections are forgotten when it navigates away or closes', async ({ boundary, context, replicas, worker }) => {
  await boundary.importCsv('name,facebook\nAna Ruiz-Calder,100089412300001\n');
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.en.html'));
  await expect.poll(() => boundary.badgeText(site)).toBe('1');
  const tabId = await boundary.tabIdOf(site);
  const stored = () =>
    worker.evaluate(async (id) => {
      const all = await (globalThis as unknown as { chrome: { storage: { session: { get: (k: null) => Promise<object> } } } }).chrome.storage.session.get(null);
      return Object.keys(all).includes(`tab:${id}`);
    }, tabId);
  expect(await stored()).toBe(true);

  await site.goto('about:blank');
  await expect.poll(stored).toBe(false);
  const popup = await boundary.openPopup(tabId);
  await expect(popup.getByTestId('popup-empty')).toHaveAttribute('data-reason', 'unsupported');

  await site.goto('https://www.facebook.com/friends/requests/');
  await expect.poll(stored).toBe(true);
  await site.close();
  await expect.poll(stored).toBe(false);
});

test('when no message box is open, the reply is copied to the clipboard instead', async ({ boundary, context, replicas }) => {
  await boundary.importCsv('name\nPriya Natarajan\n');
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.instagram.com/direct/inbox/', 'instagram/direct-inbox.en.html'));
  const popup = await boundary.openPopup(site);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await popup.evaluate(() => navigator.clipboard.writeText('before'));
  await popup.getByTestId('insert-reply').click();
  const result = popup.getByTestId('action-result');
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toContainText('copied');
  const copied = await popup.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('secure channels');
  expect((await replicaState(site)).foreignMutations).toEqual([]);
});
