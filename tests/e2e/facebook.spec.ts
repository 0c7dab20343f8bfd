import type { Page } from '@playwright/test';
import { detectionFor, expect, replicaState, shownDetections, test, type Boundary } from './support/test';

// Who is who in the replicas: tests/fixtures/facebook/*.html and tests/unit/sites/facebook.test.ts.

const HEADER = 'name,status,aliases,facebook,instagram,linkedin';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

const REQUESTS = 'https://www.facebook.com/friends/requests/';
const FRIENDS_HOME = 'https://www.facebook.com/friends/';
const MBASIC_REQUESTS = 'https://mbasic.facebook.com/friends/center/requests/';
const MARTA_THREAD = 'https://www.facebook.com/messages/t/100089412300031/';
const MESSAGE_REQUESTS = 'https://www.facebook.com/messages/requests/';

/** A phrase of the default reply (lib/replies/default-replies.ts). */
const REPLY_PHRASE = 'Please contact the practice by phone or through its secure channels instead.';

async function importClients(boundary: Boundary, text: string, count: number): Promise<void> {
  const { imported, rejected } = await boundary.importCsv(text);
  expect({ imported, rejected }).toEqual({ imported: count, rejected: 0 });
}

/**
 * The popup's detections as `kind/match/client`, sorted, where client is the one name of
 * `clients` (as written in the list) that the detection's text shows.
 */
async function shownAs(popup: Page, clients: readonly string[]): Promise<string[]> {
  const shown = await shownDetections(popup);
  return shown
    .map((d) => {
      expect(d.platform).toBe('facebook');
      const named = clients.filter((name) => d.text.includes(name));
      return `${d.kind}/${d.match}/${named.length === 1 ? named[0] : `?${JSON.stringify(d.text)}`}`;
    })
    .sort();
}

/** Waits until every card the replica adds later (its data-replica-later templates) is on the page. */
async function laterCardsArrived(site: Page): Promise<void> {
  await site.waitForFunction(() =>
    [...document.querySelectorAll('template[data-replica-later]')].every((template) =>
      [...(template as HTMLTemplateElement).content.querySelectorAll('[data-replica-person]')].every((card) =>
        document.querySelector(`[data-replica-person="${card.getAttribute('data-replica-person')}"]`),
      ),
    ),
  );
}

test.afterEach(async ({ replicas }) => {
  // Nothing but the replicas themselves was asked for: no live site, no request of the extension's own.
  expect(replicas.unexpected.filter((u) => !u.includes('favicon'))).toEqual([]);
});

test('web friend requests: id, dotted username URL, name-only and later cards; suggestions never; Delete only', async ({
  boundary,
  context,
  replicas,
}) => {
  const clients = [
    'Ana Ruiz-Calder', // by numeric id
    'Lena Fischbach', // by vanity URL with dots
    "O'Donnell, Samir", // by name only
    'Kofi Mensah-Baird', // card loads later; username written with other dots and case
    'Dana Whitlock', // a People-you-may-know suggestion, by name
    'Eli Marchetti', // a suggestion, by its exact profile
  ];
  await importClients(
    boundary,
    csv(
      'Ana Ruiz-Calder,current,,100089412300001,,',
      'Lena Fischbach,former,,https://www.facebook.com/lena.fischbach.77,,',
      `"O'Donnell, Samir",current,,,,`,
      'Kofi Mensah-Baird,current,,https://m.facebook.com/Kofi.MensahBaird/?ref=bookmarks,,',
      'Dana Whitlock,current,,,,',
      'Eli Marchetti,former,,facebook.com/eli.marchetti,,',
    ),
    6,
  );

  const site = await context.newPage();
  await site.goto(replicas.serve(REQUESTS, 'facebook/friend-requests.en.html'));
  const popup = await boundary.openPopup(site);

  await expect(detectionFor(popup, 'Ana Ruiz-Calder', 'request', 'exact')).toHaveCount(1);
  await expect(detectionFor(popup, 'Lena Fischbach', 'request', 'exact')).toHaveCount(1);
  const samir = detectionFor(popup, "O'Donnell, Samir", 'request', 'name');
  await expect(samir).toHaveCount(1);
  await expect(samir).toContainText("Samir O'Donnell"); // the name as the page shows it
  // Kofi's card arrives later, like infinite scroll.
  await expect(detectionFor(popup, 'Kofi Mensah-Baird', 'request', 'exact')).toHaveCount(1);
  await laterCardsArrived(site);

  expect(await shownAs(popup, clients)).toEqual([
    'request/exact/Ana Ruiz-Calder',
    'request/exact/Kofi Mensah-Baird',
    'request/exact/Lena Fischbach',
    "request/name/O'Donnell, Samir",
  ]);
  const text = (await shownDetections(popup)).map((d) => d.text).join('\n');
  for (const other of ['Jonah Petrakis', 'Priya Natarajan-Holt', 'Dana Whitlock', 'Eli Marchetti', 'Noor Haddad']) {
    expect(text).not.toContain(other);
  }
  await expect.poll(() => boundary.badgeText(site)).toBe('4');

  // Only browsing so far: the page saw no change from the extension.
  const browsed = await replicaState(site);
  expect(browsed.foreignMutations).toEqual([]);
  expect(browsed.actions).toEqual([]);

  const lena = detectionFor(popup, 'Lena Fischbach', 'request');
  await lena.getByTestId('decline').click();
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'lena' }]);
  // The others' cards are untouched, and nothing was confirmed.
  await expect(site.locator('[data-replica-person="lena"]')).toContainText('Request removed');
  await expect(site.locator('[data-replica-person="ana"] [data-replica-action="decline"]')).toHaveCount(1);
  await expect(site.locator('[data-replica-person="kofi"] [data-replica-action="accept"]')).toHaveCount(1);
  expect((await replicaState(site)).sent).toEqual([]);
  // The declined card leaves the tab's count, and the popup keeps showing it as done.
  await expect.poll(() => boundary.badgeText(site)).toBe('3');
  await expect(lena.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  await expect(lena.getByTestId('decline')).toBeDisabled();
  const reopened = await boundary.openPopup(site);
  await expect(detectionFor(reopened, 'Ana Ruiz-Calder', 'request')).toHaveCount(1);
  await expect(detectionFor(reopened, 'Lena Fischbach', 'request')).toHaveCount(0);
});

test('Spanish web friend requests: detected, and declined with Eliminar', async ({ boundary, context, replicas }) => {
  const clients = ['Lucia Ferrer Quintana', 'Valentina Soler', 'Andrés Quiroga', 'Tomás Echeverri'];
  await importClients(
    boundary,
    csv(
      'Lucia Ferrer Quintana,current,,,,', // name only, without the accent the page shows
      'Valentina Soler,current,,@valentina.soler.88,,',
      'Andrés Quiroga,former,,andresquiroga.mx,,', // card loads later
      'Tomás Echeverri,current,,https://www.facebook.com/tomas.echeverri,,', // a suggestion
    ),
    4,
  );
  const site = await context.newPage();
  await site.goto(replicas.serve(REQUESTS, 'facebook/friend-requests.es.html'));
  const popup = await boundary.openPopup(site);

  await expect(detectionFor(popup, 'Lucia Ferrer Quintana', 'request', 'name')).toContainText('Lucía Ferrer Quintana');
  await expect(detectionFor(popup, 'Valentina Soler', 'request', 'exact')).toHaveCount(1);
  await expect(detectionFor(popup, 'Andrés Quiroga', 'request', 'exact')).toHaveCount(1);
  await laterCardsArrived(site);
  expect(await shownAs(popup, clients)).toEqual([
    'request/exact/Andrés Quiroga',
    'request/exact/Valentina Soler',
    'request/name/Lucia Ferrer Quintana',
  ]);
  await expect.poll(() => boundary.badgeText(site)).toBe('3');
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  await detectionFor(popup, 'Valentina Soler', 'request').getByTestId('decline').click();
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'valentina' }]);
  await expect(site.locator('[data-replica-person="valentina"]')).toContainText('Request removed');
});

test('French Friends home: the requests section is checked and declined with Supprimer, suggestions are not', async ({
  boundary,
  context,
  replicas,
}) => {
  const clients = ['Ines Morvan', 'Yusuf Aydin-Laurent', 'Hugo Delacroix-Ba', 'Maëlle Tran'];
  await importClients(
    boundary,
    csv(
      'Ines Morvan,current,,https://www.facebook.com/people/Ines-Morvan/100089412300103/,,',
      'Yusuf Aydin-Laurent,former,,,,', // name only; the page writes it with a dotless ı
      'Hugo Delacroix-Ba,current,,,,', // a suggestion, by name
      'Maëlle Tran,current,,https://fr-fr.facebook.com/maelle.tran.5,,', // a suggestion, by profile
    ),
    4,
  );
  const site = await context.newPage();
  await site.goto(replicas.serve(FRIENDS_HOME, 'facebook/friends-home.fr.html'));
  const popup = await boundary.openPopup(site);

  await expect(detectionFor(popup, 'Ines Morvan', 'request', 'exact')).toHaveCount(1);
  await expect(detectionFor(popup, 'Yusuf Aydin-Laurent', 'request', 'name')).toContainText('Yusuf Aydın-Laurent');
  expect(await shownAs(popup, clients)).toEqual(['request/exact/Ines Morvan', 'request/name/Yusuf Aydin-Laurent']);
  await expect.poll(() => boundary.badgeText(site)).toBe('2');
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  await detectionFor(popup, 'Ines Morvan', 'request').getByTestId('decline').click();
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'ines' }]);
});

test('mbasic friend requests (older layout): detected, and declined with its Delete Request link', async ({
  boundary,
  context,
  replicas,
}) => {
  const clients = ['Ada Kowalczyk', 'Ruben Okafor', 'Gideon Farrow', 'Wren Castellano'];
  await importClients(
    boundary,
    csv(
      'Ada Kowalczyk,current,,https://m.facebook.com/profile.php?id=100089412300201,,',
      'Ruben Okafor,current,,,,', // name only
      'Gideon Farrow,former,,,,', // a suggestion, by name
      'Wren Castellano,current,,wren.castellano,,', // a suggestion, by profile
    ),
    4,
  );
  const site = await context.newPage();
  await site.goto(replicas.serve(MBASIC_REQUESTS, 'facebook/friend-requests.mbasic.en.html'));
  const popup = await boundary.openPopup(site);

  await expect(detectionFor(popup, 'Ada Kowalczyk', 'request', 'exact')).toHaveCount(1);
  await expect(detectionFor(popup, 'Ruben Okafor', 'request', 'name')).toHaveCount(1);
  expect(await shownAs(popup, clients)).toEqual(['request/exact/Ada Kowalczyk', 'request/name/Ruben Okafor']);
  await expect.poll(() => boundary.badgeText(site)).toBe('2');
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  await detectionFor(popup, 'Ada Kowalczyk', 'request').getByTestId('decline').click();
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'ada' }]);
  // The link was the page's to handle: the tab is still on the same page.
  expect(site.url()).toBe(MBASIC_REQUESTS);
});

test('Messenger: header and list row, reply only into the open conversation, never sent; follows a switch of conversation', async ({
  boundary,
  context,
  replicas,
}) => {
  const clients = ['Marta Quell', 'Jonah Weiss', 'Oskar Lindqvist', 'Lena Fischbach'];
  await importClients(
    boundary,
    csv(
      'Marta Quell,current,,https://www.facebook.com/marta.quell/,,',
      'Jonah Weiss,current,,https://www.facebook.com/profile.php?id=100089412300034,,',
      'Oskar Lindqvist,former,,,,', // a row that loads later, by name
      'Lena Fischbach,current,,lena.fischbach.77,,', // only linked from inside a message
    ),
    4,
  );
  const site = await context.newPage();
  await site.goto(replicas.serve(MARTA_THREAD, 'facebook/messages.en.html'));
  const popup = await boundary.openPopup(site);

  const martaHeader = detectionFor(popup, 'Marta Quell', 'message', 'exact');
  await expect(martaHeader).toHaveCount(1);
  await expect(detectionFor(popup, 'Oskar Lindqvist', 'message', 'name')).toHaveCount(1);
  await laterCardsArrived(site);
  // Marta's row in the list and her open conversation are one item.
  expect(await shownAs(popup, clients)).toEqual(['message/exact/Marta Quell', 'message/name/Jonah Weiss', 'message/name/Oskar Lindqvist']);
  await expect(popup.locator('[data-testid="detection"] [data-testid="decline"]')).toHaveCount(0);
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  // Into the open conversation, through the editor's own events; several lines; never sent.
  await martaHeader.getByTestId('insert-reply').click();
  await expect(martaHeader.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const inserted = await replicaState(site);
  expect(inserted.editors.marta).toContain(REPLY_PHRASE);
  expect(inserted.editors.marta?.split('\n').length).toBeGreaterThan(2);
  expect(inserted.sent).toEqual([]);

  // Jonah's row is not the open conversation: the reply must not land in Marta's box.
  const jonahRow = detectionFor(popup, 'Jonah Weiss', 'message', 'name');
  await jonahRow.getByTestId('insert-reply').click();
  await expect(jonahRow.getByTestId('action-result')).toHaveAttribute('data-ok', 'false');
  const refused = await replicaState(site);
  expect(refused.editors).toEqual(inserted.editors);
  expect(refused.sent).toEqual([]);

  // The clinician opens Jonah's conversation in the page (single-page navigation).
  await site.bringToFront();
  await site.locator('[data-replica-person="chat-jonah"] a[data-replica-navigate]').click();
  await expect(site).toHaveURL('https://www.facebook.com/messages/t/100089412300034/');
  await expect(site.locator('[data-replica-editor="jonah"]')).toBeVisible();

  const again = await boundary.openPopup(site);
  const jonahHeader = detectionFor(again, 'Jonah Weiss', 'message', 'exact');
  await expect(jonahHeader).toHaveCount(1);
  await expect(detectionFor(again, 'Marta Quell', 'message', 'exact')).toHaveCount(0);
  expect(await shownAs(again, clients)).toEqual(['message/exact/Jonah Weiss', 'message/name/Marta Quell', 'message/name/Oskar Lindqvist']);

  await jonahHeader.getByTestId('insert-reply').click();
  await expect(jonahHeader.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const after = await replicaState(site);
  expect(after.editors.jonah).toContain(REPLY_PHRASE);
  expect(after.editors.jonah?.split('\n').length).toBeGreaterThan(2);
  expect(after.editors.marta).toBe(inserted.editors.marta);
  expect(after.sent).toEqual([]);

  // Marta's row is no longer the open conversation: refused, Jonah's box keeps only the one reply.
  const martaRow = detectionFor(again, 'Marta Quell', 'message', 'name');
  await martaRow.getByTestId('insert-reply').click();
  await expect(martaRow.getByTestId('action-result')).toHaveAttribute('data-ok', 'false');
  const last = await replicaState(site);
  expect(last.editors).toEqual(after.editors);
  expect(last.sent).toEqual([]);
});

test('German message requests: detected as messages; no message box, so no reply goes in and the page is untouched', async ({
  boundary,
  context,
  replicas,
}) => {
  const clients = ['Greta Hollmann', 'Piotr Zielinski-Braun'];
  await importClients(
    boundary,
    csv('Greta Hollmann,current,,100089412300061,,', 'Piotr Zielinski-Braun,former,,,,'),
    2,
  );
  const site = await context.newPage();
  await site.goto(replicas.serve(MESSAGE_REQUESTS, 'facebook/message-requests.de.html'));
  const popup = await boundary.openPopup(site);

  const gretaHeader = detectionFor(popup, 'Greta Hollmann', 'message', 'exact');
  await expect(gretaHeader).toHaveCount(1);
  await expect(detectionFor(popup, 'Piotr Zielinski-Braun', 'message', 'name')).toContainText('Piotr Zieliński-Braun');
  // Greta's row and her open request are one item.
  expect(await shownAs(popup, clients)).toEqual(['message/exact/Greta Hollmann', 'message/name/Piotr Zielinski-Braun']);
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  await gretaHeader.getByTestId('insert-reply').click();
  await expect(gretaHeader.getByTestId('action-result')).toHaveAttribute('data-ok', 'false');
  const state = await replicaState(site);
  expect(state).toEqual({ actions: [], sent: [], foreignMutations: [], editors: {} });
});

test('no false positives: a list that matches nobody on any Facebook replica shows nothing', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(
    boundary,
    csv(
      'Riley Moss,current,,https://www.facebook.com/riley.moss.counselling,,', // the clinician's own top-bar link
      'Ana Ruiz,current,,,,', // part of a name on the page (Ana Ruiz-Calder)
      'Jonah,current,,,,', // one word of two names on the pages
      'Sam Keller,former,,https://www.facebook.com/profile.php?id=7234000000000451,,', // a group thread id
      'Noa Berg,current,,8812000000000032,,', // an encrypted thread id
      // People-you-may-know suggestions on the replicas, by name and by profile:
      'Dana Whitlock,current,,,,',
      'Noor Haddad,current,,100089412300903,,',
      'Tomás Echeverri,current,,tomas.echeverri,,',
      'Irene Salcedo,current,,,,',
      'Hugo Delacroix-Ba,current,,100089412300191,,',
      'Maëlle Tran,current,,maelle.tran.5,,',
      'Gideon Farrow,current,,,,',
      'Wren Castellano,current,,wren.castellano,,',
    ),
    13,
  );
  const pages: [string, string][] = [
    [REQUESTS, 'facebook/friend-requests.en.html'],
    [REQUESTS, 'facebook/friend-requests.es.html'],
    [FRIENDS_HOME, 'facebook/friends-home.fr.html'],
    [MBASIC_REQUESTS, 'facebook/friend-requests.mbasic.en.html'],
    [MARTA_THREAD, 'facebook/messages.en.html'],
    [MESSAGE_REQUESTS, 'facebook/message-requests.de.html'],
  ];
  for (const [url, fixture] of pages) {
    const site = await context.newPage();
    await site.goto(replicas.serve(url, fixture));
    const popup = await boundary.openPopup(site);
    await laterCardsArrived(site);
    // Time for the later cards to be scanned and reported (the scan runs within 100 ms).
    await site.waitForTimeout(500);
    // "no-matches": the page was read and reported, and nobody on it is on the list.
    await expect(popup.getByTestId('popup-empty'), fixture).toBeVisible();
    await expect(popup.getByTestId('popup-empty'), fixture).toHaveAttribute('data-reason', 'no-matches');
    await expect(popup.getByTestId('detection'), fixture).toHaveCount(0);
    expect(await boundary.badgeText(site), fixture).toBe('');
    expect((await replicaState(site)).foreignMutations, fixture).toEqual([]);
    await popup.close();
    await site.close();
  }
});
