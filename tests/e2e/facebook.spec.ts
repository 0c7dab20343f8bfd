import type { Page } from '@playwright/test';
import { detectionFor, expect, replicaState, shownDetections, test, type Boundary } from './support/test';

// Who is who in the replicas: tests/fixtures/facebook/*.html and tests/unit/sites/facebook.test.ts.

const HEADER = 'name,status,aliases,facebook,instagram,linkedin';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

const REQUESTS = 'https://www.facebook.com/friends/requests/';
const FRIENDS_HOME = 'https://www.facebook.com/friends/';
const MARTA_THREAD = 'https://www.facebook.com/messages/t/100089412300031/';
const MESSAGE_REQUESTS = 'https://www.facebook.com/messages/requests/';

/** A phrase of the default reply (lib/replies/default-replies.ts). */
const REPLY_PHRASE = 'Please contact the practice by phone or through its secure channels instead.';
const REPLY_PHRASE_ES = 'Por favor, póngase en contacto con el centro por teléfono o a través de sus canales seguros.';

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

test('web friend requests: id, dotted username URL, name-only and later cards; Delete only', async ({
  boundary,
  context,
  replicas,
}) => {
  const clients = [
    'Ana Ruiz-Calder', // by numeric id
    'Lena Fischbach', // by vanity URL with dots
    "O'Donnell, Samir", // by name only
    'Kofi Mensah-Baird', // card loads later; username written with other dots and case
  ];
  await importClients(
    boundary,
    csv(
      'Ana Ruiz-Calder,current,,100089412300001,,',
      'Lena Fischbach,former,,https://www.facebook.com/lena.fischbach.77,,',
      `"O'Donnell, Samir",current,,,,`,
      'Kofi Mensah-Baird,current,,https://m.facebook.com/Kofi.MensahBaird/?ref=bookmarks,,',
    ),
    4,
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
  const clients = ['Lucia Ferrer Quintana', 'Valentina Soler', 'Andrés Quiroga'];
  await importClients(
    boundary,
    csv(
      'Lucia Ferrer Quintana,current,,,,', // name only, without the accent the page shows
      'Valentina Soler,current,,@valentina.soler.88,,',
      'Andrés Quiroga,former,,andresquiroga.mx,,', // card loads later
    ),
    3,
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

test('a requester’s profile with Respond (Italian, menu closed): Decline opens Rispondi and presses Elimina richiesta in its menu, never Conferma', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(boundary, csv('Marta Ferrandini,current,,https://www.facebook.com/profile.php?id=100089412300791,,'), 1);
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/profile.php?id=100089412300791', 'facebook/profile-respond.it.html'));
  await expect.poll(() => boundary.badgeText(site)).toBe('1');
  const popup = await boundary.openPopup(site);
  const marta = detectionFor(popup, 'Marta Ferrandini', 'request', 'exact');
  await expect(marta).toHaveCount(1);
  // Looking changed nothing on the page; the menu is not there until pressed.
  expect((await replicaState(site)).foreignMutations).toEqual([]);
  await expect(site.locator('[role="menu"]')).toHaveCount(0);
  await marta.getByTestId('decline').click();
  await expect(marta.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  expect((await replicaState(site)).actions).toEqual([
    { action: 'respond-menu', person: 'marta' },
    { action: 'decline', person: 'marta' },
  ]);
  await expect(site.locator('[data-replica-person="marta"]')).toContainText('Request removed');
});

test('French Friends home: the requests section is checked and declined with Supprimer', async ({
  boundary,
  context,
  replicas,
}) => {
  const clients = ['Ines Morvan', 'Yusuf Aydin-Laurent'];
  await importClients(
    boundary,
    csv(
      'Ines Morvan,current,,https://www.facebook.com/people/Ines-Morvan/100089412300103/,,',
      'Yusuf Aydin-Laurent,former,,,,', // name only; the page writes it with a dotless ı
    ),
    2,
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

test('two-pane requests list (German): rows in the left column are read, and Delete on the list is pressed, nothing else', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(
    boundary,
    csv(
      'Sibel Kaya-Brandt,current,,https://www.facebook.com/profile.php?id=100089412300312,,', // named only by her avatar
      'Lorenz Abt,former,,,,', // by name only
      'Mirko Stanić,current,,100089412300315,,', // his row loads later
      'Uwe Krämer,current,,100089412300398,,', // invites to a page: not a request
    ),
    4,
  );
  const site = await context.newPage();
  await site.goto(replicas.serve(REQUESTS, 'facebook/friend-requests.two-pane.de.html'));
  const popup = await boundary.openPopup(site);

  await expect(detectionFor(popup, 'Sibel Kaya-Brandt', 'request', 'exact')).toHaveCount(1);
  await expect(detectionFor(popup, 'Lorenz Abt', 'request', 'name')).toHaveCount(1);
  await expect(detectionFor(popup, 'Mirko Stanić', 'request', 'exact')).toHaveCount(1);
  await laterCardsArrived(site);
  expect(await shownAs(popup, ['Sibel Kaya-Brandt', 'Lorenz Abt', 'Mirko Stanić', 'Uwe Krämer'])).toEqual([
    'request/exact/Mirko Stanić',
    'request/exact/Sibel Kaya-Brandt',
    'request/name/Lorenz Abt',
  ]);
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  const sibel = detectionFor(popup, 'Sibel Kaya-Brandt', 'request');
  await sibel.getByTestId('decline').click();
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'sibel' }]);
  await expect(sibel.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  // The row's link was not followed, and no other control was touched.
  expect(site.url()).toBe(REQUESTS);
  await expect(site.locator('[data-replica-person="sibel"]')).toContainText('Request removed');
  expect((await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'sibel' }]);
});

test('end-to-end encrypted Messenger thread (Spanish): Insert reply fills the open chat’s Lexical box, sends nothing', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(
    boundary,
    csv(
      'Valeria Montes Ríos,current,,https://www.facebook.com/valeria.montes.rios,,', // the header links her
      'Bruno Escudero,current,,100089412300412,,', // another chat, by the id in its thread
    ),
    2,
  );
  const url = 'https://www.facebook.com/messages/e2ee/t/8800112233445501/';
  const site = await context.newPage();
  await site.goto(replicas.serve(url, 'facebook/messenger-e2ee.es.html'));
  const popup = await boundary.openPopup(site);

  const valeria = detectionFor(popup, 'Valeria Montes Ríos', 'message', 'exact');
  await expect(valeria).toHaveCount(1);
  const bruno = detectionFor(popup, 'Bruno Escudero', 'message', 'exact');
  await expect(bruno).toHaveCount(1);
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  await valeria.getByTestId('insert-reply').click();
  await expect(valeria.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(site);
  // The page is in Spanish: the Spanish reply goes in first.
  expect(state.editors.valeria).toContain(REPLY_PHRASE_ES);
  expect(state.sent).toEqual([]);
  expect(state.actions).toEqual([]);

  // Bruno's chat is not the one open: nothing goes in.
  await bruno.getByTestId('insert-reply').click();
  await expect(bruno.getByTestId('action-result')).toHaveAttribute('data-ok', 'false');
  expect((await replicaState(site)).editors).toEqual(state.editors);
  expect((await replicaState(site)).sent).toEqual([]);
});

test('Messenger: reply only into the open conversation, never sent; follows a switch of conversation', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(
    boundary,
    csv(
      'Marta Quell,current,,https://www.facebook.com/marta.quell/,,', // the open conversation's header links her
      'Jonah Weiss,current,,https://www.facebook.com/profile.php?id=100089412300034,,', // his row's thread is his id
      'Oskar Lindqvist,former,,,,', // a row that loads later, by name
      'Lena Fischbach,current,,lena.fischbach.77,,', // only linked from inside a message
    ),
    4,
  );
  const site = await context.newPage();
  await site.goto(replicas.serve(MARTA_THREAD, 'facebook/messages.en.html'));
  const popup = await boundary.openPopup(site);

  // Marta's conversation is open and listed: one item, exact by her header's profile link.
  const martaOpen = detectionFor(popup, 'Marta Quell', 'message');
  await expect(martaOpen).toHaveCount(1);
  await expect(martaOpen).toHaveAttribute('data-match', 'exact');
  // Jonah's row: the thread /messages/t/<his id>/ is a one-to-one chat, so his row is exact.
  const jonahRow = detectionFor(popup, 'Jonah Weiss', 'message', 'exact');
  await expect(jonahRow).toHaveCount(1);
  await expect(detectionFor(popup, 'Oskar Lindqvist', 'message', 'name')).toHaveCount(1);
  await laterCardsArrived(site);
  await expect(popup.locator('[data-testid="detection"]').filter({ hasText: 'Lena Fischbach' })).toHaveCount(0);
  await expect(popup.locator('[data-testid="detection"] [data-testid="decline"]')).toHaveCount(0);
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  // Into the open conversation, through the editor's own events; several lines; never sent.
  await martaOpen.getByTestId('insert-reply').click();
  await expect(martaOpen.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const inserted = await replicaState(site);
  expect(inserted.editors.marta).toContain(REPLY_PHRASE);
  expect(inserted.editors.marta?.split('\n').length).toBeGreaterThan(2);
  expect(inserted.sent).toEqual([]);

  // Jonah's row is not the open conversation: the reply must not land in Marta's box.
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
  // His row and his now open header are one item.
  const jonahOpen = detectionFor(again, 'Jonah Weiss', 'message', 'exact');
  await expect(jonahOpen).toHaveCount(1);
  // Marta's header is gone; her row links a thread whose id is not her listed username.
  const martaRow = detectionFor(again, 'Marta Quell', 'message');
  await expect(martaRow).toHaveCount(1);
  await expect(martaRow).toHaveAttribute('data-match', 'name');

  await jonahOpen.getByTestId('insert-reply').click();
  await expect(jonahOpen.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const after = await replicaState(site);
  expect(after.editors.jonah).toContain(REPLY_PHRASE);
  expect(after.editors.jonah?.split('\n').length).toBeGreaterThan(2);
  expect(after.editors.marta).toBe(inserted.editors.marta);
  expect(after.sent).toEqual([]);

  // Marta's row is no longer the open conversation: refused, Jonah's box keeps only the one reply.
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
  await importClients(
    boundary,
    csv('Greta Hollmann,current,,100089412300061,,', 'Piotr Zielinski-Braun,former,,,,'),
    2,
  );
  const site = await context.newPage();
  await site.goto(replicas.serve(MESSAGE_REQUESTS, 'facebook/message-requests.de.html'));
  const popup = await boundary.openPopup(site);

  // Her request's row links /messages/t/<her id>/ and her open request's header links her
  // profile: one item, exact.
  const gretaHeader = detectionFor(popup, 'Greta Hollmann', 'message');
  await expect(gretaHeader).toHaveCount(1);
  await expect(gretaHeader).toHaveAttribute('data-match', 'exact');
  await expect(detectionFor(popup, 'Piotr Zielinski-Braun', 'message', 'name')).toContainText('Piotr Zieliński-Braun');
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
      'Noa Berg,current,,8812000000000032,,', // an encrypted thread id (not a Facebook id)
      'Ivo Castell,current,,7700112233445566,,', // another encrypted thread id
      'Casey Linden,current,,100089412300399,,', // invites to a page on the two-pane list: no request
      'Harbour Yoga,current,,harbouryogastudio,,', // the page invited to
      'Bruna Teixeira,current,,100089412300343,,', // a suggestion already asked (Cancel only)
      // Someone whose name is only a message's text, and a profile only pasted into a message:
      'Pim Vandijk,current,,pim.vandijk,,',
      'Valeria Montes,current,,,,', // part of a name (Valeria Montes Ríos)
    ),
    10,
  );
  const pages: [string, string][] = [
    [REQUESTS, 'facebook/friend-requests.en.html'],
    [REQUESTS, 'facebook/friend-requests.es.html'],
    [FRIENDS_HOME, 'facebook/friends-home.fr.html'],
    [REQUESTS, 'facebook/friend-requests.two-pane.en.html'],
    [REQUESTS, 'facebook/friend-requests.two-pane.de.html'],
    [FRIENDS_HOME, 'facebook/friends-home.es.html'],
    ['https://www.facebook.com/friends/suggestions/', 'facebook/friend-suggestions.pt.html'],
    [REQUESTS, 'facebook/friend-requests.two-pane.it.html'],
    ['https://www.facebook.com/friends/list/', 'facebook/friends-list.fr.html'],
    ['https://www.facebook.com/riley.moss.counselling/friends', 'facebook/profile-friends.en.html'],
    ['https://www.facebook.com/messages/t/100089412300401/', 'facebook/messenger.en.html'],
    ['https://www.facebook.com/messages/e2ee/t/8800112233445501/', 'facebook/messenger-e2ee.es.html'],
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
