import { expect, test } from './support/test';

// The background hears every write to the list as it commits (lib/matching/matcher-cache.ts),
// in real Chromium over Dexie's BroadcastChannel between the options page and the service worker;
// the options page no longer says "the list changed" itself. (It said so only after showing the
// new list: an import of 100,000 followed by closing the page left open tabs counted against the
// list from before it, a badge too low and nothing saying so. tests/unit/matching/matcher-cache.test.ts
// holds the write alone to be enough.)

const REQUESTS = 'https://www.facebook.com/friends/requests/';
const HEADER = 'name,status,aliases,facebook,instagram,linkedin';

test('an open tab is counted again after an import, though the options page closed at once', async ({ boundary, context, replicas }) => {
  // One client first, so the background has built its matcher from the list as it was.
  const first = await boundary.importCsv([HEADER, 'Ana Ruiz-Calder,current,,100089412300001,,'].join('\n'));
  await first.page.close();
  const site = await context.newPage();
  await site.goto(replicas.serve(REQUESTS, 'facebook/friend-requests.en.html'));
  await expect.poll(() => boundary.badgeText(site)).toBe('1');

  const second = await boundary.importCsv([HEADER, "Kofi Mensah-Baird,current,,https://m.facebook.com/Kofi.MensahBaird/?ref=bookmarks,,", `"O'Donnell, Samir",current,,,,`].join('\n'));
  await second.page.close();
  // Ana, Kofi by his profile (his card comes later), Samir by name.
  await expect.poll(() => boundary.badgeText(site)).toBe('3');
});
