import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BoundaryDb, type VaultMeta } from '@/lib/db';
import { emptyIdentities, type ClientDraft } from '@/lib/clients/model';
import {
  addClient,
  deleteClient,
  importDrafts,
  linkIdentity,
  listClients,
  notThemKeys,
  rememberNotThem,
  updateClient,
} from '@/lib/clients/store';
import { addDiscussEntry, listDiscuss } from '@/lib/discuss/store';
import { loadSettings, saveSettings } from '@/lib/settings/store';
import { currentCipher, VaultLockedError } from '@/lib/vault/cipher';
import { PBKDF2_ITERATIONS } from '@/lib/vault/crypto';
import { KEY_ITEM, readSessionKey } from '@/lib/vault/session';
import {
  changePassphrase,
  disableVault,
  enableVault,
  lockVault,
  passphraseProblem,
  setIdleMinutes,
  unlockVault,
  vaultStatus,
  wipeVault,
  WrongPassphraseError,
} from '@/lib/vault/vault';
import { draft } from '../clients/draft';

const PASS = 'correct horse battery staple';
const OTHER = 'a different passphrase';

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = new BoundaryDb(`vault-${++n}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  await db.delete();
});

/** A small list with everything a row can hold: aliases, identities, a "not them" decision. */
async function seedList() {
  const ana = await addClient(db, draft('Ana Souza', { aliases: ['Aninha'], identities: { ...emptyIdentities(), facebook: ['100012345678901'], instagram: ['ana.souza_'] } }));
  const mia = await addClient(db, draft('Mia Hart', { status: 'former', identities: { ...emptyIdentities(), linkedin: ['mia-hart-4b2a1c'] } }));
  await addClient(db, draft('Chidi Okoro'));
  await rememberNotThem(db, mia, 'facebook', 'mia.hart.77');
  return { ana, mia };
}

/** Everything the database holds, as stored, for before/after comparisons. */
async function snapshot() {
  return {
    clients: await db.clients.toArray(),
    notThem: await db.notThemDecisions.toArray(),
    discuss: await db.discuss.toArray(),
    vault: await db.vault.toArray(),
  };
}

/** Every stored byte and string of the client and decision tables, as one searchable text. */
async function storedText(): Promise<string> {
  const rows = [...(await db.clients.toArray()), ...(await db.notThemDecisions.toArray())];
  return JSON.stringify(rows, (_key, value: unknown) =>
    value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : value,
  );
}

describe('passphrase vault', () => {
  it('is off on a fresh install, and the list works at once', async () => {
    expect(await vaultStatus(db)).toMatchObject({ state: 'off', offerDismissed: false });
    await seedList();
    expect(await listClients(db)).toHaveLength(3);
  });

  it('asks for a passphrase of some length, typed twice the same', () => {
    expect(passphraseProblem('short')).toMatch(/at least 10/);
    expect(passphraseProblem(PASS, PASS + 'x')).toMatch(/not the same/);
    expect(passphraseProblem(` ${PASS}`)).toMatch(/spaces/);
    expect(passphraseProblem(PASS, PASS)).toBeUndefined();
  });

  it('turning it on seals every client and decision: rows keep only their ids, index keys are empty', async () => {
    const { mia } = await seedList();
    const before = await listClients(db);
    await enableVault(db, PASS);
    expect(await vaultStatus(db)).toMatchObject({ state: 'unlocked', idleMinutes: 30 });

    for (const row of await db.clients.toArray()) expect(Object.keys(row).sort()).toEqual(['id', 'sealed']);
    for (const row of await db.notThemDecisions.toArray()) expect(Object.keys(row).sort()).toEqual(['clientId', 'id', 'sealed']);
    // Nor do the list's pages around them: a page is its number and its rows.
    for (const page of await db.clientPages.toArray()) expect(Object.keys(page).sort()).toEqual(page.page < 0 ? ['next', 'page', 'rows'] : ['page', 'rows']);
    const text = await storedText();
    for (const needle of ['Ana', 'Souza', 'Aninha', 'Mia', 'Chidi', '100012345678901', 'ana.souza_', 'mia-hart', 'mia.hart.77', 'facebook', 'former']) {
      expect(text).not.toContain(needle);
    }
    const meta = (await db.vault.get('vault')) as VaultMeta;
    expect(meta).toMatchObject({ iterations: PBKDF2_ITERATIONS });
    expect(meta.iterations).toBeGreaterThanOrEqual(600_000);
    expect((meta as { salt: Uint8Array }).salt).toHaveLength(16);

    // Unlocked, everything reads and works as before.
    expect(await listClients(db)).toEqual(before);
    expect(await notThemKeys(db)).toEqual(new Set([`facebook:mia.hart.77|${mia}`]));
  });

  it('while on, every write seals with a fresh IV and the stores keep their behaviour', async () => {
    await enableVault(db, PASS);
    const id = await addClient(db, draft('Sam Lee'));
    const first = (await db.clients.get(id)) as { sealed: { iv: Uint8Array } };
    await updateClient(db, id, draft('Sam Lee', { aliases: ['Sammy'] }));
    const second = (await db.clients.get(id)) as { sealed: { iv: Uint8Array } };
    expect(Buffer.from(second.sealed.iv).equals(Buffer.from(first.sealed.iv))).toBe(false);

    await rememberNotThem(db, id, 'facebook', 'samlee9');
    await rememberNotThem(db, id, 'facebook', 'samlee9');
    expect(await db.notThemDecisions.count()).toBe(1);
    await linkIdentity(db, id, 'facebook', 'samlee9');
    expect(await notThemKeys(db)).toEqual(new Set());
    expect((await listClients(db))[0]).toMatchObject({ name: 'Sam Lee', aliases: ['Sammy'], identities: { facebook: ['samlee9'] } });

    // Import merges with sealed rows exactly as with plain ones: nothing is duplicated.
    const rows = [draft('Sam Lee-Park', { identities: { ...emptyIdentities(), facebook: ['samlee9'] } }), draft('Chidi Okoro')];
    expect(await importDrafts(db, rows)).toMatchObject({ added: 1, updated: 1, refused: [], duplicates: [], updatedByName: [] });
    expect(await importDrafts(db, rows)).toMatchObject({ added: 0, updated: 2, refused: [], duplicates: [] });
    expect((await listClients(db)).map((c) => c.name).sort()).toEqual(['Chidi Okoro', 'Sam Lee-Park']);
    expect(await storedText()).not.toContain('Chidi');

    await deleteClient(db, id);
    expect(await listClients(db)).toHaveLength(1);
  });

  it('the names "to discuss" entries show are opened with the key', async () => {
    const { ana } = await seedList();
    await addDiscussEntry(db, { clientId: ana, platform: 'facebook', event: 'declined-request', at: 1 });
    await enableVault(db, PASS);
    expect((await listDiscuss(db)).map((i) => i.clientName)).toEqual(['Ana Souza']);
    await lockVault();
    await expect(listDiscuss(db)).rejects.toBeInstanceOf(VaultLockedError);
  });

  it('turning it on is one transaction: a failure half-way leaves every row as it was', async () => {
    await seedList();
    await importDrafts(db, Array.from({ length: 1200 }, (_, i) => draft(`Person ${i}`)));
    const before = await snapshot();
    // The rows are sealed and written; then the write of the vault's own record fails.
    const put = vi.spyOn(db.vault, 'put').mockRejectedValueOnce(new Error('disk full'));
    await expect(enableVault(db, PASS)).rejects.toThrow('disk full');
    expect(put).toHaveBeenCalled();
    expect(await snapshot()).toEqual(before);
    expect(await vaultStatus(db)).toMatchObject({ state: 'off' });
    expect(await readSessionKey()).toBeUndefined();

    // And a failure in the middle of the client rows themselves.
    const bulkPut = db.clients.bulkPut.bind(db.clients);
    let calls = 0;
    vi.spyOn(db.clients, 'bulkPut').mockImplementation(((rows: never[]) => {
      if (++calls === 2) return Promise.reject(new Error('crash'));
      return bulkPut(rows);
    }) as typeof db.clients.bulkPut);
    await expect(enableVault(db, PASS)).rejects.toThrow('crash');
    expect(calls).toBe(2);
    expect(await snapshot()).toEqual(before);
    vi.restoreAllMocks();

    await enableVault(db, PASS);
    expect(await listClients(db)).toHaveLength(1203);
  });

  it('locked: nothing reads or writes; a wrong passphrase is refused at once and changes nothing', async () => {
    await seedList();
    await enableVault(db, PASS);
    const names = (await listClients(db)).map((c) => c.name).sort();
    await lockVault();
    expect(await vaultStatus(db)).toMatchObject({ state: 'locked' });
    await expect(listClients(db)).rejects.toBeInstanceOf(VaultLockedError);
    await expect(notThemKeys(db)).rejects.toBeInstanceOf(VaultLockedError);
    await expect(addClient(db, draft('New Person'))).rejects.toBeInstanceOf(VaultLockedError);
    await expect(importDrafts(db, [draft('New Person')])).rejects.toBeInstanceOf(VaultLockedError);

    const before = await snapshot();
    const wrong = unlockVault(db, OTHER);
    await expect(wrong).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(wrong).rejects.toThrow('That is not the passphrase this client list is locked with. Nothing was changed.');
    expect(await snapshot()).toEqual(before);
    expect(await vaultStatus(db)).toMatchObject({ state: 'locked' });

    await unlockVault(db, PASS);
    expect((await listClients(db)).map((c) => c.name).sort()).toEqual(names);
  });

  it('the key lives in session storage, so another context (the restarted worker) reads it', async () => {
    await seedList();
    await enableVault(db, PASS);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(expect.arrayContaining([KEY_ITEM]));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    const elsewhere = new BoundaryDb(db.name);
    expect(await listClients(elsewhere)).toHaveLength(3);
    elsewhere.close();
  });

  it('locks itself after the idle time; the clinician’s use restarts the clock, page reports do not', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-03-02T09:00:00Z').getTime();
    vi.setSystemTime(start);
    await seedList();
    await enableVault(db, PASS);
    await setIdleMinutes(db, 15);

    vi.setSystemTime(start + 10 * 60_000);
    await listClients(db); // a use, through a page
    vi.setSystemTime(start + 20 * 60_000);
    await currentCipher(db, { touch: false }); // a page report: not a use
    vi.setSystemTime(start + 24 * 60_000);
    expect(await vaultStatus(db, { touch: false })).toMatchObject({ state: 'unlocked' });

    vi.setSystemTime(start + 25 * 60_000 + 1);
    const stale = listClients(db);
    await expect(stale).rejects.toBeInstanceOf(VaultLockedError);
    await expect(stale).rejects.toThrow(/after a time without use/);
    expect(await readSessionKey()).toBeUndefined();
    expect(await vaultStatus(db)).toMatchObject({ state: 'locked', idleMinutes: 15 });

    await unlockVault(db, PASS);
    expect(await listClients(db)).toHaveLength(3);
  });

  it('a new passphrase re-seals everything in one transaction; the old one no longer opens it', async () => {
    const { mia } = await seedList();
    await enableVault(db, PASS);
    const names = (await listClients(db)).map((c) => c.name).sort();
    const oldMeta = (await db.vault.get('vault')) as { vaultId: string; salt: Uint8Array };

    const before = await snapshot();
    await expect(changePassphrase(db, OTHER, 'my new passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(changePassphrase(db, PASS, 'short')).rejects.toThrow(/at least/);
    vi.spyOn(db.notThemDecisions, 'bulkPut').mockRejectedValueOnce(new Error('crash'));
    await expect(changePassphrase(db, PASS, 'my new passphrase')).rejects.toThrow('crash');
    expect(await snapshot()).toEqual(before);
    vi.restoreAllMocks();

    await changePassphrase(db, PASS, 'my new passphrase');
    const meta = (await db.vault.get('vault')) as { vaultId: string; salt: Uint8Array };
    expect(meta.vaultId).not.toBe(oldMeta.vaultId);
    expect(Buffer.from(meta.salt).equals(Buffer.from(oldMeta.salt))).toBe(false);
    expect((await listClients(db)).map((c) => c.name).sort()).toEqual(names);
    expect(await notThemKeys(db)).toEqual(new Set([`facebook:mia.hart.77|${mia}`]));

    await lockVault();
    await expect(unlockVault(db, PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
    await unlockVault(db, 'my new passphrase');
    expect(await listClients(db)).toHaveLength(3);
    // Six key derivations at 600,000 iterations: slow on a busy machine.
  }, 60_000);

  it('a key kept from before a passphrase change is not used', async () => {
    await seedList();
    await enableVault(db, PASS);
    const oldKey = await fakeBrowser.storage.session.get(KEY_ITEM);
    await changePassphrase(db, PASS, 'my new passphrase');
    await fakeBrowser.storage.session.set(oldKey);
    await expect(listClients(db)).rejects.toBeInstanceOf(VaultLockedError);
  });

  it('turning it off (while unlocked) stores every row unencrypted again, index keys and all', async () => {
    const { ana, mia } = await seedList();
    const plainBefore = await db.clients.toArray();
    await enableVault(db, PASS);
    await lockVault();
    await expect(disableVault(db)).rejects.toBeInstanceOf(VaultLockedError);
    await unlockVault(db, PASS);

    const before = await snapshot();
    vi.spyOn(db.vault, 'delete').mockRejectedValueOnce(new Error('crash'));
    await expect(disableVault(db)).rejects.toThrow('crash');
    expect(await snapshot()).toEqual(before);
    vi.restoreAllMocks();

    await disableVault(db);
    expect(await vaultStatus(db)).toMatchObject({ state: 'off' });
    expect(await readSessionKey()).toBeUndefined();
    expect(await db.clients.toArray()).toEqual(plainBefore);
    // Readable again, as they were: the identities in the record, no index keys stored beside them.
    expect((await db.clients.get(ana)) as object).toMatchObject({ identities: { facebook: ['100012345678901'] } });
    expect(await db.clients.get(ana)).not.toHaveProperty('identityKeys');
    expect(await notThemKeys(db)).toEqual(new Set([`facebook:mia.hart.77|${mia}`]));
  });

  it('"forgot passphrase" wipes clients, decisions and "to discuss" after DELETE is typed; settings stay', async () => {
    const { ana } = await seedList();
    await saveSettings(db, { ...(await loadSettings(db)), practiceName: 'Harbour Therapy' });
    await addDiscussEntry(db, { clientId: ana, platform: 'facebook', event: 'declined-request', at: 1 });
    await enableVault(db, PASS);
    await lockVault();

    const before = await snapshot();
    await expect(wipeVault(db, 'delete me')).rejects.toThrow(/DELETE/);
    expect(await snapshot()).toEqual(before);

    await wipeVault(db, 'DELETE');
    expect(await snapshot()).toEqual({ clients: [], notThem: [], discuss: [], vault: [] });
    expect(await vaultStatus(db)).toMatchObject({ state: 'off' });
    expect((await loadSettings(db)).practiceName).toBe('Harbour Therapy');
    expect(await listClients(db)).toEqual([]);
  });

  it('the first-run offer stays dismissed', async () => {
    const { dismissVaultOffer } = await import('@/lib/vault/vault');
    await dismissVaultOffer(db);
    expect(await vaultStatus(db)).toMatchObject({ state: 'off', offerDismissed: true });
  });
});
