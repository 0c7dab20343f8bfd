import Dexie from 'dexie';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BoundaryDb, LATEST_VERSION } from '@/lib/db';
import { PAGE_SIZE } from '@/lib/db/client-pages';
import { LEGACY_POLICY_KEY } from '@/lib/db/upgrades';
import { addClient, deleteClient, linkIdentity, listClients, notThemKeys, rememberNotThem, updateClient } from '@/lib/clients/store';
import { DEFAULT_CHOICES } from '@/lib/practice-policy/choices';
import { loadPolicyVersions } from '@/lib/practice-policy/store';
import { nextVersion } from '@/lib/practice-policy/versions';
import { loadLibrary } from '@/lib/replies/store';
import { listActivity, logActivity, pruneActivity } from '@/lib/activity/store';
import { addDiscussEntry, listDiscuss } from '@/lib/discuss/store';
import { loadSettings } from '@/lib/settings/store';
import { deriveKey, randomBytes, seal } from '@/lib/vault/crypto';
import { dayOf } from '@/lib/vault/day-rows';
import { unlockVault, vaultStatus } from '@/lib/vault/vault';

// Databases as earlier releases left them on people's machines, opened by today's code. The
// schemas below are copied from git history and must never be edited: they are what is out there.
const RELEASED_V1 = {
  clients: '++id, *identityKeys',
  notThem: '[identityKey+clientId], clientId',
};
const RELEASED_V2 = {
  settings: 'key',
  replyTemplates: 'id',
  discuss: '++id, clientId, at',
};
const RELEASED_V3 = {
  vault: 'key',
  notThemDecisions: '++id, clientId',
  notThem: null,
};
const RELEASED_V4 = {
  activity: '++id, at, clientId',
};
const RELEASED_V5 = {
  activity: '++id, day',
  discuss: '++id, day',
};
const RELEASED_V6 = {
  clients: '++id, *identityKeys, status, relatedTo',
  policyVersions: 'number',
};
const RELEASED_V7 = {
  clients: '++id, relatedTo',
};
const RELEASED = [RELEASED_V1, RELEASED_V2, RELEASED_V3, RELEASED_V4, RELEASED_V5, RELEASED_V6, RELEASED_V7];

/**
 * A database at a released version: the schemas above, up to `version`. The upgrades are left
 * out on purpose: the rows each test writes are what that version itself wrote.
 */
function released(version: 1 | 2 | 3 | 4 | 5 | 6 | 7): Dexie {
  const old = new Dexie(name);
  RELEASED.slice(0, version).forEach((stores, i) => old.version(i + 1).stores(stores));
  return old;
}

const empty = { facebook: [], instagram: [], linkedin: [] };
const V1_CLIENTS = [
  {
    name: 'Ana Souza',
    aliases: ['Aninha'],
    status: 'current',
    identities: { ...empty, facebook: ['100012345678901'], instagram: ['ana.souza_'] },
    identityKeys: ['facebook:100012345678901', 'instagram:ana.souza_'],
    createdAt: 1,
    updatedAt: 2,
  },
  {
    name: 'Mia Hart',
    aliases: [],
    status: 'former',
    identities: { ...empty, linkedin: ['mia-hart-4b2a1c'] },
    identityKeys: ['linkedin:mia-hart-4b2a1c'],
    createdAt: 3,
    updatedAt: 4,
  },
  { name: 'Chidi Okoro', aliases: [], status: 'current', identities: empty, identityKeys: [], createdAt: 5, updatedAt: 6 },
];

let name: string;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  name = `released-${++n}`;
});
afterEach(async () => {
  await Dexie.delete(name);
});

async function createV1(): Promise<number[]> {
  const old = new Dexie(name);
  old.version(1).stores(RELEASED_V1);
  const ids = (await old.table('clients').bulkAdd(V1_CLIENTS, { allKeys: true })) as number[];
  await old.table('notThem').bulkAdd([
    { identityKey: 'facebook:mia.hart.77', clientId: ids[1] },
    { identityKey: 'instagram:someone.else', clientId: ids[1] },
    { identityKey: 'facebook:ana.other', clientId: ids[0] },
  ]);
  old.close();
  return ids;
}

describe('a database from an earlier release', () => {
  it('version 1: every client and every "not them" decision is kept', async () => {
    const [ana, mia] = await createV1();
    const db = new BoundaryDb(name);
    try {
      expect(db.verno).toBeGreaterThanOrEqual(3);
      const clients = await listClients(db);
      // Records from before versions existed read as version 0.
      expect(clients.map(({ id: _id, ...c }) => c)).toEqual(V1_CLIENTS.map(({ identityKeys: _k, ...c }) => ({ ...c, version: 0 })));
      expect(await notThemKeys(db)).toEqual(
        new Set([`facebook:mia.hart.77|${mia}`, `instagram:someone.else|${mia}`, `facebook:ana.other|${ana}`]),
      );
      // The old table, keyed by the identity itself, is gone.
      expect(db.tables.map((t) => t.name)).not.toContain('notThem');
      expect(await vaultStatus(db)).toMatchObject({ state: 'off' });

      // And the migrated decisions behave as decisions: found by client, cleared by "this is them".
      await linkIdentity(db, mia!, 'facebook', 'mia.hart.77');
      expect(await notThemKeys(db)).toEqual(new Set([`instagram:someone.else|${mia}`, `facebook:ana.other|${ana}`]));
      await deleteClient(db, ana!);
      expect(await notThemKeys(db)).toEqual(new Set([`instagram:someone.else|${mia}`]));
      await rememberNotThem(db, mia!, 'facebook', 'another.mia');
      const id = await addClient(db, { name: 'New Person', aliases: [], status: 'current', identities: empty });
      expect(id).toBeGreaterThan(Math.max(...[ana!, mia!]));
    } finally {
      db.close();
    }
  });

  it('version 2: clients, decisions, settings, templates and "to discuss" entries are all kept', async () => {
    const old = new Dexie(name);
    old.version(1).stores(RELEASED_V1);
    old.version(2).stores(RELEASED_V2);
    const ids = (await old.table('clients').bulkAdd(V1_CLIENTS, { allKeys: true })) as number[];
    await old.table('notThem').add({ identityKey: 'facebook:mia.hart.77', clientId: ids[1] });
    await old.table('settings').put({ key: 'practice', value: { practiceName: 'Harbour Therapy', shape: 1 } });
    await old.table('discuss').add({ clientId: ids[0], platform: 'facebook', event: 'declined-request', at: 10 });
    old.close();

    const db = new BoundaryDb(name);
    try {
      expect(await listClients(db)).toHaveLength(3);
      expect(await notThemKeys(db)).toEqual(new Set([`facebook:mia.hart.77|${ids[1]}`]));
      expect((await loadSettings(db)).practiceName).toBe('Harbour Therapy');
      expect((await listDiscuss(db)).map((e) => e.clientName)).toEqual(['Ana Souza']);
    } finally {
      db.close();
    }
  });

  it('an empty version 1 database opens too', async () => {
    const old = new Dexie(name);
    old.version(1).stores(RELEASED_V1);
    await old.open();
    old.close();
    const db = new BoundaryDb(name);
    try {
      expect(await listClients(db)).toEqual([]);
      expect(await notThemKeys(db)).toEqual(new Set());
    } finally {
      db.close();
    }
  });
});

const DAY = 24 * 3600 * 1000;
const NOW = Date.now();

describe('a database from a release before activity and "to discuss" rows were sealed whole', () => {
  it('version 3: "to discuss" entries get their day and keep working (listed, one entry per event)', async () => {
    const old = released(3);
    const ids = (await old.table('clients').bulkAdd(V1_CLIENTS, { allKeys: true })) as number[];
    await old.table('notThemDecisions').add({ identityKey: 'facebook:mia.hart.77', clientId: ids[1] });
    await old.table('discuss').add({ clientId: ids[0], platform: 'facebook', event: 'declined-request', at: NOW - DAY });
    old.close();

    const db = new BoundaryDb(name);
    try {
      expect(db.verno).toBe(LATEST_VERSION);
      expect((await db.discuss.toArray()).map((r) => r.day)).toEqual([dayOf(NOW - DAY)]);
      expect((await listDiscuss(db)).map((e) => [e.clientName, e.event])).toEqual([['Ana Souza', 'declined-request']]);
      await addDiscussEntry(db, { clientId: ids[0]!, platform: 'facebook', event: 'declined-request', at: NOW - DAY + 60_000 });
      expect(await db.discuss.count()).toBe(1);
      expect(await notThemKeys(db)).toEqual(new Set([`facebook:mia.hart.77|${ids[1]}`]));
    } finally {
      db.close();
    }
  });

  it('version 4 without a vault: activity rows get their day, list and prune as before', async () => {
    const old = released(4);
    const ids = (await old.table('clients').bulkAdd(V1_CLIENTS, { allKeys: true })) as number[];
    await old.table('activity').bulkAdd([
      { at: NOW - 400 * DAY, kind: 'declined', place: 'facebook', clientId: ids[0] },
      { at: NOW - DAY, kind: 'guard-confirmed', place: 'linkedin', clientId: ids[1], action: 'connect' },
      { at: NOW, kind: 'welfare-check', place: 'google', clientId: ids[0], note: { reason: 'Worried', lookedAt: 'Google' } },
    ]);
    old.close();

    const db = new BoundaryDb(name);
    try {
      expect((await listActivity(db)).map((e) => [e.kind, e.clientName, e.note?.reason])).toEqual([
        ['welfare-check', 'Ana Souza', 'Worried'],
        ['guard-confirmed', 'Mia Hart', undefined],
        ['declined', 'Ana Souza', undefined],
      ]);
      expect(await pruneActivity(db, NOW)).toBe(1);
      await logActivity(db, { at: NOW, kind: 'declined', place: 'instagram' });
      expect(await db.activity.count()).toBe(3);
    } finally {
      db.close();
    }
  });

  it('version 4 with the vault on: rows still readable after the upgrade are sealed whole at the next unlock', async () => {
    // The vault as version 4 stored it: clients sealed, an activity row readable but for its sealed note.
    const PASS = 'correct horse battery staple';
    const salt = randomBytes(16);
    const { key } = await deriveKey(PASS, salt, 600_000);
    const old = released(4);
    await old.table('vault').put({
      key: 'vault',
      vaultId: 'released-vault',
      salt,
      iterations: 600_000,
      check: await seal(key, 'boundary/vault-check/v1', 'boundary-vault-check'),
      idleMinutes: 30,
      createdAt: 1,
    });
    const { identityKeys: _k, ...ana } = V1_CLIENTS[0]!;
    const anaId = (await old.table('clients').add({ sealed: await seal(key, 'boundary/client/v1', ana) })) as number;
    await old.table('activity').bulkAdd([
      { at: NOW - DAY, kind: 'declined', place: 'facebook', clientId: anaId },
      { at: NOW, kind: 'welfare-check', place: 'bing', clientId: anaId, sealedNote: await seal(key, 'boundary/activity-note/v1', { reason: 'Crisis call', lookedAt: 'Bing', at: NOW }) },
    ]);
    await old.table('discuss').add({ clientId: anaId, platform: 'facebook', event: 'declined-request', at: NOW - DAY });
    old.close();

    const db = new BoundaryDb(name);
    try {
      expect(await vaultStatus(db)).toMatchObject({ state: 'locked' });
      await unlockVault(db, PASS);
      for (const row of [...(await db.activity.toArray()), ...(await db.discuss.toArray())]) expect(Object.keys(row).sort()).toEqual(['day', 'id', 'sealed']);
      expect((await listActivity(db)).map((e) => [e.kind, e.place, e.clientName, e.note?.reason])).toEqual([
        ['welfare-check', 'bing', 'Ana Souza', 'Crisis call'],
        ['declined', 'facebook', 'Ana Souza', undefined],
      ]);
      expect((await listDiscuss(db)).map((e) => [e.clientName, e.event])).toEqual([['Ana Souza', 'declined-request']]);
    } finally {
      db.close();
    }
  }, 30_000);
});

const TEMPLATE = { id: 'custom/k3j9', name: 'Ours', situation: 'conversation', language: 'en', platforms: ['facebook'], body: 'Please call {phone}.', updatedAt: 7 };
const POLICY_V1 = nextVersion(undefined, { choices: { ...DEFAULT_CHOICES }, texts: { en: 'Our policy.', es: 'Nuestra política.' }, generated: { en: 'Our policy.', es: 'Nuestra política.' } }, 1_700_000_000_000);
const POLICY_V2 = nextVersion(POLICY_V1, { choices: { ...DEFAULT_CHOICES, changes: 'session' }, texts: { en: 'Our policy, v2.', es: 'Nuestra política, v2.' }, generated: { en: 'x', es: 'y' } }, 1_710_000_000_000);

/** Writes what a practice using `version` had in every table that version had, as that version wrote it. */
async function seedReleased(version: 1 | 2 | 3 | 4 | 5 | 6): Promise<{ ana: number; mia: number }> {
  const old = released(version);
  const [ana, mia] = (await old.table('clients').bulkAdd(V1_CLIENTS, { allKeys: true })) as number[];
  const decision = { identityKey: 'facebook:mia.hart.77', clientId: mia };
  await old.table(version < 3 ? 'notThem' : 'notThemDecisions').add(decision);
  if (version >= 2) {
    await old.table('settings').put({ key: 'practice', value: { practiceName: 'Harbour Therapy', shape: 1 } });
    await old.table('replyTemplates').put(TEMPLATE);
    await old.table('discuss').add({ clientId: ana, platform: 'facebook', event: 'declined-request', at: NOW - DAY, ...(version >= 5 && { day: dayOf(NOW - DAY) }) });
  }
  if (version >= 3) await old.table('vault').put({ key: 'offer', dismissedAt: 3 });
  if (version >= 4) {
    await old.table('activity').bulkAdd([
      { at: NOW - DAY, kind: 'declined', place: 'facebook', clientId: ana, ...(version >= 5 && { day: dayOf(NOW - DAY) }) },
      { at: NOW, kind: 'guard-confirmed', place: 'linkedin', clientId: mia, action: 'connect', ...(version >= 5 && { day: dayOf(NOW) }) },
    ]);
  }
  // From version 6 the policy's versions have their table.
  if (version >= 6) await old.table('policyVersions').bulkAdd([POLICY_V1, POLICY_V2]);
  old.close();
  // The release with the policy writer kept its versions in storage.local.
  if (version === 5) await fakeBrowser.storage.local.set({ [LEGACY_POLICY_KEY]: { shape: 1, versions: [POLICY_V1, POLICY_V2] } });
  return { ana: ana!, mia: mia! };
}

describe('every released schema upgrades to the newest, keeping everything', () => {
  it.each([1, 2, 3, 4, 5, 6] as const)('version %i', async (version) => {
    const { ana, mia } = await seedReleased(version);
    const db = new BoundaryDb(name);
    try {
      expect(await listClients(db)).toEqual(V1_CLIENTS.map(({ identityKeys: _k, ...c }, i) => ({ ...c, id: [ana, mia][i] ?? expect.any(Number), version: 0 })));
      expect(db.verno).toBe(LATEST_VERSION);
      expect(await notThemKeys(db)).toEqual(new Set([`facebook:mia.hart.77|${mia}`]));
      expect(await vaultStatus(db)).toEqual({ state: 'off', idleMinutes: 30, offerDismissed: version >= 3 });
      expect((await loadSettings(db)).practiceName).toBe(version >= 2 ? 'Harbour Therapy' : '');
      expect((await loadLibrary(db)).templates.some((t) => t.id === TEMPLATE.id && t.body === TEMPLATE.body)).toBe(version >= 2);
      expect((await listDiscuss(db)).map((e) => [e.clientName, e.event])).toEqual(version >= 2 ? [['Ana Souza', 'declined-request']] : []);
      expect((await listActivity(db)).map((e) => [e.kind, e.clientName])).toEqual(
        version >= 4
          ? [
              ['guard-confirmed', 'Mia Hart'],
              ['declined', 'Ana Souza'],
            ]
          : [],
      );
      expect(await loadPolicyVersions(db)).toEqual(version >= 5 ? [POLICY_V1, POLICY_V2] : []);
      expect(await fakeBrowser.storage.local.get(LEGACY_POLICY_KEY)).toEqual({});

      // The list is kept in pages (no index: nothing queries one), and readable rows no longer
      // carry the identity keys only an old index read. Every row is still there.
      expect(db.tables.map((t) => t.name)).not.toContain('clients');
      expect(db.table('clientPages').schema.indexes).toEqual([]);
      const rows = await db.clients.toArray();
      expect(rows.map((row) => 'name' in row && row.name)).toEqual(V1_CLIENTS.map((c) => c.name));
      for (const row of rows) expect(row).not.toHaveProperty('identityKeys');
      // And the richer record is stored and indexed from here on.
      const leo = await addClient(db, { name: 'Leo Souza', aliases: [], status: 'current', identities: empty, relatedTo: ana, relationship: 'parent' });
      await updateClient(db, mia, { ...V1_CLIENTS[1]!, status: 'former', startDate: '2022-03-01', endDate: '2023-06-30', safety: true } as never);
      expect((await db.clients.relatedTo(ana)).map((row) => row.id)).toEqual([leo]);
      expect(leo).toBeGreaterThan(mia);
      expect((await listClients(db)).find((c) => c.id === mia)).toMatchObject({ endDate: '2023-06-30', safety: true, version: 1 });
    } finally {
      db.close();
    }
  });

  it('version 5 with the vault on: sealed clients open, the policy moves in, and new fields are sealed with the rest', async () => {
    const PASS = 'correct horse battery staple';
    const salt = randomBytes(16);
    const { key } = await deriveKey(PASS, salt, 600_000);
    const old = released(5);
    await old.table('vault').put({
      key: 'vault',
      vaultId: 'released-vault',
      salt,
      iterations: 600_000,
      check: await seal(key, 'boundary/vault-check/v1', 'boundary-vault-check'),
      idleMinutes: 30,
      createdAt: 1,
    });
    const { identityKeys: _k, ...ana } = V1_CLIENTS[0]!;
    const anaId = (await old.table('clients').add({ sealed: await seal(key, 'boundary/client/v1', { ...ana, version: 3 }) })) as number;
    old.close();
    await fakeBrowser.storage.local.set({ [LEGACY_POLICY_KEY]: { shape: 1, versions: [POLICY_V1] } });

    const db = new BoundaryDb(name);
    try {
      // The policy names nobody and is not sealed: it moves in while the vault is still locked.
      expect(await vaultStatus(db)).toMatchObject({ state: 'locked' });
      expect(await loadPolicyVersions(db)).toEqual([POLICY_V1]);
      await unlockVault(db, PASS);
      expect(await listClients(db)).toEqual([{ ...ana, id: anaId, version: 3 }]);
      const leo = await addClient(db, { name: 'Leo Souza', aliases: [], status: 'current', identities: empty, relatedTo: anaId, relationship: 'guardian', minor: true });
      expect(Object.keys((await db.clients.get(leo))!).sort()).toEqual(['id', 'sealed']);
      expect((await listClients(db)).find((c) => c.id === leo)).toMatchObject({ relatedTo: anaId, relationship: 'guardian', minor: true });
    } finally {
      db.close();
    }
  }, 30_000);

  it('a version already in the table is never doubled by a second move (two pages opening at once)', async () => {
    await seedReleased(5);
    const [a, b] = [new BoundaryDb(name), new BoundaryDb(name)];
    try {
      await Promise.all([a.open(), b.open()]);
      expect((await loadPolicyVersions(a)).map((v) => v.number)).toEqual([1, 2]);
      expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('version 7: the client list moves into pages', () => {
  it('every row keeps its id and its fields across pages; an id given before, even deleted, is never given again', async () => {
    const old = released(7);
    const rows = Array.from({ length: 600 }, (_, i) => ({ name: `Person ${i}`, aliases: [], status: 'current', identities: empty, createdAt: i, updatedAt: i }));
    const ids = (await old.table('clients').bulkAdd(rows, { allKeys: true })) as number[];
    // Related people and a sealed-looking row move as they are.
    await old.table('clients').update(ids[5]!, { relatedTo: ids[0], relationship: 'parent' });
    const last = (await old.table('clients').add({ name: 'Gone', aliases: [], status: 'current', identities: empty, createdAt: 0, updatedAt: 0 })) as number;
    await old.table('clients').delete(last);
    old.close();

    const db = new BoundaryDb(name);
    try {
      const moved = await db.clients.toArray();
      expect(moved.map((row) => row.id)).toEqual(ids);
      expect(moved.map((row) => 'name' in row && row.name)).toEqual(rows.map((row) => row.name));
      expect(await db.table('clientPages').where('page').aboveOrEqual(0).count()).toBe(Math.ceil((ids.at(-1)! + 1) / PAGE_SIZE));
      expect((await db.clients.relatedTo(ids[0]!)).map((row) => row.id)).toEqual([ids[5]]);
      const added = await addClient(db, { name: 'New', aliases: [], status: 'current', identities: empty });
      expect(added).toBe(last + 1);
      expect((await listClients(db)).length).toBe(601);
    } finally {
      db.close();
    }
  });
});

describe('the schema’s place beneath the stores', () => {
  it('lib/db imports record types from models, and nothing from a store or a page', () => {
    const dir = path.resolve('lib/db');
    for (const file of readdirSync(dir)) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]!);
      for (const from of imports) {
        const allowed = from === 'dexie' || from === 'wxt/browser' || from.startsWith('./') || /^@\/lib\/[a-z-]+\/(model|versions|templates|crypto)$/.test(from);
        expect(allowed, `${file} imports ${from}`).toBe(true);
      }
    }
  });

  it('no store, vault or page imports the old schema module', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const files = ['lib', 'entrypoints', 'components'].flatMap(walk);
    for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain('lib/clients/db');
  });
});
