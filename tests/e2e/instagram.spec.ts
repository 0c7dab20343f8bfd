import type { Page } from '@playwright/test';
import { defaultReply } from '../../lib/replies/default-replies';
import { DEFAULT_SETTINGS } from '../../lib/settings/practice';
import { detectionFor, expect, replicaState, shownDetections, test, type Boundary } from './support/test';
import type { Replicas } from './support/replicas';

// Everyone below is invented, like the replicas. Besides the people each page should show, the
// list holds people the pages show in places that are NOT requests or conversations
// (suggestions, new followers, likes, the feed, mentions and shared profiles inside a thread):
// those must never be shown, although their names and profiles are on the list.
const CLIENTS = [
  'name,status,aliases,facebook,instagram,linkedin',
  // follow-requests.en.html
  'Maple Quinn,current,,,@maple.quinn,',
  'Sunny Fieldhouse,former,,,https://www.Instagram.com/Sunny.Fieldhouse/?hl=en,',
  'Jude Okonkwo,current,,,,',
  'Teodor Marsh,current,,,instagram.com/teo.marsh,',
  'Kai Lindqvist,current,,,@kai.lindqvist,', // suggested for you, by profile
  'Birchwood Ceramics,former,,,,', // suggested for you, by name
  // activity-panel.pt.html
  'Nina Arruda,current,,,nina.arruda,',
  'Caio Barros,current,,,@caio.b_,',
  'Beatriz Tavares,former,,,,',
  'Luana Paiva,current,,,@lu.paiva,', // a new follower, not a request
  'Tomás Reis,current,,,tomas.reis,', // liked a post
  'Vila Flores Café,current,,,vila.flores.cafe,', // suggestion in the drawer
  'José Cerqueira,current,,,ze.cerqueira,', // suggestion beside the feed
  'Padaria do Bairro,current,,,padaria.do.bairro,', // a post in the feed
  // direct-inbox.en.html
  'Priya Natarajan,current,,,,',
  'Wren Adeyemi,former,,,,',
  // direct-thread.es.html
  'Carmen Ruiz,current,,,@carmen.ruiz.m,',
  'Diego Fuentes,current,,,https://instagram.com/diego.fuentes,',
  'Estudio Pilates Sur,current,,,estudio.pilates.sur,', // @mentioned inside Carmen's messages
  'Huerta Comunitaria,current,,,https://www.instagram.com/huerta.comunitaria/,', // profile shared in Diego's messages
  // direct-requests.fr.html
  'Elodie Marchand,current,,,,',
  'Bastien Roy,former,,,bastien.roy,',
].join('\n');
const CLIENT_COUNT = 22;

// Near misses of everyone on the replicas: one name token more or fewer, a username one character
// off. None of them is anyone on any page, so every page must show nobody.
const NOBODY = [
  'name,status,aliases,facebook,instagram,linkedin',
  'Maple Quinn-Harper,current,,,@maple.quinn_,',
  'Jude A. Okonkwo,current,,,j.okonkwo_89,',
  'Sunny,current,,,sunny.fieldhous,',
  'Orla V.,current,,,orla.vance.art,',
  'Teo Marsh,current,,,teo.marsh_,',
  'Kai Lind,current,,,kai.lindqvis,',
  'Nina Arruda Lopes,current,,,nina.arruda1,',
  'Caio Barros,current,,,caio.b,',
  'Beatriz,former,,,bia.tavares.psi,',
  'Priya N.,current,,,priya.n,',
  'Wren Adeyemi-Cole,current,,,,',
  'Marco Lenz,current,,,marco.lenz,',
  'Carmen Ruíz Molina,current,,,carmen.ruiz,',
  'Diego Fuentes Vidal,current,,,diegofuentes,',
  'Alba Serrano Gil,current,,,,',
  'Élodie Marchand-Blanc,current,,,,',
  'Bastien Roy Jr,former,,,bastien.roy.jr,',
].join('\n');
const NOBODY_COUNT = 17;

const FOLLOW_REQUESTS = 'https://www.instagram.com/accounts/activity/?followRequests=1';
const HOME = 'https://www.instagram.com/';
const INBOX = 'https://www.instagram.com/direct/inbox/';
const CARMEN_THREAD = 'https://www.instagram.com/direct/t/118273645501928/';
const DIEGO_THREAD = 'https://www.instagram.com/direct/t/118273645509999/';
const MESSAGE_REQUESTS = 'https://www.instagram.com/direct/requests/';

const REPLY = defaultReply('instagram');
/** On a page in Spanish (<html lang="es">) the Spanish reply is offered first, the practice's English one next. */
const REPLY_ES = defaultReply('instagram', { ...DEFAULT_SETTINGS, language: 'es' });

async function importClients(boundary: Boundary, csv: string, count: number): Promise<void> {
  const { imported, rejected } = await boundary.importCsv(csv);
  expect({ imported, rejected }).toEqual({ imported: count, rejected: 0 });
}

async function openSite(context: { newPage(): Promise<Page> }, replicas: Replicas, url: string, fixture: string) {
  const site = await context.newPage();
  await site.goto(replicas.serve(url, `instagram/${fixture}`));
  return site;
}

/** [kind, match, client name] of every detection shown, sorted. */
async function shownSummary(popup: Page, names: readonly string[]) {
  const shown = await shownDetections(popup);
  for (const d of shown) expect(d.platform).toBe('instagram');
  return shown
    .map((d) => [d.kind, d.match, names.filter((name) => d.text.includes(name)).join('|')])
    .sort((a, b) => a.join().localeCompare(b.join()));
}

const ALL_NAMES = CLIENTS.split('\n')
  .slice(1)
  .map((row) => row.split(',')[0]!);

function expectNoUnexpectedRequests(replicas: Replicas) {
  expect(replicas.unexpected.filter((u) => !u.includes('favicon'))).toEqual([]);
}

test('follow requests page: @username, URL in another case, name only, a row loading later; never suggestions; Delete only', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(boundary, CLIENTS, CLIENT_COUNT);
  const site = await openSite(context, replicas, FOLLOW_REQUESTS, 'follow-requests.en.html');
  const popup = await boundary.openPopup(site);

  await expect(detectionFor(popup, 'Maple Quinn', 'request', 'exact')).toHaveCount(1);
  await expect(detectionFor(popup, 'Sunny Fieldhouse', 'request', 'exact')).toHaveCount(1);
  await expect(detectionFor(popup, 'Jude Okonkwo', 'request', 'name')).toHaveCount(1);
  // Teodor's row is appended later, as the list scrolls (Orla's, not on the list, comes with it).
  await expect(detectionFor(popup, 'Teodor Marsh', 'request', 'exact')).toHaveCount(1);
  await expect(site.locator('[data-replica-person="orla"]')).toHaveCount(1);

  // Exactly these four requests: Orla (not on the list) is not shown; the "Suggested for you"
  // people are suggestions, never requests.
  expect(await shownSummary(popup, ALL_NAMES)).toEqual([
    ['request', 'exact', 'Maple Quinn'],
    ['request', 'exact', 'Sunny Fieldhouse'],
    ['request', 'exact', 'Teodor Marsh'],
    ['request', 'name', 'Jude Okonkwo'],
    ['suggestion', 'exact', 'Kai Lindqvist'],
    ['suggestion', 'name', 'Birchwood Ceramics'],
  ]);
  const texts = (await shownDetections(popup)).map((d) => d.text).join('\n');
  for (const absent of ['Orla', 'orla.vance', 'rowan.talks']) {
    expect(texts).not.toContain(absent);
  }

  // Only browsing so far: the page saw no change from the extension.
  const before = await replicaState(site);
  expect(before.foreignMutations).toEqual([]);
  expect(before.actions).toEqual([]);

  const maple = detectionFor(popup, 'Maple Quinn', 'request');
  await maple.getByTestId('decline').click();
  await expect(maple.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const after = await replicaState(site);
  expect(after.actions).toEqual([{ action: 'decline', person: 'maple' }]);
  expect(after.sent).toEqual([]);
  // The other rows still have both their buttons: nothing was pressed on them.
  await expect(site.locator('[data-replica-person="jude"] [data-replica-action]')).toHaveCount(2);
  await expect(site.locator('[data-replica-person="maple"] [data-replica-action]')).toHaveCount(0);
  expectNoUnexpectedRequests(replicas);
});

test('Portuguese activity drawer over the home feed: requests detected and declined with Excluir; followers, likes, suggestions not', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(boundary, CLIENTS, CLIENT_COUNT);
  const site = await openSite(context, replicas, HOME, 'activity-panel.pt.html');
  const popup = await boundary.openPopup(site);

  await expect(detectionFor(popup, 'Nina Arruda', 'request', 'exact')).toHaveCount(1);
  await expect(detectionFor(popup, 'Caio Barros', 'request', 'exact')).toHaveCount(1);
  await expect(detectionFor(popup, 'Beatriz Tavares', 'request', 'name')).toHaveCount(1);
  // Luana (new follower), Tomás (a like), José (a Seguir-only suggestion beside the feed) and the
  // bakery in the feed are all on the list, and none is a request; Vila Flores, in the drawer
  // with Seguir and its ✕, is a suggestion.
  expect(await shownSummary(popup, ALL_NAMES)).toEqual([
    ['request', 'exact', 'Caio Barros'],
    ['request', 'exact', 'Nina Arruda'],
    ['request', 'name', 'Beatriz Tavares'],
    ['suggestion', 'exact', 'Vila Flores Café'],
  ]);
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  // Nina's Excluir is a role="button" div, Caio's a <button>.
  const nina = detectionFor(popup, 'Nina Arruda', 'request');
  await nina.getByTestId('decline').click();
  await expect(nina.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  expect((await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'nina' }]);

  const caio = detectionFor(popup, 'Caio Barros', 'request');
  await caio.getByTestId('decline').click();
  await expect(caio.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(site);
  expect(state.actions).toEqual([
    { action: 'decline', person: 'nina' },
    { action: 'decline', person: 'caio' },
  ]);
  expect(state.sent).toEqual([]);
  expectNoUnexpectedRequests(replicas);
});

test('Direct inbox: conversations matched by name; with no conversation open, Insert reply fails and leaves the page alone', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(boundary, CLIENTS, CLIENT_COUNT);
  const site = await openSite(context, replicas, INBOX, 'direct-inbox.en.html');
  const popup = await boundary.openPopup(site);

  await expect(detectionFor(popup, 'Priya Natarajan', 'message', 'name')).toHaveCount(1);
  // Wren is in the notes tray as well as in the list: one conversation, shown once.
  await expect(detectionFor(popup, 'Wren Adeyemi', 'message', 'name')).toHaveCount(1);
  expect(await shownSummary(popup, ALL_NAMES)).toEqual([
    ['message', 'name', 'Priya Natarajan'],
    ['message', 'name', 'Wren Adeyemi'],
  ]);
  expect(await boundary.badgeText(site)).toBe('2');
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  const priya = detectionFor(popup, 'Priya Natarajan', 'message');
  await priya.getByTestId('insert-reply').click();
  await expect(priya.getByTestId('action-result')).toHaveAttribute('data-ok', 'false');
  const state = await replicaState(site);
  expect(state).toEqual({ actions: [], sent: [], foreignMutations: [], editors: {} });
  expectNoUnexpectedRequests(replicas);
});

test('open Spanish thread: header by profile, rows by name; reply only into the open conversation, also after in-page navigation', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(boundary, CLIENTS, CLIENT_COUNT);
  const site = await openSite(context, replicas, CARMEN_THREAD, 'direct-thread.es.html');
  const popup = await boundary.openPopup(site);

  // Carmen's row links the thread that is open: row and header are one conversation, exact.
  const carmenHeader = detectionFor(popup, 'Carmen Ruiz', 'message', 'exact');
  await expect(carmenHeader).toHaveCount(1);
  await expect(detectionFor(popup, 'Diego Fuentes', 'message', 'name')).toHaveCount(1);
  // The @mention inside Carmen's messages is on the list and is not a conversation.
  expect(await shownSummary(popup, ALL_NAMES)).toEqual([
    ['message', 'exact', 'Carmen Ruiz'],
    ['message', 'name', 'Diego Fuentes'],
  ]);
  // Two people: Carmen, by her header and her row, counts once.
  expect(await boundary.badgeText(site)).toBe('2');
  expect(await replicaState(site)).toEqual({ actions: [], sent: [], foreignMutations: [], editors: { carmen: '' } });

  // Diego's conversation is not the open one: his row must not write into Carmen's box.
  const diegoRow = detectionFor(popup, 'Diego Fuentes', 'message', 'name');
  await diegoRow.getByTestId('insert-reply').click();
  await expect(diegoRow.getByTestId('action-result')).toHaveAttribute('data-ok', 'false');
  expect(await replicaState(site)).toEqual({ actions: [], sent: [], foreignMutations: [], editors: { carmen: '' } });

  await carmenHeader.getByTestId('insert-reply').click();
  await expect(carmenHeader.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  let state = await replicaState(site);
  expect(state.editors.carmen).toContain('canales seguros');
  expect(state.editors.carmen?.split('\n').length).toBeGreaterThan(2);
  expect(state.editors.carmen).toBe(REPLY_ES);
  expect(state.sent).toEqual([]);

  // The clinician opens Diego's conversation from the list; the site's router swaps the pane.
  await site.bringToFront();
  await site.locator('a[data-replica-navigate="thread-diego"]').click();
  await expect(site).toHaveURL(DIEGO_THREAD);
  const again = await boundary.openPopup(site);
  const diegoHeader = detectionFor(again, 'Diego Fuentes', 'message', 'exact');
  await expect(diegoHeader).toHaveCount(1);
  await expect(detectionFor(again, 'Carmen Ruiz', 'message', 'exact')).toHaveCount(0);
  // The profile shared in Diego's messages sits nearer the box than his header, and is on the list.
  expect(await shownSummary(again, ALL_NAMES)).toEqual([
    ['message', 'exact', 'Diego Fuentes'],
    ['message', 'name', 'Carmen Ruiz'],
  ]);
  expect(await boundary.badgeText(site)).toBe('2');

  // Carmen's conversation is no longer open: her row refuses now.
  const carmenRow = detectionFor(again, 'Carmen Ruiz', 'message', 'name');
  await carmenRow.getByTestId('insert-reply').click();
  await expect(carmenRow.getByTestId('action-result')).toHaveAttribute('data-ok', 'false');
  expect((await replicaState(site)).editors).toEqual({ carmen: REPLY_ES, diego: '' });

  await diegoHeader.getByTestId('insert-reply').click();
  await expect(diegoHeader.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  state = await replicaState(site);
  expect(state.editors).toEqual({ carmen: REPLY_ES, diego: REPLY_ES });
  expect(state.sent).toEqual([]);
  expect(state.actions).toEqual([]);
  expectNoUnexpectedRequests(replicas);
});

test('French message requests are detected as conversations, not as requests to decline', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(boundary, CLIENTS, CLIENT_COUNT);
  const site = await openSite(context, replicas, MESSAGE_REQUESTS, 'direct-requests.fr.html');
  const popup = await boundary.openPopup(site);

  const elodie = detectionFor(popup, 'Elodie Marchand', 'message', 'name');
  await expect(elodie).toHaveCount(1);
  await expect(elodie).toContainText('Élodie Marchand');
  await expect(detectionFor(popup, 'Bastien Roy', 'message')).toHaveCount(1);
  const shown = await shownDetections(popup);
  expect(shown.map((d) => [d.platform, d.kind])).toEqual([
    ['instagram', 'message'],
    ['instagram', 'message'],
  ]);
  await expect(popup.getByTestId('decline')).toHaveCount(0);
  await expect(popup.getByTestId('insert-reply')).toHaveCount(2);
  expect(await boundary.badgeText(site)).toBe('2');
  expect(await replicaState(site)).toEqual({ actions: [], sent: [], foreignMutations: [], editors: {} });
  expectNoUnexpectedRequests(replicas);
});

test('no false positives: with near misses of everyone on the list, every Instagram replica shows nobody', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(boundary, NOBODY, NOBODY_COUNT);
  const pages: [string, string, string?][] = [
    // [address, fixture, an element that marks the page as complete]
    [FOLLOW_REQUESTS, 'follow-requests.en.html', '[data-replica-person="teo"]'],
    [HOME, 'activity-panel.pt.html'],
    [INBOX, 'direct-inbox.en.html'],
    [CARMEN_THREAD, 'direct-thread.es.html'],
    [MESSAGE_REQUESTS, 'direct-requests.fr.html'],
    [INBOX, 'direct-inbox-buttons.en.html', '[data-replica-person="tamsin"]'],
    [INBOX, 'direct-inbox-buttons.de.html', '[data-replica-person="emil"]'],
    ['https://www.instagram.com/direct/t/340011223344556/', 'direct-thread.it.html'],
    ['https://www.instagram.com/accounts/activity/', 'follow-requests.es.html', '[data-replica-person="nerea"]'],
    [HOME, 'activity-drawer.fr.html', '[data-replica-person="sugg-theo"]'],
    [HOME, 'home-suggestions.pt.html', '[data-replica-person="sugg-joao"]'],
    ['https://www.instagram.com/rowan.talks/followers/', 'own-followers.en.html', '[data-replica-person="june"]'],
    ['https://www.instagram.com/rowan.talks/following/', 'own-following.es.html', '[data-replica-person="vera"]'],
  ];
  const checkEmpty = async (site: Page) => {
    const popup = await boundary.openPopup(site);
    // "no-matches", not "unrecognised": the page's people were read, and none is on the list.
    await expect(popup.locator('[data-testid="popup-empty"][data-reason="no-matches"]')).toBeVisible();
    await expect(popup.getByTestId('detection')).toHaveCount(0);
    expect(await boundary.badgeText(site)).toBe('');
  };
  for (const [url, fixture, complete] of pages) {
    const site = await openSite(context, replicas, url, fixture);
    if (complete) await site.locator(complete).waitFor({ state: 'attached' });
    await checkEmpty(site);
    expect((await replicaState(site)).foreignMutations).toEqual([]);
    if (url === CARMEN_THREAD) {
      await site.locator('a[data-replica-navigate="thread-diego"]').click();
      await expect(site).toHaveURL(DIEGO_THREAD);
      await checkEmpty(site);
    }
    // Some replicas share an address: one tab at a time, so the popup reads the right one.
    await site.close();
  }
  expectNoUnexpectedRequests(replicas);
});
