import type { Page } from '@playwright/test';
import { expect, replicaState, test, type Boundary } from './support/test';

// Suggestions, connections and one item per conversation on Facebook. These need the popup's
// suggestion / connection items and its one-item-per-person rule (the "surface" work).
// Who is who: tests/fixtures/facebook/*.html and tests/unit/sites/facebook.test.ts.

const HEADER = 'name,status,aliases,facebook,instagram,linkedin';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

async function importClients(boundary: Boundary, text: string, count: number): Promise<void> {
  const { imported, rejected } = await boundary.importCsv(text);
  expect({ imported, rejected }).toEqual({ imported: count, rejected: 0 });
}

/** The popup's item for a client (as written in the list) of a kind, optionally of a match. */
const item = (popup: Page, client: string, kind: string, match?: 'exact' | 'name') =>
  popup
    .locator(`[data-testid="detection"][data-platform="facebook"][data-kind="${kind}"]${match ? `[data-match="${match}"]` : ''}`)
    .filter({ hasText: client });

test.afterEach(async ({ replicas }) => {
  expect(replicas.unexpected.filter((u) => !u.includes('favicon'))).toEqual([]);
});

test('suggestions (Portuguese two-pane list): a client among People you may know, and Remove suggestion presses Remover only', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(
    boundary,
    csv(
      'Caio Monteiro,current,,https://www.facebook.com/profile.php?id=100089412300342,,',
      'Helena Vasconcelos,former,,,,', // her row loads later; by name
      'Bruna Teixeira,current,,100089412300343,,', // already asked: Cancel only, no suggestion card
    ),
    3,
  );
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/friends/suggestions/', 'facebook/friend-suggestions.pt.html'));
  const popup = await boundary.openPopup(site);

  const caio = item(popup, 'Caio Monteiro', 'suggestion', 'exact');
  await expect(caio).toHaveCount(1);
  await expect(item(popup, 'Helena Vasconcelos', 'suggestion', 'name')).toHaveCount(1);
  await expect(popup.getByTestId('detection').filter({ hasText: 'Bruna Teixeira' })).toHaveCount(0);
  await expect(caio.getByTestId('decline')).toHaveCount(0);
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  await caio.getByTestId('remove-suggestion').click();
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'remove-suggestion', person: 'sugg-caio' }]);
  expect(site.url()).toBe('https://www.facebook.com/friends/suggestions/');
});

test('Friends home without sections (Spanish): a request and a suggestion are two items of their kinds; the icon-only ✕ removes', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(
    boundary,
    csv('Paloma Redondo Vidal,current,,100089412300331,,', 'Amparo Gil,former,,amparo.gil.33,,'),
    2,
  );
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/friends/', 'facebook/friends-home.es.html'));
  const popup = await boundary.openPopup(site);

  await expect(item(popup, 'Paloma Redondo Vidal', 'request', 'exact')).toHaveCount(1);
  const amparo = item(popup, 'Amparo Gil', 'suggestion', 'exact');
  await expect(amparo).toHaveCount(1);
  await expect(item(popup, 'Amparo Gil', 'request')).toHaveCount(0);

  await amparo.getByTestId('remove-suggestion').click();
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'remove-suggestion', person: 'sugg-amparo' }]);
});

test('connections: a client among the clinician’s friends, on the two-pane list (French) and on their own profile’s Friends tab', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(
    boundary,
    csv(
      'Karim Benali,former,,100089412300352,,',
      'Baptiste Roux,current,,,,', // loads later; by name
      'Wren Ashdown,current,,wren.ashdown.9,,',
      'Riley Moss,current,,riley.moss.counselling,,', // the clinician: never a connection of their own
    ),
    4,
  );
  const list = await context.newPage();
  await list.goto(replicas.serve('https://www.facebook.com/friends/list/', 'facebook/friends-list.fr.html'));
  const popup = await boundary.openPopup(list);
  const karim = item(popup, 'Karim Benali', 'connection', 'exact');
  await expect(karim).toHaveCount(1);
  await expect(item(popup, 'Baptiste Roux', 'connection', 'name')).toHaveCount(1);
  await expect(popup.getByTestId('detection').filter({ hasText: 'Riley Moss' })).toHaveCount(0);
  expect((await replicaState(list)).foreignMutations).toEqual([]);
  expect((await replicaState(list)).actions).toEqual([]);
  // The site's own next step: the friend's own "…" menu, one click, nothing more.
  await karim.getByTestId('connection-step').click();
  await expect.poll(async () => (await replicaState(list)).actions).toEqual([{ action: 'friend-menu', person: 'friend-karim' }]);
  expect(list.url()).toBe('https://www.facebook.com/friends/list/');

  const tab = await context.newPage();
  await tab.goto(replicas.serve('https://www.facebook.com/riley.moss.counselling/friends', 'facebook/profile-friends.en.html'));
  const onTab = await boundary.openPopup(tab);
  await expect(item(onTab, 'Wren Ashdown', 'connection', 'exact')).toHaveCount(1);
  await expect(onTab.getByTestId('detection').filter({ hasText: 'Riley Moss' })).toHaveCount(0);
  expect((await replicaState(tab)).foreignMutations).toEqual([]);
});

test('Messenger: a conversation both listed and open is one item, exact, and its reply goes into the open chat', async ({
  boundary,
  context,
  replicas,
}) => {
  // Listed by profile: the row gives her id (from the thread), the header her username.
  await importClients(boundary, csv('Nadia Farrokh,current,,https://www.facebook.com/nadia.farrokh.5,,'), 1);
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/messages/t/100089412300401/', 'facebook/messenger.en.html'));
  const popup = await boundary.openPopup(site);

  const nadia = item(popup, 'Nadia Farrokh', 'message');
  await expect(nadia).toHaveCount(1);
  await expect(nadia).toHaveAttribute('data-match', 'exact');
  await expect.poll(() => boundary.badgeText(site)).toBe('1');

  await nadia.getByTestId('insert-reply').click();
  await expect(nadia.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(site);
  expect(state.editors.nadia).toContain('Please contact the practice');
  expect(state.sent).toEqual([]);
});
