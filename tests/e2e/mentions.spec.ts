import type { Page } from '@playwright/test';
import { FACEBOOK_OWN_POST } from '../fixtures/facebook/pages';
import { LINKEDIN_OWN_POST } from '../fixtures/linkedin/pages';
import { expect, replicaState, test, type Boundary } from './support/test';

// Comments, mentions and tags by clients (policy rule 4), on the replicas of the clinician's
// notifications and own posts. Who is who: tests/unit/sites/mentions.test.ts.

const CLIENTS = [
  'name,status,aliases,facebook,instagram,linkedin',
  'Ana Ruiz-Calder,current,,100089412300001,,', // comments on Facebook (named in notifications, linked under the post)
  'Lena Fischbach,former,,lena.fischbach.77,,', // reacts on the notifications page; replies under the post
  'Lucía Ferrer Quintana,current,,100089412300011,,', // tags the clinician; comments on someone else's post
  'Ada Kowalczyk,current,,100089412300201,,', // comments on the clinician's post in the feed
  'Maple Quinn,current,,,@maple.quinn,',
  'Nina Arruda,current,,,nina.arruda,',
  'Lena Vogt,current,,,,lena-vogt-62d1f0',
  'Zoë Dubois,current,,,,https://fr.linkedin.com/in/zo%C3%AB-dubois-4b2a1c/', // comments on someone else's post in notifications
].join('\n');

async function importClients(boundary: Boundary): Promise<void> {
  const { imported, rejected } = await boundary.importCsv(CLIENTS);
  expect({ imported, rejected }).toEqual({ imported: 8, rejected: 0 });
}

const mention = (popup: Page, platform: string, client: string) =>
  popup.locator(`[data-testid="detection"][data-kind="mention"][data-platform="${platform}"]`).filter({ hasText: client });

test.afterEach(async ({ replicas }) => {
  expect(replicas.unexpected.filter((u) => !u.includes('favicon'))).toEqual([]);
});

test('mentions on each site: clients found on notifications and their own posts, strangers and likes never; one click opens the site’s menu on a comment', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(boundary);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  /** Opens a replica and its popup; the page has seen no change from the extension. */
  const open = async (url: string, fixture: string) => {
    const site = await context.newPage();
    await site.goto(replicas.serve(url, fixture));
    const popup = await boundary.openPopup(site);
    await expect(popup.getByTestId('detection').first()).toBeVisible();
    expect((await replicaState(site)).foreignMutations, fixture).toEqual([]);
    return { site, popup };
  };

  // Facebook's notifications page: a comment and a tag by clients, named in bold (name only).
  const notices = await open('https://www.facebook.com/notifications', 'facebook/notifications.en.html');
  const ana = mention(notices.popup, 'facebook', 'Ana Ruiz-Calder');
  await expect(ana).toHaveAttribute('data-match', 'name');
  await expect(ana).toContainText('comment, mention or tag');
  await expect(mention(notices.popup, 'facebook', 'Lucía Ferrer Quintana')).toHaveCount(1);
  // Lena only reacted; the stranger Jonah's mention is nobody on the list.
  await expect(notices.popup.getByTestId('detection').filter({ hasText: 'Lena Fischbach' })).toHaveCount(0);
  await expect(notices.popup.getByText('Jonah Petrakis')).toHaveCount(0);
  await expect(notices.popup.locator('[data-kind-group="mention"] .policy')).toHaveCount(1);
  await expect(notices.popup.locator('[data-kind-group="mention"] .policy')).toContainText('no public comments, mentions or tags');
  // A notification's own menu hides the notification, not the comment: nothing is pressed.
  await ana.getByTestId('mention-step').click();
  await expect(ana.getByTestId('action-result')).toHaveAttribute('data-ok', 'false');
  await expect(ana.getByTestId('action-result')).toContainText('Open the notification');
  expect((await replicaState(notices.site)).actions).toEqual([]);
  // The private note: copied, pointing to the practice, nothing of what Ana wrote.
  await expect(ana.getByTestId('reply-edit')).toHaveAttribute('data-template-id', 'builtin/en/comment-private');
  await ana.getByTestId('copy-reply').click();
  await expect(ana.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const copied = await notices.popup.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('contact the practice directly');
  expect(copied).not.toMatch(/slept|yesterday/i);
  await expect(ana.getByTestId('discuss-offer')).toBeVisible();

  // The clinician's own post (German): Ana's comment and Lena's reply, exact; the menu opens.
  const thread = await open(FACEBOOK_OWN_POST, 'facebook/post-comments.de.html');
  await expect(mention(thread.popup, 'facebook', 'Lena Fischbach')).toHaveAttribute('data-match', 'exact');
  const anaHere = mention(thread.popup, 'facebook', 'Ana Ruiz-Calder');
  await expect(anaHere).toHaveAttribute('data-match', 'exact');
  await anaHere.getByTestId('mention-step').click();
  await expect(thread.site.locator('[role="menu"][data-replica-menu="ana"]')).toBeVisible();
  await expect(anaHere.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  await expect(anaHere.getByTestId('action-result')).toContainText('Facebook’s own menu is open on the page');
  expect((await replicaState(thread.site)).actions).toEqual([{ action: 'item-menu', person: 'ana' }]);
  await anaHere.getByTestId('discuss-add').click();
  await expect(anaHere.getByTestId('discuss-added')).toBeVisible();

  // Instagram: a comment notification, then a comment under the clinician's own post (Portuguese).
  const activity = await open('https://www.instagram.com/accounts/activity/', 'instagram/notifications.en.html');
  await expect(mention(activity.popup, 'instagram', 'Maple Quinn')).toHaveAttribute('data-match', 'exact');
  await expect(activity.popup.getByText('sunny.vale')).toHaveCount(0);
  const post = await open('https://www.instagram.com/p/DCq9Xk1vLp2/', 'instagram/post-comments.pt.html');
  const nina = mention(post.popup, 'instagram', 'Nina Arruda');
  await nina.getByTestId('mention-step').click();
  await expect(post.site.locator('[role="menu"][data-replica-menu="nina"]')).toBeVisible();
  await expect(post.popup.getByText('luiz.ferraz')).toHaveCount(0);

  // LinkedIn: a mention in the notifications (Zoë's comment there is on someone else's post),
  // then Zoë's comment under the clinician's own post (French).
  const linkedin = await open('https://www.linkedin.com/notifications/?filter=all', 'linkedin/notifications.en.html');
  await expect(mention(linkedin.popup, 'linkedin', 'Lena Vogt')).toHaveAttribute('data-match', 'exact');
  await expect(linkedin.popup.getByTestId('detection').filter({ hasText: 'Zoë Dubois' })).toHaveCount(0);
  const comments = await open(LINKEDIN_OWN_POST, 'linkedin/post-comments.fr.html');
  const zoe = mention(comments.popup, 'linkedin', 'Zoë Dubois');
  await zoe.getByTestId('mention-step').click();
  await expect(comments.site.locator('[role="menu"][data-replica-menu="zoe"]')).toBeVisible();
  await expect(comments.popup.getByText('Étienne Marchal')).toHaveCount(0);
});

test.describe('with the browser in Spanish', () => {
  test.use({ uiLanguage: 'es' });

  test('the bell’s flyout over the feed: clients’ comments, mention and reply in Spanish, a like and someone else’s post never', async ({
    boundary,
    context,
    replicas,
  }) => {
    await importClients(boundary);
    const site = await context.newPage();
    await site.goto(replicas.serve('https://www.facebook.com/', 'facebook/notifications-flyout.es.html'));
    const popup = await boundary.openPopup(site);

    const ana = mention(popup, 'facebook', 'Ana Ruiz-Calder');
    await expect(ana).toContainText('comentario, mención o etiqueta');
    await expect(popup.locator('[data-kind-group="mention"] .policy')).toContainText('Su política: ningún comentario, mención ni etiqueta en público');
    await expect(ana.getByTestId('mention-step')).toHaveText('Abrir el menú de Facebook de este comentario (ocultar, eliminar, quitar etiqueta)');
    // Lena only liked; Lucía commented on someone else's post: neither is a mention.
    await expect(popup.getByTestId('detection').filter({ hasText: 'Lena Fischbach' })).toHaveCount(0);
    await expect(popup.getByTestId('detection').filter({ hasText: 'Lucía Ferrer Quintana' })).toHaveCount(0);
    expect((await replicaState(site)).foreignMutations).toEqual([]);

    // The Spanish private note, chosen from the picker.
    await ana.getByTestId('reply-picker').selectOption('builtin/es/comment-private');
    await expect(ana.getByTestId('reply-edit')).toHaveValue(/Mantengo mis redes sociales al margen de mi trabajo/);
    await ana.getByTestId('mention-step').click();
    await expect(ana.getByTestId('action-result')).toContainText('el menú de una notificación oculta la notificación');

    // Ada's comment under the clinician's own post in the feed: its menu opens.
    const ada = mention(popup, 'facebook', 'Ada Kowalczyk');
    await expect(ada).toHaveAttribute('data-match', 'exact');
    await ada.getByTestId('mention-step').click();
    await expect(site.locator('[role="menu"][data-replica-menu="ada"]')).toContainText('Ocultar comentario');
    await expect(ada.getByTestId('action-result')).toContainText('El menú propio de Facebook está abierto');
    expect((await replicaState(site)).actions).toEqual([{ action: 'item-menu', person: 'ada' }]);
  });
});
