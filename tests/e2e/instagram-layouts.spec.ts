import type { Locator, Page } from '@playwright/test';
import { defaultReply } from '../../lib/replies/default-replies';
import { expect, replicaState, shownDetections, test, type Boundary } from './support/test';
import type { Replicas } from './support/replicas';

// Instagram's 2026 layouts (site-evidence items 8–10, issue 14): inbox rows that are buttons named
// by their avatars, an open thread whose header is a button, the activity page without its old
// parameter, a drawer that is not a dialog, suggestions on home, and the clinician's own
// followers and following. Everyone is invented; each test imports its own list, with people the
// page shows in places that are not what the test looks for (a post's author, a stranger's note).

type Kind = 'request' | 'message' | 'suggestion' | 'connection';

const REPLY = defaultReply('instagram');

async function importClients(boundary: Boundary, rows: string[]): Promise<void> {
  const csv = ['name,status,aliases,facebook,instagram,linkedin', ...rows].join('\n');
  const { imported, rejected } = await boundary.importCsv(csv);
  expect({ imported, rejected }).toEqual({ imported: rows.length, rejected: 0 });
}

async function openSite(context: { newPage(): Promise<Page> }, replicas: Replicas, url: string, fixture: string) {
  const site = await context.newPage();
  await site.goto(replicas.serve(url, `instagram/${fixture}`));
  return site;
}

function item(popup: Page, name: string, kind: Kind, match?: 'exact' | 'name'): Locator {
  const selector = `[data-testid="detection"][data-kind="${kind}"]${match ? `[data-match="${match}"]` : ''}`;
  return popup.locator(selector).filter({ hasText: name });
}

/** [kind, match, client name] of every detection shown, sorted. */
async function shownSummary(popup: Page, names: readonly string[]) {
  const shown = await shownDetections(popup);
  for (const d of shown) expect(d.platform).toBe('instagram');
  return shown
    .map((d) => [d.kind, d.match, names.filter((name) => d.text.includes(name)).join('|')])
    .sort((a, b) => a.join().localeCompare(b.join()));
}

const namesOf = (rows: string[]) => rows.map((row) => row.split(',')[0]!);

test.afterEach(async ({ replicas }) => {
  expect(replicas.unexpected.filter((u) => !u.includes('favicon'))).toEqual([]);
});

test('Spanish activity page without ?followRequests: requests by username and by name, a suggestion below; Eliminar pressed and nothing else', async ({
  boundary,
  context,
  replicas,
}) => {
  const clients = [
    'Lucía Romero,current,,,@lucia.romero,',
    'Lucía Ferrer Quintana,current,,,,',
    'Bruno Salas,former,,,bruno.salas,',
    'Dani Mora,current,,,dani.mora,', // a new follower with Seguir: not a request
  ];
  await importClients(boundary, clients);
  const site = await openSite(context, replicas, 'https://www.instagram.com/accounts/activity/', 'follow-requests.es.html');
  const popup = await boundary.openPopup(site);

  await expect(item(popup, 'Lucía Romero', 'request', 'exact')).toHaveCount(1);
  await expect(item(popup, 'Lucía Ferrer Quintana', 'request', 'name')).toHaveCount(1);
  await expect(item(popup, 'Bruno Salas', 'suggestion', 'exact')).toHaveCount(1);
  expect(await shownSummary(popup, namesOf(clients))).toEqual([
    ['request', 'exact', 'Lucía Romero'],
    ['request', 'name', 'Lucía Ferrer Quintana'],
    ['suggestion', 'exact', 'Bruno Salas'],
  ]);
  expect(await replicaState(site)).toEqual({ actions: [], sent: [], foreignMutations: [], editors: {} });

  const lucia = item(popup, 'Lucía Romero', 'request');
  await lucia.getByTestId('decline').click();
  await expect(lucia.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(site);
  expect(state.actions).toEqual([{ action: 'decline', person: 'lucia' }]);
  expect(state.sent).toEqual([]);
  expect(state.foreignMutations).toEqual([]);
  // Nobody else's controls were touched, nor the toolbar's "Eliminar todo".
  await expect(site.locator('[data-replica-person="lucia-fq"] [data-replica-action]')).toHaveCount(2);
  await expect(site.locator('[data-replica-action="decline-all"]')).toHaveCount(1);
});

test('inbox rows that are buttons: matched exactly by the username in their avatar (English, German), by name otherwise; notes and groups are not rows', async ({
  boundary,
  context,
  replicas,
}) => {
  const clients = [
    'Priya Natarajan,current,,,@priya.nat,', // row, note and a group avatar: one conversation
    'Wren Adeyemi,former,,,,', // a generic avatar: by name
    'Lena Krüger,current,,,lena.krueger,', // "Profilbild von …"
    'Nils Haas,current,,,https://www.instagram.com/nils.haas/,', // "nils.haass Profilbild"
    'Emil Brandt,current,,,@emil.brandt,', // a row that loads later
  ];
  await importClients(boundary, clients);

  const en = await openSite(context, replicas, 'https://www.instagram.com/direct/inbox/', 'direct-inbox-buttons.en.html');
  const popup = await boundary.openPopup(en);
  const priya = item(popup, 'Priya Natarajan', 'message', 'exact');
  await expect(priya).toHaveCount(1);
  await expect(item(popup, 'Wren Adeyemi', 'message', 'name')).toHaveCount(1);
  expect(await shownSummary(popup, namesOf(clients))).toEqual([
    ['message', 'exact', 'Priya Natarajan'],
    ['message', 'name', 'Wren Adeyemi'],
  ]);
  // No conversation is open: the reply does not go anywhere.
  await priya.getByTestId('insert-reply').click();
  await expect(priya.getByTestId('action-result')).toHaveAttribute('data-ok', 'false');
  expect(await replicaState(en)).toEqual({ actions: [], sent: [], foreignMutations: [], editors: {} });
  // The German inbox is at the same address: one tab at a time, so the popup finds the right one.
  await popup.close();
  await en.close();

  const de = await openSite(context, replicas, 'https://www.instagram.com/direct/inbox/', 'direct-inbox-buttons.de.html');
  await de.locator('[data-replica-person="emil"]').waitFor({ state: 'attached' });
  const again = await boundary.openPopup(de);
  await expect(item(again, 'Emil Brandt', 'message', 'exact')).toHaveCount(1);
  expect(await shownSummary(again, namesOf(clients))).toEqual([
    ['message', 'exact', 'Emil Brandt'],
    ['message', 'exact', 'Lena Krüger'],
    ['message', 'exact', 'Nils Haas'],
  ]);
  expect((await replicaState(de)).foreignMutations).toEqual([]);
});

test('Italian open thread: the header and its row are one conversation, matched by username; the reply goes into that box only', async ({
  boundary,
  context,
  replicas,
}) => {
  const clients = [
    'Giulia Ferri,current,,,@giulia.ferri,',
    'Marco Bassi,current,,,,',
    'Studio Yoga Navigli,current,,,studio.yoga.navigli,', // a profile shared in the messages
  ];
  await importClients(boundary, clients);
  const site = await openSite(context, replicas, 'https://www.instagram.com/direct/t/340011223344556/', 'direct-thread.it.html');
  const popup = await boundary.openPopup(site);

  const giulia = item(popup, 'Giulia Ferri', 'message', 'exact');
  await expect(giulia).toHaveCount(1);
  const marco = item(popup, 'Marco Bassi', 'message', 'name');
  await expect(marco).toHaveCount(1);
  expect(await shownSummary(popup, namesOf(clients))).toEqual([
    ['message', 'exact', 'Giulia Ferri'],
    ['message', 'name', 'Marco Bassi'],
  ]);

  // Marco's conversation is not the one open: nothing goes into Giulia's box for him.
  await marco.getByTestId('insert-reply').click();
  await expect(marco.getByTestId('action-result')).toHaveAttribute('data-ok', 'false');
  expect((await replicaState(site)).editors).toEqual({ giulia: '' });

  await giulia.getByTestId('insert-reply').click();
  await expect(giulia.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(site);
  expect(state.editors).toEqual({ giulia: REPLY });
  expect(state.sent).toEqual([]);
  expect(state.actions).toEqual([]);
});

test('Portuguese home: "Sugestões para você" cards are suggestions; Remove suggestion presses their ✕, never Seguir; a post and the sidebar are not cards', async ({
  boundary,
  context,
  replicas,
}) => {
  const clients = [
    'Rafael Lima,current,,,@rafa.lima,',
    'Ana Souza,current,,,,',
    'João Pires,former,,,joao.pires.rj,', // arrives as the strip scrolls
    'Café do Largo,current,,,cafe.do.largo,', // a post's author, with the post's own Seguir
    'José Cerqueira,current,,,ze.cerqueira,', // the sidebar's Seguir-only suggestion
  ];
  await importClients(boundary, clients);
  const site = await openSite(context, replicas, 'https://www.instagram.com/', 'home-suggestions.pt.html');
  await site.locator('[data-replica-person="sugg-joao"]').waitFor({ state: 'attached' });
  const popup = await boundary.openPopup(site);

  const rafael = item(popup, 'Rafael Lima', 'suggestion', 'exact');
  await expect(rafael).toHaveCount(1);
  await expect(item(popup, 'João Pires', 'suggestion', 'exact')).toHaveCount(1);
  expect(await shownSummary(popup, namesOf(clients))).toEqual([
    ['suggestion', 'exact', 'João Pires'],
    ['suggestion', 'exact', 'Rafael Lima'],
    ['suggestion', 'name', 'Ana Souza'],
  ]);
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  await rafael.getByTestId('remove-suggestion').click();
  await expect(rafael.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(site);
  expect(state.actions).toEqual([{ action: 'dismiss', person: 'sugg-rafael' }]);
  expect(state.foreignMutations).toEqual([]);
});

test('French drawer that is not a dialog: requests and suggestions in it; a suggestion removed with its ✕ “Fermer”, a request declined', async ({
  boundary,
  context,
  replicas,
}) => {
  const clients = [
    'Camille Berthier,current,,,@camille.berthier,',
    'Hugo Lefèvre,current,,,,',
    'Anaïs Morel,former,,,anais.morel,',
    'Atelier Lune,current,,,atelier.lune,', // a post behind the drawer, with Suivre and its own ✕
    'Léa Garnier,current,,,lea.garnier,', // a new follower, Suivre en retour only
  ];
  await importClients(boundary, clients);
  const site = await openSite(context, replicas, 'https://www.instagram.com/', 'activity-drawer.fr.html');
  const popup = await boundary.openPopup(site);

  await expect(item(popup, 'Camille Berthier', 'request', 'exact')).toHaveCount(1);
  expect(await shownSummary(popup, namesOf(clients))).toEqual([
    ['request', 'exact', 'Camille Berthier'],
    ['request', 'name', 'Hugo Lefèvre'],
    ['suggestion', 'exact', 'Anaïs Morel'],
  ]);

  const anais = item(popup, 'Anaïs Morel', 'suggestion');
  await anais.getByTestId('remove-suggestion').click();
  await expect(anais.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const hugo = item(popup, 'Hugo Lefèvre', 'request');
  await hugo.getByTestId('decline').click();
  await expect(hugo.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  expect((await replicaState(site)).actions).toEqual([
    { action: 'dismiss', person: 'sugg-anais' },
    { action: 'decline', person: 'hugo' },
  ]);
});

test('own Followers dialog (English): followers are connections, the ones loading later too; the next step presses Remove, never Follow', async ({
  boundary,
  context,
  replicas,
}) => {
  const clients = [
    'Maeve Dunn,current,,,@maeve.dunn,',
    'Otto Brandt,former,,,,',
    'June Okafor,current,,,june.okafor,',
  ];
  await importClients(boundary, clients);
  const site = await openSite(context, replicas, 'https://www.instagram.com/rowan.talks/followers/', 'own-followers.en.html');
  await site.locator('[data-replica-person="june"]').waitFor({ state: 'attached' });
  const popup = await boundary.openPopup(site);

  await expect(item(popup, 'June Okafor', 'connection', 'exact')).toHaveCount(1);
  expect(await shownSummary(popup, namesOf(clients))).toEqual([
    ['connection', 'exact', 'June Okafor'],
    ['connection', 'exact', 'Maeve Dunn'],
    ['connection', 'name', 'Otto Brandt'],
  ]);
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  const otto = item(popup, 'Otto Brandt', 'connection');
  await otto.getByTestId('connection-step').click();
  await expect(otto.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(site);
  // Remove opens the site's own "Remove follower?"; Otto's Follow was not pressed.
  expect(state.actions).toEqual([{ action: 'remove', person: 'otto' }]);
  await expect(site.locator('[data-replica-confirmation="remove"]')).toHaveCount(1);
});

test('own Following dialog (Spanish): the next step presses Siguiendo, which opens the site’s own unfollow confirmation', async ({
  boundary,
  context,
  replicas,
}) => {
  const clients = ['Julia Navarro,current,,,@julia.navarro,', 'Carmen Ruiz,current,,,carmen.ruiz.m,'];
  await importClients(boundary, clients);
  const site = await openSite(context, replicas, 'https://www.instagram.com/rowan.talks/following/', 'own-following.es.html');
  const popup = await boundary.openPopup(site);

  const julia = item(popup, 'Julia Navarro', 'connection', 'exact');
  await expect(julia).toHaveCount(1);
  await expect(item(popup, 'Carmen Ruiz', 'connection', 'exact')).toHaveCount(1);
  await julia.getByTestId('connection-step').click();
  await expect(julia.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  expect((await replicaState(site)).actions).toEqual([{ action: 'following', person: 'julia' }]);
  await expect(site.locator('[data-replica-confirmation="following"]')).toHaveCount(1);
});

test('two people named Giulia Ferri, one open and one in the list: the reply goes in only for the open conversation', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(boundary, ['Giulia Ferri,current,,,,']);
  const site = await openSite(context, replicas, 'https://www.instagram.com/direct/t/340011223344556/', 'direct-thread.it.html');
  // marco.bassi_'s row shows the open conversation's name, as a namesake's would (a change of the
  // page's own, kept out of the replica's record of foreign changes).
  await site.evaluate(() => {
    const replica = (window as unknown as { __replica: { own(change: () => void): void } }).__replica;
    replica.own(() => {
      const row = document.querySelector('[data-replica-person="row-marco"] span[dir="auto"] span')!;
      row.textContent = 'Giulia Ferri';
    });
  });
  // Both people are counted once the page has been read again.
  await expect.poll(() => boundary.badgeText(site)).toBe('2');
  const popup = await boundary.openPopup(site);
  // The open thread (header and its row, giulia.ferri) is one item; marco.bassi_'s row, shown
  // under the same name, is another person's conversation.
  const both = item(popup, 'Giulia Ferri', 'message', 'name');
  await expect(both).toHaveCount(2);
  for (const one of await both.all()) await one.getByTestId('insert-reply').click();
  const results = popup.locator('[data-testid="detection"] [data-testid="action-result"]');
  await expect(results).toHaveCount(2);
  expect((await results.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-ok')))).sort()).toEqual(['false', 'true']);
  const state = await replicaState(site);
  expect(state.editors).toEqual({ giulia: REPLY });
  expect(state.sent).toEqual([]);
});
