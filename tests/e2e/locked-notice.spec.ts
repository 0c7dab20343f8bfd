import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Worker } from '@playwright/test';
import { EXTENSION_DIR, extensionWorker, launchWithExtension } from './support/browser';
import { Replicas } from './support/replicas';
import { Boundary, detectionFor, expect, test } from './support/test';

// Locked is loud: with the vault on and locked, opening one of the sites shows a browser
// notification (once per lock period, naming no one), and a click on it opens the unlock view.

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const PASSPHRASE = 'quiet harbour lantern 42';
const NOTICE_ID = 'boundary-vault-locked';
const CSV = 'name,facebook\nAna Ruiz-Calder,100089412300001\n';

/**
 * A copy of the built extension whose service worker first records what it asks of the
 * notifications API: what each notice says, and the click listeners it registers. A test cannot
 * click a notification the operating system draws, so it calls those listeners as the browser
 * would on a click. Only this recorder is added: the code under test is the same build.
 */
function withNotificationRecorder(dir: string): string {
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = path.join(dir, 'background.js');
  const recorder = `(() => {
    const n = chrome.notifications, create = n.create.bind(n), listen = n.onClicked.addListener.bind(n.onClicked);
    const record = (self.__notices = { created: [], onClicked: [] });
    n.create = (...args) => { record.created.push({ id: args[0], options: args[1] }); return create(...args); };
    n.onClicked.addListener = (listener) => { record.onClicked.push(listener); return listen(listener); };
  })();\n`;
  writeFileSync(file, recorder + readFileSync(file, 'utf8'));
  return dir;
}

interface Notices {
  created: { id: string; options: { title: string; message: string } }[];
  shown: string[];
}

const notices = (worker: Worker): Promise<Notices> =>
  worker.evaluate(async () => ({
    created: (self as unknown as { __notices: Notices }).__notices.created,
    shown: Object.keys(await chrome.notifications.getAll()),
  }));

const clickNotice = (worker: Worker) =>
  worker.evaluate((id) => {
    for (const listener of (self as unknown as { __notices: { onClicked: ((id: string) => void)[] } }).__notices.onClicked) listener(id);
  }, NOTICE_ID);

async function withRecorder(language: string | undefined, work: (boundary: Boundary, context: BrowserContext, replicas: Replicas) => Promise<void>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'boundary-notice-'));
  const context = await launchWithExtension(path.join(dir, 'profile'), true, { language, extensionDir: withNotificationRecorder(path.join(dir, 'extension')) });
  try {
    const worker = await extensionWorker(context);
    const replicas = await Replicas.install(context);
    await work(new Boundary(context, worker, new URL(worker.url()).host), context, replicas);
    expect(replicas.unexpected).toEqual([]);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('opening a site while locked shows one notification naming no one; its click opens the unlock view for that tab', async () => {
  await withRecorder(undefined, async (boundary, context, replicas) => {
    const options = await boundary.enableVault(PASSPHRASE);
    await boundary.importCsv(CSV, options);
    await options.getByTestId('vault-lock').click();
    await expect(options.locator('[data-testid="vault-status"][data-state="locked"]')).toBeVisible();
    // Locking says nothing by itself: the clinician just did it.
    expect((await notices(boundary.worker)).created).toEqual([]);

    const site = await context.newPage();
    await site.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.en.html'));
    await expect.poll(async () => (await notices(boundary.worker)).shown).toEqual([NOTICE_ID]);
    const [notice] = (await notices(boundary.worker)).created;
    expect(notice!.options).toMatchObject({
      type: 'basic',
      title: 'Boundary is locked',
      message: 'Nothing on Facebook, Instagram or LinkedIn is being checked until you unlock it. Click here to unlock.',
    });
    expect(await boundary.badgeText(site)).toBe('🔒');

    // Other sites, reloads: the same lock period, no second notice.
    const other = await context.newPage();
    await other.goto(replicas.serve('https://www.instagram.com/accounts/activity/', 'instagram/follow-requests.en.html'));
    await expect.poll(() => boundary.badgeText(other)).toBe('🔒');
    await site.reload();
    await expect.poll(() => boundary.badgeText(site)).toBe('🔒');
    await other.waitForTimeout(500);
    expect((await notices(boundary.worker)).created).toHaveLength(1);

    // One click: the unlock view, for the site's tab, and once unlocked it shows who is there.
    const siteTab = await boundary.tabIdOf(site);
    const [unlockView] = await Promise.all([context.waitForEvent('page'), clickNotice(boundary.worker)]);
    await unlockView.waitForLoadState();
    expect(unlockView.url()).toBe(boundary.url(`popup.html?tab=${siteTab}`));
    await expect(unlockView.getByTestId('popup-locked')).toBeVisible();
    await unlockView.getByTestId('popup-unlock-passphrase').fill(PASSPHRASE);
    await unlockView.getByTestId('popup-unlock').click();
    await expect(detectionFor(unlockView, 'Ana Ruiz-Calder', 'request', 'exact')).toHaveCount(1);
    await expect.poll(async () => (await notices(boundary.worker)).shown).toEqual([]);

    // A new lock is a new lock period: the next site opened says so again.
    await unlockView.getByTestId('popup-lock').click();
    await expect(unlockView.getByTestId('popup-locked')).toBeVisible();
    await site.reload();
    await expect.poll(async () => (await notices(boundary.worker)).created.length).toBe(2);
  });
});

test.describe('in Spanish', () => {
  test('the notification speaks the browser’s language', async () => {
    await withRecorder('es', async (boundary, context, replicas) => {
      const options = await boundary.enableVault(PASSPHRASE);
      await options.getByTestId('vault-lock').click();
      await expect(options.locator('[data-testid="vault-status"][data-state="locked"]')).toBeVisible();
      const site = await context.newPage();
      await site.goto(replicas.serve('https://www.linkedin.com/mynetwork/invitation-manager/received/', 'linkedin/invitations-classic.fr.html'));
      await expect.poll(async () => (await notices(boundary.worker)).created.length).toBe(1);
      expect((await notices(boundary.worker)).created[0]!.options).toMatchObject({
        title: 'Boundary está bloqueado',
        message: 'No se comprueba nada en Facebook, Instagram ni LinkedIn hasta que lo desbloquee. Haga clic aquí para desbloquearlo.',
      });
    });
  });
});

test('"lock when the browser closes": chosen instead of an idle time, no idle timer is left running', async ({ boundary, worker }) => {
  const options = await boundary.enableVault(PASSPHRASE);
  await expect.poll(() => worker.evaluate(async () => (await chrome.alarms.get('vault-idle-lock')) !== undefined)).toBe(true);
  await options.getByTestId('vault-idle').selectOption({ label: 'Only when the browser closes' });
  await expect(options.getByTestId('vault-unlocked-until')).toHaveText('It is unlocked in this browser until you lock it or close the browser.');
  await expect.poll(() => worker.evaluate(async () => (await chrome.alarms.get('vault-idle-lock')) === undefined)).toBe(true);
  await options.reload();
  await expect(options.getByTestId('vault-idle')).toHaveValue('0');
  await expect(options.getByTestId('vault-idle')).toHaveAccessibleDescription('Closing the browser always locks it: the key is kept in memory only, never on disk.');
});
