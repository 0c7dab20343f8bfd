import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listActivity, logActivity, pruneActivity } from '@/lib/activity/store';
import { BoundaryDb } from '@/lib/db';
import { addClient, deleteClient } from '@/lib/clients/store';
import { addDiscussEntry, clearDiscussForClient, listDiscuss } from '@/lib/discuss/store';
import { createBackup, restoreBackup } from '@/lib/vault/backup';
import { VaultLockedError } from '@/lib/vault/cipher';
import { dayOf } from '@/lib/vault/day-rows';
import { changePassphrase, disableVault, enableVault, lockVault, unlockVault } from '@/lib/vault/vault';
import { draft } from '../clients/draft';

// The activity log and the "to discuss" list under the vault: sealed whole, a coarse day the only
// thing readable, and resealed or opened with everything else.

const PASS = 'correct horse battery staple';
const DAY = 24 * 3600 * 1000;
const NOW = Date.now();

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = new BoundaryDb(`sealed-logs-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

async function seed() {
  const ana = await addClient(db, draft('Ana Souza'));
  const mia = await addClient(db, draft('Mia Hart'));
  await logActivity(db, { at: NOW - 2 * DAY, kind: 'declined', place: 'facebook', clientId: ana });
  await logActivity(db, { at: NOW - DAY, kind: 'guard-cancelled', place: 'linkedin', clientId: mia, action: 'connect' });
  await logActivity(db, { at: NOW, kind: 'welfare-check', place: 'bing', clientId: ana, note: { reason: 'Missed sessions', lookedAt: 'Bing search' } });
  await addDiscussEntry(db, { clientId: ana, platform: 'facebook', event: 'declined-request', at: NOW - 2 * DAY });
  await addDiscussEntry(db, { clientId: mia, platform: 'linkedin', event: 'redirected-message', at: NOW });
  return { ana, mia };
}

const seen = async () => ({
  activity: (await listActivity(db)).map(({ kind, place, clientName, at, action, note }) => ({ kind, place, clientName, at, action, note })),
  discuss: (await listDiscuss(db)).map(({ clientName, platform, event, at }) => ({ clientName, platform, event, at })),
});

/** Every row of both tables holds an id, a day and a sealed value, and nothing else. */
async function expectSealedWhole() {
  const rows = [...(await db.activity.toArray()), ...(await db.discuss.toArray())];
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(Object.keys(row).sort()).toEqual(['day', 'id', 'sealed']);
  const raw = JSON.stringify(rows);
  for (const needle of ['declined', 'guard', 'linkedin', 'facebook', 'bing', 'Missed', 'clientId', 'connect', String(NOW)]) expect(raw).not.toContain(needle);
}

describe('activity and "to discuss" under the vault', () => {
  it('turning the vault on seals every row whole; the stores read as before; off opens them again', async () => {
    await seed();
    const before = await seen();
    await enableVault(db, PASS);
    await expectSealedWhole();
    expect(await seen()).toEqual(before);
    // The day is the only index, and it is coarse.
    expect((await db.activity.toArray()).map((r) => r.day).sort()).toEqual([dayOf(NOW - 2 * DAY), dayOf(NOW - DAY), dayOf(NOW)].sort());

    await disableVault(db);
    for (const row of await db.activity.toArray()) expect(row).not.toHaveProperty('sealed');
    expect(await seen()).toEqual(before);
  }, 60_000);

  it('entries written while on are sealed whole; a new passphrase reseals them; locked, nothing reads or writes', async () => {
    await enableVault(db, PASS);
    const { ana, mia } = await seed();
    await expectSealedWhole();
    const before = await seen();
    const sealedBefore = JSON.stringify(await db.activity.toArray());
    await changePassphrase(db, PASS, 'another long passphrase');
    expect(JSON.stringify(await db.activity.toArray())).not.toBe(sealedBefore);
    expect(await seen()).toEqual(before);

    await lockVault();
    await expect(listDiscuss(db)).rejects.toBeInstanceOf(VaultLockedError);
    await expect(addDiscussEntry(db, { clientId: ana, platform: 'facebook', event: 'declined-request', at: NOW })).rejects.toBeInstanceOf(VaultLockedError);
    await expect(logActivity(db, { at: NOW, kind: 'declined', place: 'facebook', clientId: mia })).rejects.toBeInstanceOf(VaultLockedError);
    await expect(unlockVault(db, PASS)).rejects.toThrow();
    await unlockVault(db, 'another long passphrase');
    expect(await seen()).toEqual(before);
  }, 60_000);

  it('the same event noted twice is one entry, sealed or not; a client’s entries go with them', async () => {
    await enableVault(db, PASS);
    const { ana, mia } = await seed();
    const again = await addDiscussEntry(db, { clientId: mia, platform: 'linkedin', event: 'redirected-message', at: NOW + 60_000 });
    expect((await listDiscuss(db)).map((e) => e.id)).toContain(again);
    expect(await db.discuss.count()).toBe(2);
    await clearDiscussForClient(db, mia);
    expect((await listDiscuss(db)).map((e) => e.clientName)).toEqual(['Ana Souza']);
    await deleteClient(db, ana);
    expect(await db.discuss.count()).toBe(0);
    expect((await listActivity(db)).map((e) => e.clientName)).toEqual(['Mia Hart']);
  }, 60_000);

  it('old entries are pruned while locked, by their day alone', async () => {
    await enableVault(db, PASS);
    await addClient(db, draft('Ana Souza'));
    await logActivity(db, { at: NOW - 100 * DAY, kind: 'declined', place: 'facebook' });
    await logActivity(db, { at: NOW - 10 * DAY, kind: 'declined', place: 'facebook' });
    await lockVault();
    expect(await pruneActivity(db, NOW + 300 * DAY)).toBe(1);
    expect(await db.activity.count()).toBe(1);
  }, 60_000);

  it('a restore seals the file’s activity and "to discuss" entries with the vault’s key', async () => {
    await seed();
    const before = await seen();
    const file = await createBackup(db, 'backup passphrase 2026');
    await enableVault(db, PASS);
    await db.activity.clear();
    expect(await restoreBackup(db, file, 'backup passphrase 2026')).toMatchObject({ ok: true, counts: { activity: 3, discuss: 2 } });
    await expectSealedWhole();
    expect(await seen()).toEqual(before);
  }, 60_000);
});
