import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { detectionFor, expect, replicaState, test, type Boundary } from './support/test';

// Everyone here is invented, like the replicas. The practice's details use reserved example
// addresses and the UK's drama phone range.
const CLIENTS = [
  'name,status,aliases,facebook,instagram,linkedin',
  'Ana Souza,current,,,,https://www.linkedin.com/in/ana-souza-7c1d2e/',
  'Chidi Okafor,former,,,,linkedin.com/in/chidi-okafor-b81e44',
  'Carmen Ruiz,current,,,@carmen.ruiz.m,',
].join('\n');

const THREAD = 'https://www.linkedin.com/messaging/thread/2-YTk3ZDFlNmUtMGI0Mi00ZjdhLWJmMjktNmM1ZTg4ZDJhMTcwXzAxMA==/';
const INVITATIONS = 'https://www.linkedin.com/mynetwork/invitation-manager/received/';
const CARMEN_THREAD = 'https://www.instagram.com/direct/t/118273645501928/';

test.beforeEach(async ({ boundary }) => {
  const { imported } = await boundary.importCsv(CLIENTS);
  expect(imported).toBe(3);
});

test.afterEach(async ({ replicas }) => {
  expect(replicas.unexpected.filter((u) => !u.includes('favicon'))).toEqual([]);
});

/**
 * Opens the options page by an old one-page anchor (`#replies`, as the popup links), which opens
 * the view that now holds that section.
 */
async function openOptionsAt(boundary: Boundary, section: string): Promise<Page> {
  const page = await boundary.context.newPage();
  await page.goto(boundary.url(`options.html#${section}`));
  await page.locator(`#${section}`).waitFor();
  return page;
}

const templateRow = (page: Page, id: string) => page.locator(`[data-testid="template-row"][data-template-id="${id}"]`);
const templateRowNamed = (page: Page, name: string) => page.locator(`[data-testid="template-row"][data-template-name="${name}"]`);

test('practice settings and an edited template are what goes into a LinkedIn conversation', async ({ boundary, context, replicas }) => {
  const options = await openOptionsAt(boundary, 'practice');

  // Each field is checked as it is typed; a bad value keeps the settings from being saved.
  await options.getByTestId('settings-portal').fill('portal.harbourlane.example');
  await expect(options.getByTestId('settings-portal-error')).toContainText('https');
  await expect(options.getByTestId('settings-save')).toBeDisabled();
  await options.getByTestId('settings-phone').fill('call me');
  await expect(options.getByTestId('settings-phone-error')).toBeVisible();

  await options.getByTestId('settings-practice').fill('Harbour Lane Practice');
  await options.getByTestId('settings-phone').fill('+44 20 7946 0321');
  await options.getByTestId('settings-portal').fill('https://portal.harbourlane.example');
  await options.getByTestId('settings-region').selectOption('uk-ie');
  await expect(options.getByTestId('settings-preview')).toContainText('Samaritans on 116 123');
  await options.getByTestId('settings-save').click();
  await expect(options.getByTestId('settings-status')).toHaveAttribute('data-state', 'saved');

  // The practice rewrites Boundary's default conversation reply; the secure email stays unset.
  await boundary.showView(options, 'replies');
  const row = templateRow(options, 'builtin/en/conversation-short');
  await row.getByTestId('template-edit').click();
  const form = options.getByTestId('template-form');
  // A misspelt placeholder shows as typed in the preview, with what it most likely meant; Save waits.
  await form.getByTestId('template-body').fill('Please use the secure channels of {practise}.');
  await expect(form.getByTestId('template-preview')).toHaveText('Please use the secure channels of {practise}.');
  await expect(form).toContainText('did you mean {practice}?');
  await expect(form.getByTestId('template-save')).toBeDisabled();
  await form.getByTestId('template-body').fill(
    [
      'Hello, thank you for reaching out.',
      'This account is personal, so please use the secure channels of {practice} instead.',
      'Phone: {phone}',
      'Portal: {portal}',
      'Secure email: {secure_email}',
      'In an emergency, call your local emergency number or contact {crisis_line}.',
    ].join('\n'),
  );
  const expected = [
    'Hello, thank you for reaching out.',
    'This account is personal, so please use the secure channels of Harbour Lane Practice instead.',
    'Phone: +44 20 7946 0321',
    'Portal: https://portal.harbourlane.example',
    'In an emergency, call your local emergency number or contact Samaritans on 116 123.',
  ].join('\n');
  await expect(form.getByTestId('template-preview')).toHaveText(expected);
  await expect(form.getByTestId('template-lint-ok')).toBeVisible();
  await form.getByTestId('template-save').click();
  await expect(form).toHaveCount(0);
  await expect(row).toHaveAttribute('data-origin', 'edited');

  const site = await context.newPage();
  await site.goto(replicas.serve(THREAD, 'linkedin/messaging.en.html'));
  const popup = await boundary.openPopup(site);
  const ana = detectionFor(popup, 'Ana Souza', 'message', 'exact');
  await expect(ana.getByTestId('reply-edit')).toHaveValue(expected);
  await expect(ana.getByTestId('lint-warning')).toHaveCount(0);
  await ana.getByTestId('insert-reply').click();
  await expect(ana.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(site);
  expect(state.editors['thread-ana-souza']).toBe(expected);
  expect(state.sent).toEqual([]);

  // Kept for the next session: who, where and what, never the text.
  await ana.getByTestId('discuss-add').click();
  await expect(ana.getByTestId('discuss-added')).toBeVisible();
  await boundary.showView(options, 'discuss');
  const entry = options.locator('[data-testid="discuss-client"][data-client-name="Ana Souza"] [data-testid="discuss-entry"]');
  await expect(entry).toHaveCount(1);
  await expect(entry).toHaveAttribute('data-platform', 'linkedin');
  await expect(entry).toHaveAttribute('data-event', 'redirected-message');
  await expect(options.getByTestId('discuss-list')).not.toContainText('Harbour Lane');
  await entry.getByTestId('discuss-clear').click();
  await expect(options.getByTestId('discuss-empty')).toBeVisible();
});

test('a flagged template shows why and goes in only after a second click', async ({ boundary, context, replicas }) => {
  const options = await openOptionsAt(boundary, 'replies');
  await options.getByTestId('template-add').click();
  const form = options.getByTestId('template-form');
  await form.getByTestId('template-name').fill('Check-in');
  await form.getByTestId('template-platform-facebook').uncheck();
  await form.getByTestId('template-platform-instagram').uncheck();
  await form.getByTestId('template-body').fill('Hi {first_name}, see you at our next session.\nPhone: {phone}');
  await expect(form.getByTestId('template-lint')).toContainText('session');
  await expect(form.getByTestId('template-preview')).toHaveText('Hi Alex, see you at our next session.');
  await form.getByTestId('template-save').click();
  const row = templateRowNamed(options, 'Check-in');
  await expect(row).toHaveAttribute('data-flagged', 'true');
  await expect(row.getByTestId('template-flag')).toContainText('session');

  await options.locator('[data-testid="template-default"][data-situation="conversation"][data-platform="linkedin"]').selectOption({ label: 'Check-in' });
  await expect(row.getByTestId('template-default-for')).toContainText('LinkedIn');

  const site = await context.newPage();
  await site.goto(replicas.serve(THREAD, 'linkedin/messaging.en.html'));
  const popup = await boundary.openPopup(site);
  const ana = detectionFor(popup, 'Ana Souza', 'message', 'exact');
  await expect(ana.getByTestId('reply-edit')).toHaveValue('Hi Ana, see you at our next session.');
  await expect(ana.getByTestId('lint-warning')).toContainText('“session”');
  await expect(ana.getByTestId('lint-warning')).toContainText('see you at our next');

  // First click: nothing goes in; the popup asks again.
  await ana.getByTestId('insert-reply').click();
  await expect(ana.getByTestId('confirm-flagged')).toBeVisible();
  expect((await replicaState(site)).editors['thread-ana-souza']).toBe('');

  await ana.getByTestId('confirm-flagged').click();
  await expect(ana.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(site);
  expect(state.editors['thread-ana-souza']).toBe('Hi Ana, see you at our next session.');
  expect(state.sent).toEqual([]);
});

test('the picker offers the other replies; the chosen one is previewed, copied and inserted; Instagram’s limit is enforced', async ({
  boundary,
  context,
  replicas,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const site = await context.newPage();
  await site.goto(replicas.serve(CARMEN_THREAD, 'instagram/direct-thread.es.html'));
  const popup = await boundary.openPopup(site);
  const carmen = detectionFor(popup, 'Carmen Ruiz', 'message', 'exact');

  // Unconfigured: the default reply, with the lines that need practice details left out. The
  // thread's page is in Spanish (<html lang="es">), so its Spanish reply comes first.
  const preview = carmen.getByTestId('reply-edit');
  await expect(preview).toHaveValue(/canales seguros/);
  await expect(preview).not.toHaveValue(/\{/);
  await expect(preview).not.toHaveValue(/Teléfono:|Phone:/);

  await carmen.getByTestId('reply-picker').selectOption('builtin/en/conversation-long');
  await expect(preview).toHaveValue(/Hello Carmen,/);
  const text = await preview.inputValue();
  await carmen.getByTestId('copy-reply').click();
  await expect(carmen.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(text);

  await carmen.getByTestId('insert-reply').click();
  await expect(carmen.getByTestId('action-result')).toContainText('message box');
  expect((await replicaState(site)).editors.carmen).toBe(text);

  // A reply longer than Instagram takes is flagged, and not inserted.
  const options = await openOptionsAt(boundary, 'replies');
  await options.getByTestId('template-add').click();
  const form = options.getByTestId('template-form');
  await form.getByTestId('template-name').fill('Very long');
  await form.getByTestId('template-body').fill(`Please use the practice’s secure channels.\n${'Thank you. '.repeat(100)}`);
  await expect(form.locator('[data-testid="template-length"][data-platform="instagram"]')).toHaveAttribute('data-over', 'true');
  await expect(form.locator('[data-testid="template-length"][data-platform="linkedin"]')).toHaveAttribute('data-over', 'false');
  await form.getByTestId('template-save').click();
  await expect(templateRowNamed(options, 'Very long')).toHaveCount(1);

  const longId = (await templateRowNamed(options, 'Very long').getAttribute('data-template-id'))!;
  const again = await boundary.openPopup(site);
  const row = detectionFor(again, 'Carmen Ruiz', 'message', 'exact');
  await row.getByTestId('reply-picker').selectOption(longId);
  await expect(row.getByTestId('reply-length')).toHaveAttribute('data-over', 'true');
  await expect(row.getByTestId('insert-reply')).toBeDisabled();
});

test('templates: duplicate, delete, restore defaults, export and import as JSON with clear errors', async ({ boundary }) => {
  const options = await openOptionsAt(boundary, 'replies');
  const builtin = templateRow(options, 'builtin/en/comment');
  await builtin.getByTestId('template-duplicate').click();
  await expect(templateRowNamed(options, 'Comment or mention (copy)')).toHaveAttribute('data-origin', 'custom');
  await builtin.getByTestId('template-delete').click();
  await builtin.getByTestId('template-delete-confirm').click();
  await expect(builtin).toHaveCount(0);

  // Export: every template, as a file that imports back.
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('template-export').click()]);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(exported.format).toBe('boundary-reply-templates');
  expect(exported.templates.map((t: { name: string }) => t.name)).toContain('Comment or mention (copy)');
  expect(exported.templates.map((t: { id: string }) => t.id)).not.toContain('builtin/en/comment');

  const importFile = (name: string, text: string) =>
    options.getByTestId('template-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });

  await importFile('broken.json', '{"format": "boundary-reply-templates", ');
  await expect(options.getByTestId('template-import-error')).toContainText('not valid JSON');
  await importFile('other.json', '{"hello": "world"}');
  await expect(options.getByTestId('template-import-error')).toContainText('not a Boundary template file');

  await importFile(
    'templates.json',
    JSON.stringify({
      format: 'boundary-reply-templates',
      version: 1,
      templates: [
        { name: 'Imported redirect', situation: 'conversation', language: 'en', platforms: ['facebook'], body: 'Please use the secure channels.\nPhone: {phone}' },
        { name: 'Typo', situation: 'conversation', language: 'en', platforms: ['facebook'], body: 'Call {phnoe}' },
        { name: 'No sites', situation: 'chat', language: 'en', platforms: [], body: 'Hello' },
      ],
    }),
  );
  const summary = options.getByTestId('template-import-summary');
  await expect(summary).toHaveAttribute('data-imported', '1');
  await expect(summary).toHaveAttribute('data-rejected', '2');
  await expect(options.locator('[data-testid="template-import-rejection"][data-position="2"]')).toContainText('{phnoe}');
  await expect(options.locator('[data-testid="template-import-rejection"][data-position="3"]')).toContainText('situation');
  await expect(templateRowNamed(options, 'Imported redirect')).toHaveCount(1);

  // Restore: Boundary's templates come back; the practice's own stay.
  await options.getByTestId('template-restore-defaults').click();
  await options.getByTestId('template-restore-confirm').click();
  await expect(builtin).toHaveAttribute('data-origin', 'builtin');
  await expect(templateRowNamed(options, 'Imported redirect')).toHaveCount(1);
});

test('Spanish replies; a declined request can be answered instead, or kept for the next session', async ({ boundary, context, replicas }) => {
  const options = await openOptionsAt(boundary, 'practice');
  await options.getByTestId('settings-language').selectOption('es');
  await options.getByTestId('settings-region').selectOption('es');
  await options.getByTestId('settings-save').click();
  await expect(options.getByTestId('settings-status')).toHaveAttribute('data-state', 'saved');

  const site = await context.newPage();
  await site.goto(replicas.serve(INVITATIONS, 'linkedin/invitations-current.en.html'));
  const popup = await boundary.openPopup(site);
  const chidi = detectionFor(popup, 'Chidi Okafor', 'request', 'exact');
  await chidi.getByTestId('answer-instead').locator('summary').click();
  await expect(chidi.getByTestId('answer-instead')).toContainText('Ignore on LinkedIn is silent');
  // The page is in English (<html lang="en">), so its English reply comes first; the practice's Spanish is one choice away.
  await expect(chidi.getByTestId('reply-edit')).toHaveAttribute('lang', 'en');
  await chidi.getByTestId('reply-picker').selectOption('builtin/es/request-answer-linkedin');
  await expect(chidi.getByTestId('reply-edit')).toHaveValue(/Gracias por la invitación/);
  await expect(chidi.getByTestId('reply-edit')).toHaveValue(/Hola, Chidi:/);

  await chidi.getByTestId('decline').click();
  await expect(chidi.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  await chidi.getByTestId('discuss-add').click();
  await expect(chidi.getByTestId('discuss-added')).toBeVisible();

  await boundary.showView(options, 'discuss');
  const entry = options.locator('[data-testid="discuss-client"][data-client-name="Chidi Okafor"] [data-testid="discuss-entry"]');
  await expect(entry).toHaveAttribute('data-event', 'declined-request');
  await expect(entry).toContainText('Declined an invitation to connect on LinkedIn');

  // The conversation reply follows the language, with Spain's crisis line.
  const thread = await context.newPage();
  await thread.goto(replicas.serve(THREAD, 'linkedin/messaging.en.html'));
  const threadPopup = await boundary.openPopup(thread);
  const ana = detectionFor(threadPopup, 'Ana Souza', 'message', 'exact');
  await ana.getByTestId('reply-picker').selectOption('builtin/es/conversation-short');
  await expect(ana.getByTestId('reply-edit')).toHaveValue(/canales seguros/);
  await expect(ana.getByTestId('reply-edit')).toHaveValue(/la línea 024/);
});
