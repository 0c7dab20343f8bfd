import AxeBuilder from '@axe-core/playwright';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { declineLenaAndNote, LENA_ROW } from './support/activity';
import { extensionWorker, launchWithExtension } from './support/browser';
import { Replicas } from './support/replicas';
import { Boundary, detectionFor, expect, test } from './support/test';

// The passphrase vault, driven through the extension's own pages by the test contract's hooks.

const PASSPHRASE = 'quiet harbour lantern 42';

/** People and profiles that appear nowhere but in this file, so finding them on disk means a leak. */
const SECRET_CSV = [
  'name,status,aliases,facebook,instagram,linkedin',
  'Zephyrine Quillfeather,current,Zephy Quill,100077755533311,zephyrquill7731,',
  'Ifeoma Brightwater,former,,,,https://www.linkedin.com/in/ifeoma-brightwater-9x2k7q/',
].join('\n');
const SECRETS = ['Zephyrine', 'Quillfeather', 'Zephy Quill', 'Brightwater', 'Ifeoma', '100077755533311', 'zephyrquill7731', 'ifeoma-brightwater-9x2k7q'];

/**
 * What a plain activity or "to discuss" row holds besides ids: the names of its fields and the
 * values of its kind and event, as IndexedDB serialises them. Searched for in the extension's own
 * database files only: the extension's code, which Chrome caches elsewhere in the profile, names
 * them too.
 */
const LOG_METADATA = ['clientId', 'declined-request', 'declined', 'event'];

/** A browser profile of its own, kept after the browser closes, so its files can be searched. */
async function inProfile(work: (boundary: Boundary, context: BrowserContext) => Promise<void>): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'boundary-at-rest-'));
  const context = await launchWithExtension(dir);
  try {
    const worker = await extensionWorker(context);
    await work(new Boundary(context, worker, new URL(worker.url()).host), context);
  } finally {
    await context.close();
  }
  return dir;
}

/** The extension origin's IndexedDB files in a profile. */
function extensionDatabase(dir: string): string {
  const base = path.join(dir, 'Default', 'IndexedDB');
  const [db] = readdirSync(base).filter((name) => name.startsWith('chrome-extension_'));
  expect(db, 'the extension has a database on disk').toBeDefined();
  return path.join(base, db!);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    const stat = lstatSync(file);
    if (stat.isDirectory()) return filesUnder(file);
    return stat.isFile() ? [file] : [];
  });
}

/** Where any of the needles occurs in any file of the profile, as UTF-8, Latin-1 or UTF-16LE bytes. */
function foundOnDisk(dir: string, needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    for (const needle of needles) {
      for (const encoding of ['utf8', 'latin1', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(needle, encoding))) found.push(`${needle} (${encoding}) in ${path.relative(dir, file)}`);
      }
    }
  }
  return found;
}

async function importSecrets(boundary: Boundary, options: Page): Promise<void> {
  const { imported, rejected } = await boundary.importCsv(SECRET_CSV, options);
  expect({ imported, rejected }).toEqual({ imported: 2, rejected: 0 });
  await boundary.showView(options, 'clients');
  await expect(options.locator('[data-testid="client-row"][data-client-name="Zephyrine Quillfeather"]')).toBeVisible();
}

test('with the vault on, no client name, profile, activity or "to discuss" field is anywhere in the browser profile on disk', async () => {
  let key = '';
  const dir = await inProfile(async (boundary, context) => {
    const options = await boundary.enableVault(PASSPHRASE);
    await importSecrets(boundary, options);
    // Something in the activity log and on the "to discuss" list too.
    await boundary.importCsv(`name,status,aliases,facebook,instagram,linkedin\n${LENA_ROW}\n`, options);
    await declineLenaAndNote(boundary, context, await Replicas.install(context));
    // Edited by hand too, so the record is written again.
    await boundary.showView(options, 'clients');
    const row = options.locator('[data-testid="client-row"][data-client-name="Ifeoma Brightwater"]');
    await row.getByTestId('edit-client').click();
    await options.getByTestId('client-aliases').fill('Ify Brightwater');
    await options.getByTestId('save-client').click();
    await expect(row).toContainText('also Ify Brightwater');
    // The browser closes with a search typed and a half-filled form open: Chrome's session
    // restore would keep ordinary field values on disk.
    await options.getByTestId('client-search').fill('Quillfeather');
    await options.getByTestId('add-client').click();
    await options.getByTestId('client-name').fill('Zephyrine Quillfeather');
    await options.getByTestId('client-instagram').fill('zephyrquill7731');
    await options.waitForTimeout(500);
    key = await boundary.worker.evaluate(async () => {
      const stored = await (globalThis as unknown as { chrome: { storage: { session: { get: (k: string) => Promise<Record<string, { raw: string }>> } } } }).chrome.storage.session.get('vault:key');
      return stored['vault:key']!.raw;
    });
  });
  try {
    expect(key).not.toBe('');
    const keyBytes = Buffer.from(key, 'base64').toString('latin1');
    expect(foundOnDisk(dir, [...SECRETS, 'Ify Brightwater', PASSPHRASE, key, keyBytes])).toEqual([]);
    expect(foundOnDisk(extensionDatabase(dir), LOG_METADATA)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('control: with the vault off, the same search does find the names, and the log’s fields, on disk', async () => {
  const dir = await inProfile(async (boundary, context) => {
    const options = await boundary.openOptions();
    await importSecrets(boundary, options);
    await boundary.importCsv(`name,status,aliases,facebook,instagram,linkedin\n${LENA_ROW}\n`, options);
    await declineLenaAndNote(boundary, context, await Replicas.install(context));
  });
  try {
    const found = foundOnDisk(dir, SECRETS);
    expect(found.some((hit) => hit.startsWith('Quillfeather'))).toBe(true);
    expect(found.some((hit) => hit.startsWith('zephyrquill7731'))).toBe(true);
    const metadata = foundOnDisk(extensionDatabase(dir), LOG_METADATA);
    for (const needle of LOG_METADATA) expect(metadata.some((hit) => hit.startsWith(`${needle} `)), needle).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('first run: the vault is offered, never required; import works at once and the offer can be dismissed', async ({ boundary }) => {
  const options = await boundary.openOptions();
  await expect(options.getByTestId('vault-offer')).toBeVisible();
  await expect(options.locator('[data-testid="setup-item"][data-item="passphrase"]')).toContainText('stored unencrypted on this device');
  await importSecrets(boundary, options);
  await boundary.showView(options, 'home');
  await options.getByTestId('vault-offer-dismiss').click();
  await expect(options.getByTestId('vault-offer')).toHaveCount(0);
  await expect(options.locator('[data-testid="setup-item"][data-item="passphrase"]')).toHaveAttribute('data-state', 'skipped');
  await options.reload();
  await expect(options.getByTestId('vault-offer')).toHaveCount(0);
  await boundary.showView(options, 'security');
  await expect(options.locator('[data-testid="vault-status"][data-state="off"]')).toContainText('stored unencrypted on this device');
});

test('a wrong passphrase is refused with a clear message and nothing changes; the right one unlocks', async ({ boundary }) => {
  const options = await boundary.openOptions('security');
  await options.getByTestId('vault-passphrase').fill(PASSPHRASE);
  await options.getByTestId('vault-passphrase-confirm').fill(`${PASSPHRASE}!`);
  await options.getByTestId('vault-enable').click();
  await expect(options.getByTestId('vault-error')).toContainText('not the same');
  await expect(options.locator('[data-testid="vault-status"][data-state="off"]')).toBeVisible();

  await boundary.enableVault(PASSPHRASE, options);
  await importSecrets(boundary, options);
  await boundary.showView(options, 'security');
  await options.getByTestId('vault-lock').click();
  await expect(options.locator('[data-testid="vault-status"][data-state="locked"]')).toBeVisible();
  // Locked, the list's views hold the unlock form and nothing of the list.
  await boundary.showView(options, 'clients');
  await expect(options.locator('[data-testid="vault-status"][data-state="locked"]')).toBeVisible();
  await expect(options.getByTestId('client-row')).toHaveCount(0);
  await boundary.showView(options, 'home');
  await expect(options.getByTestId('import-clients')).toHaveCount(0);
  await boundary.showView(options, 'clients');

  await options.getByTestId('vault-unlock-passphrase').fill('quiet harbour lantern 43');
  await options.getByTestId('vault-unlock').click();
  await expect(options.getByTestId('vault-error')).toHaveText('That is not the passphrase this client list is locked with. Nothing was changed.');
  await expect(options.locator('[data-testid="vault-status"][data-state="locked"]')).toBeVisible();
  await expect(options.getByTestId('client-row')).toHaveCount(0);

  await options.getByTestId('vault-unlock-passphrase').fill(PASSPHRASE);
  await options.getByTestId('vault-unlock').click();
  // Unlocked from the list's own view: the list takes the form's place.
  await expect(options.getByTestId('client-row')).toHaveCount(2);
  await expect(options.getByTestId('vault-error')).toHaveCount(0);
  await boundary.showView(options, 'security');
  await expect(options.locator('[data-testid="vault-status"][data-state="unlocked"]')).toBeVisible();
});

test('locked: the badge shows a lock, the popup offers unlock, and after unlocking detection works again', async ({ boundary, context, replicas }) => {
  const options = await boundary.enableVault(PASSPHRASE);
  const { imported } = await boundary.importCsv('name,facebook\nAna Ruiz-Calder,100089412300001\n', options);
  expect(imported).toBe(1);
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.en.html'));
  await expect.poll(() => boundary.badgeText(site)).toBe('1');

  await boundary.showView(options, 'security');
  await options.getByTestId('vault-lock').click();
  await expect(options.locator('[data-testid="vault-status"][data-state="locked"]')).toBeVisible();
  await expect.poll(() => boundary.badgeText(site)).toBe('🔒');
  // Still locked when the page reloads and reports again: nothing is matched.
  await site.reload();
  await expect.poll(() => boundary.badgeText(site)).toBe('🔒');

  const popup = await boundary.openPopup(site);
  await expect(popup.getByTestId('popup-locked')).toBeVisible();
  await expect(popup.getByTestId('detection')).toHaveCount(0);
  await expect(popup.locator('body')).not.toContainText('Ana Ruiz-Calder');
  await popup.getByTestId('popup-unlock-passphrase').fill('not my passphrase');
  await popup.getByTestId('popup-unlock').click();
  await expect(popup.getByTestId('vault-error')).toContainText('not the passphrase');
  await expect(popup.getByTestId('popup-locked')).toBeVisible();

  await popup.getByTestId('popup-unlock-passphrase').fill(PASSPHRASE);
  await popup.getByTestId('popup-unlock').click();
  await expect(detectionFor(popup, 'Ana Ruiz-Calder', 'request', 'exact')).toHaveCount(1);
  await expect.poll(() => boundary.badgeText(site)).toBe('1');
  // The options page follows: unlocked there too, with the list back.
  await expect(options.locator('[data-testid="vault-status"][data-state="unlocked"]')).toBeVisible();
  await boundary.showView(options, 'clients');
  await expect(options.getByTestId('client-row')).toHaveCount(1);

  // Locking from the popup works the same way.
  await popup.getByTestId('popup-lock').click();
  await expect(popup.getByTestId('popup-locked')).toBeVisible();
  await expect.poll(() => boundary.badgeText(site)).toBe('🔒');
});

test('change the passphrase, turn the vault off, and "forgot passphrase" after typing DELETE', async ({ boundary }) => {
  const options = await boundary.enableVault(PASSPHRASE);
  await importSecrets(boundary, options);

  await boundary.showView(options, 'security');
  await options.getByTestId('vault-change-old').fill('wrong passphrase here');
  await options.getByTestId('vault-change-new').fill('a brand new passphrase');
  await options.getByTestId('vault-change').click();
  await expect(options.getByTestId('vault-error')).toContainText('not the passphrase');
  await options.getByTestId('vault-change-old').fill(PASSPHRASE);
  await options.getByTestId('vault-change').click();
  await expect(options.getByTestId('vault-notice')).toContainText('changed');
  await options.getByTestId('vault-lock').click();
  await options.getByTestId('vault-unlock-passphrase').fill(PASSPHRASE);
  await options.getByTestId('vault-unlock').click();
  await expect(options.getByTestId('vault-error')).toContainText('not the passphrase');
  await options.getByTestId('vault-unlock-passphrase').fill('a brand new passphrase');
  await options.getByTestId('vault-unlock').click();
  await expect(options.locator('[data-testid="vault-status"][data-state="unlocked"]')).toBeVisible();
  await boundary.showView(options, 'clients');
  await expect(options.getByTestId('client-row')).toHaveCount(2);

  await boundary.showView(options, 'security');
  await options.getByTestId('vault-disable').click();
  await expect(options.locator('[data-testid="vault-status"][data-state="off"]')).toBeVisible();
  await boundary.showView(options, 'clients');
  await expect(options.getByTestId('client-row')).toHaveCount(2);

  await boundary.enableVault('yet another passphrase', options);
  await options.getByTestId('vault-lock').click();
  await options.getByTestId('vault-forgot').click();
  await options.getByTestId('vault-forgot-confirm-text').fill('delete');
  await options.getByTestId('vault-forgot-confirm').click();
  await expect(options.getByTestId('vault-error')).toContainText('Type DELETE');
  await expect(options.locator('[data-testid="vault-status"][data-state="locked"]')).toBeVisible();
  await options.getByTestId('vault-forgot-confirm-text').fill('DELETE');
  await options.getByTestId('vault-forgot-confirm').click();
  await expect(options.locator('[data-testid="vault-status"][data-state="off"]')).toBeVisible();
  await boundary.showView(options, 'clients');
  await expect(options.getByTestId('clients-empty')).toBeVisible();
});

test('encrypted backup: saved, refused with a wrong passphrase, restored whole', async ({ boundary }) => {
  const options = await boundary.openOptions();
  await importSecrets(boundary, options);
  // The list in a tab of its own, the backup in this one: each is a view of its own.
  const list = await boundary.openOptions('clients');
  await boundary.showView(options, 'security');
  await options.getByTestId('backup-passphrase').fill('backup passphrase 2026');
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('backup-export').click()]);
  await expect(options.locator('[data-testid="backup-result"][data-ok="true"]')).toBeVisible();
  const file = readFileSync((await download.path())!, 'utf8');
  for (const secret of SECRETS) expect(file).not.toContain(secret);

  const row = list.locator('[data-testid="client-row"][data-client-name="Zephyrine Quillfeather"]');
  await row.getByTestId('delete-client').click();
  await row.getByTestId('confirm-delete').click();
  await expect(list.getByTestId('client-row')).toHaveCount(1);
  const listed = async (count: number) => {
    await list.reload();
    await expect(list.getByTestId('client-row')).toHaveCount(count);
  };

  const upload = (text: string) => options.getByTestId('backup-import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  await options.getByTestId('backup-passphrase').fill('not the backup passphrase');
  await upload(file);
  await expect(options.locator('[data-testid="backup-result"][data-ok="false"]')).toContainText('does not open this backup');
  await listed(1);

  await options.getByTestId('backup-passphrase').fill('backup passphrase 2026');
  await upload(file.slice(0, file.length - 10));
  await expect(options.locator('[data-testid="backup-result"][data-ok="false"]')).toContainText('damaged or incomplete');
  await listed(1);

  // Picking the file only opens it: what it holds and what it replaces are shown, nothing is written yet.
  await upload(file);
  const preview = options.getByTestId('backup-preview');
  await expect(preview).toHaveAttribute('data-clients', '2');
  await expect(preview).toHaveAttribute('data-replaces-clients', '1');
  await expect(preview).toContainText('Restoring it replaces everything here now');
  await listed(1);
  await options.getByTestId('backup-restore-cancel').click();
  await expect(preview).toHaveCount(0);
  await listed(1);

  await upload(file);
  await options.getByTestId('backup-restore-confirm').click();
  await expect(options.locator('[data-testid="backup-result"][data-ok="true"]')).toContainText('Restored 2 clients');
  await listed(2);
  await expect(row).toBeVisible();
});

test('with the vault on, "not them" and "this is them" from the popup are kept, sealed, across reloads', async ({ boundary, context, replicas }) => {
  const options = await boundary.enableVault(PASSPHRASE);
  const { imported } = await boundary.importCsv('name,status\nInes Moreau,former\nLena Vogt,current\n', options);
  expect(imported).toBe(2);
  const invitations = 'https://www.linkedin.com/mynetwork/invitation-manager/received/';
  const site = await context.newPage();
  await site.goto(replicas.serve(invitations, 'linkedin/invitations-classic.fr.html'));
  const popup = await boundary.openPopup(site);
  await detectionFor(popup, 'Ines Moreau', 'request', 'name').getByTestId('not-them').click();
  await expect(popup.locator('[data-testid="decision-made"][data-decision="not-them"]')).toBeVisible();
  // Reopened, the popup no longer shows the profile judged not to be her.
  await popup.close();
  await expect(detectionFor(await boundary.openPopup(site), 'Ines Moreau', 'request')).toHaveCount(0);

  await site.goto(replicas.serve('https://www.linkedin.com/mynetwork/', 'linkedin/mynetwork.de.html'));
  const network = await boundary.openPopup(site);
  await detectionFor(network, 'Lena Vogt', 'request', 'name').getByTestId('this-is-them').click();
  await expect(detectionFor(network, 'Lena Vogt', 'request', 'exact')).toHaveCount(1);

  // Locked and unlocked again: the decisions were sealed and open again with the key.
  await boundary.showView(options, 'security');
  await options.getByTestId('vault-lock').click();
  await boundary.showView(options, 'clients');
  await options.getByTestId('vault-unlock-passphrase').fill(PASSPHRASE);
  await options.getByTestId('vault-unlock').click();
  await expect(options.locator('[data-testid="client-row"][data-client-name="Lena Vogt"]')).toContainText('linkedin.com/in/');
  await site.goto(replicas.serve(invitations, 'linkedin/invitations-classic.fr.html'));
  const again = await boundary.openPopup(site);
  await expect(again.getByTestId('popup-empty')).toBeVisible();
  await expect(again.getByTestId('detection')).toHaveCount(0);
});

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the vault's states pass axe in the ${colorScheme} scheme`, async ({ boundary, context, replicas }) => {
    const options = await boundary.enableVault(PASSPHRASE);
    await boundary.importCsv('name,facebook\nAna Ruiz-Calder,100089412300001\n', options);
    await boundary.showView(options, 'security');
    await options.emulateMedia({ colorScheme });
    expect(await axeViolations(options)).toEqual([]);

    await options.getByTestId('vault-lock').click();
    await options.getByTestId('vault-unlock-passphrase').fill('not my passphrase');
    await options.getByTestId('vault-unlock').click();
    await expect(options.getByTestId('vault-error')).toBeVisible();
    await options.getByTestId('vault-forgot').click();
    expect(await axeViolations(options)).toEqual([]);

    const site = await context.newPage();
    await site.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.en.html'));
    const popup = await boundary.openPopup(site);
    await popup.setViewportSize({ width: 400, height: 700 });
    await popup.emulateMedia({ colorScheme });
    await expect(popup.getByTestId('popup-locked')).toBeVisible();
    await popup.getByTestId('popup-unlock').click();
    await expect(popup.getByTestId('vault-error')).toBeVisible();
    expect(await axeViolations(popup)).toEqual([]);
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  });
}
