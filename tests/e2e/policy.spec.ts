import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { detectionFor, expect, test, type Boundary } from './support/test';

// Everyone and everything here is invented: reserved example addresses, the UK's drama phone range.
const DEMO_CLIENTS = readFileSync('tests/fixtures/clients/demo.csv', 'utf8');
const POLICY_URL = 'https://harbourlane.example/social-media';

async function violations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

/** The options page's Practice view with the practice's details saved, scrolled to the policy. */
async function optionsWithPractice(boundary: Boundary): Promise<Page> {
  const options = await boundary.openOptions('practice');
  await options.getByTestId('settings-practice').fill('Harbour Lane Practice');
  await options.getByTestId('settings-phone').fill('+44 20 7946 0321');
  await options.getByTestId('settings-policy-url').fill(POLICY_URL);
  await options.getByTestId('settings-save').click();
  await expect(options.getByTestId('settings-status')).toHaveAttribute('data-state', 'saved');
  await options.locator('#policy').scrollIntoViewIfNeeded();
  await expect(options.getByTestId('policy-writer')).toBeVisible();
  return options;
}

const version = (page: Page, number: number) => page.locator(`[data-testid="policy-version"][data-number="${number}"]`);

test('choices make the policy; two saved versions show what changed; plain text and the printable page carry it', async ({ boundary, context }) => {
  const options = await optionsWithPractice(boundary);
  const preview = options.getByTestId('policy-preview');
  const text = options.getByTestId('policy-text');

  // The practice's details are in the text; each choice changes it as it is made.
  await expect(preview.locator('h2')).toHaveText('Social media policy: Harbour Lane Practice');
  await expect(preview).toContainText('Phone: +44 20 7946 0321');
  await expect(preview).toContainText('The one exception is a crisis.');
  await options.getByTestId('policy-searches-never').check();
  await expect(preview).not.toContainText('The one exception is a crisis.');
  await expect(preview).toContainText('under any circumstances');
  await options.getByTestId('policy-changes-website').check();
  await expect(text).toHaveValue(new RegExp(`The latest version is always on the practice’s website \\(${POLICY_URL.replace(/[./]/g, '\\$&')}\\)`));
  await expect(options.getByTestId('policy-history-empty')).toBeVisible();

  await options.getByTestId('policy-save').click();
  await expect(options.getByTestId('policy-status')).toHaveText('Saved as version 1.');
  await expect(options.getByTestId('policy-save')).toBeDisabled();
  await expect(version(options, 1)).toContainText('First version.');

  // Version 2: one choice changed, and a sentence of the practice's own added by hand.
  await options.getByTestId('policy-checkIns-ask-not').check();
  await expect(preview).toContainText('Please don’t check in at the practice');
  const own = 'We review this policy every spring.';
  await text.fill(`${await text.inputValue()}\n\n${own}`);
  await expect(options.getByTestId('policy-edited')).toBeVisible();
  await expect(preview).toContainText(own);
  await options.getByTestId('policy-save').click();
  await expect(options.getByTestId('policy-status')).toHaveText('Saved as version 2.');

  const items = options.getByTestId('policy-version');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toHaveAttribute('data-number', '2');
  const second = version(options, 2);
  await expect(second.getByTestId('policy-version-change')).toHaveCount(1);
  await expect(second.getByTestId('policy-version-change')).toHaveAttribute('data-choice', 'checkIns');
  await expect(second.getByTestId('policy-version-change')).toHaveText('Location check-ins: Warn that they can identify someone → Ask clients not to check in at the practice');
  await expect(second.getByTestId('policy-version-edited')).toHaveText('Text edited by hand: English.');
  await expect(second).toHaveAttribute('data-edited', 'en');
  await expect(version(options, 1)).toHaveAttribute('data-edited', '');
  await expect(version(options, 1)).toContainText(new RegExp(`Version 1 · .*${new Date().getFullYear()}`));

  // Plain text: the saved version, dated.
  const [download] = await Promise.all([options.waitForEvent('download'), second.getByTestId('policy-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^social-media-policy-v2-en-\d{4}-\d{2}-\d{2}\.txt$/);
  const saved = readFileSync((await download.path())!, 'utf8');
  expect(saved.startsWith('Social media policy: Harbour Lane Practice\n\nAbout this policy\n\n')).toBe(true);
  expect(saved).toContain('Please don’t check in at the practice');
  expect(saved).toContain(`${own}\n\nVersion of `);
  expect(saved).not.toContain('The one exception is a crisis.');

  // The printable page, in a tab of its own, shows the same version.
  const [print] = await Promise.all([context.waitForEvent('page'), second.getByTestId('policy-print').click()]);
  await print.waitForLoadState();
  expect(print.url()).toBe(boundary.url('policy-print.html?version=2&lang=en'));
  const printed = print.getByTestId('policy-print-document');
  await expect(printed.locator('h1')).toHaveText('Social media policy: Harbour Lane Practice');
  await expect(printed.locator('h2').first()).toHaveText('About this policy');
  await expect(printed.locator('li')).toHaveText(['Phone: +44 20 7946 0321']);
  await expect(printed).toContainText(own);
  await expect(print.getByTestId('policy-print-version')).toContainText('Version of ');
  await expect(print).toHaveTitle('Boundary · Social media policy');
  // On paper, Boundary's toolbar is left out.
  await print.emulateMedia({ media: 'print' });
  await expect(print.getByTestId('policy-print-toolbar')).toBeHidden();
  await print.emulateMedia({ media: 'screen' });
  await expect(print.getByTestId('policy-print-button')).toBeVisible();

  // Reopened, the page carries on from the last version: its choices and its edited text.
  const again = await boundary.openOptions('practice');
  await expect(again.getByTestId('policy-checkIns-ask-not')).toBeChecked();
  await expect(again.getByTestId('policy-searches-never')).toBeChecked();
  await expect(again.getByTestId('policy-text')).toHaveValue(new RegExp(`${own}$`));
  await expect(again.getByTestId('policy-save')).toBeDisabled();
  await again.getByTestId('policy-use-generated').click();
  await expect(again.getByTestId('policy-text')).not.toHaveValue(new RegExp(own));
  await expect(again.getByTestId('policy-save')).toBeEnabled();
});

test('the policy view and its printable page pass axe in light and dark', async ({ boundary, context }) => {
  const options = await optionsWithPractice(boundary);
  await options.getByTestId('policy-formerClients-after-years').check();
  await expect(options.getByTestId('policy-formerYears')).toBeVisible();
  await options.getByTestId('policy-save').click();
  await expect(version(options, 1)).toBeVisible();
  await options.getByTestId('policy-text').fill(`${await options.getByTestId('policy-text').inputValue()}\n\nOne more line.`);
  await expect(options.getByTestId('policy-edited')).toBeVisible();
  const [print] = await Promise.all([context.waitForEvent('page'), version(options, 1).getByTestId('policy-print').click()]);
  await expect(print.getByTestId('policy-print-document')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const page of [options, print]) await page.emulateMedia({ colorScheme });
    expect(await violations(options, '#policy'), colorScheme).toEqual([]);
    expect(await violations(print), colorScheme).toEqual([]);
  }
});

test('the popup follows the policy: a note opens beside a request, and a reminder sits by a message reply', async ({ boundary, context, replicas }) => {
  const { page: options } = await boundary.importCsv(DEMO_CLIENTS);

  // Before any policy: Boundary's own defaults, a quiet decline and a plain redirect.
  const requests = await context.newPage();
  await requests.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.en.html'));
  let popup = await boundary.openPopup(requests);
  const ana = () => detectionFor(popup, 'Ana Ruiz-Calder', 'request', 'exact');
  await expect(ana().getByTestId('decline')).toBeVisible();
  await expect(ana().getByTestId('answer-instead')).not.toHaveAttribute('open', '');
  await popup.close();

  await boundary.showView(options, 'practice');
  await options.locator('#policy').scrollIntoViewIfNeeded();
  await options.getByTestId('policy-requestReply-note').check();
  await options.getByTestId('policy-messages-no-reply').check();
  await options.getByTestId('policy-save').click();
  await expect(options.getByTestId('policy-status')).toHaveText('Saved as version 1.');

  popup = await boundary.openPopup(requests);
  await expect(ana().getByTestId('answer-instead')).toHaveAttribute('open', '');
  await expect(ana().getByTestId('copy-reply')).toBeVisible();
  await expect(ana().getByTestId('decline')).toBeVisible();

  const thread = await context.newPage();
  await thread.goto(replicas.serve('https://www.facebook.com/messages/t/100089412300031/', 'facebook/messages.en.html'));
  const threadPopup = await boundary.openPopup(thread);
  const marta = detectionFor(threadPopup, 'Marta Quell', 'message');
  await expect(marta.getByTestId('policy-reply-note')).toHaveText(
    'Your policy says you don\'t answer messages on social media. The reply below is here if you choose to send one.',
  );
  // The reply is still there, for the clinician to decide.
  await expect(marta.getByTestId('insert-reply')).toBeEnabled();
});

test.describe('with the browser in Spanish', () => {
  test.use({ uiLanguage: 'es' });

  test('the policy view speaks Spanish, writes the policy in Spanish, and passes axe in light and dark', async ({ boundary, context }) => {
    const options = await optionsWithPractice(boundary);
    await expect(options.locator('#policy-heading')).toHaveText('Su política de redes sociales');
    await options.getByTestId('policy-language').selectOption('es');
    const preview = options.getByTestId('policy-preview');
    await expect(preview).toHaveAttribute('lang', 'es');
    await expect(preview.locator('h2')).toHaveText('Política de redes sociales: Harbour Lane Practice');
    await expect(preview).toContainText('Teléfono: +44 20 7946 0321');
    await options.getByTestId('policy-reviewsWhileWorking-free').check();
    await expect(preview).toContainText('Usted es libre de escribir sobre mí o sobre el centro donde quiera.');
    await options.getByTestId('policy-save').click();
    await expect(options.getByTestId('policy-status')).toHaveText('Guardada como versión 1.');
    await expect(version(options, 1).getByTestId('policy-print')).toHaveText('Página para imprimir (Español)');

    const [print] = await Promise.all([context.waitForEvent('page'), version(options, 1).getByTestId('policy-print').click()]);
    const printed = print.getByTestId('policy-print-document');
    await expect(printed).toHaveAttribute('lang', 'es');
    await expect(printed.locator('h1')).toHaveText('Política de redes sociales: Harbour Lane Practice');
    await expect(print.getByTestId('policy-print-version')).toContainText('Versión del ');
    await expect(print.getByTestId('policy-print-button')).toHaveText('Imprimir o guardar como PDF');
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const page of [options, print]) await page.emulateMedia({ colorScheme });
      expect(await violations(options, '#policy'), colorScheme).toEqual([]);
      expect(await violations(print), colorScheme).toEqual([]);
    }
  });
});
