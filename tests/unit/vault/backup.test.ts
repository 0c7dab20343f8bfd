import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BoundaryDb } from '@/lib/db';
import { emptyIdentities, type ClientDraft } from '@/lib/clients/model';
import { addClient, listClients, notThemKeys, rememberNotThem } from '@/lib/clients/store';
import { listActivity, logActivity } from '@/lib/activity/store';
import { CLIENT_LIMITS } from '@/lib/clients/limits';
import { addDiscussEntry, listDiscuss } from '@/lib/discuss/store';
import { loadLibrary, deleteTemplate, saveTemplate, setDefaultTemplate } from '@/lib/replies/store';
import { loadSettings, saveSettings } from '@/lib/settings/store';
import { DEFAULT_CHOICES } from '@/lib/practice-policy/choices';
import { loadPolicyVersions, savePolicyVersion } from '@/lib/practice-policy/store';
import type { PolicyDraft } from '@/lib/practice-policy/versions';
import {
  createBackup,
  previewRestore,
  readBackupContents,
  restoreBackup,
  sealBackup,
  validateBackupContents,
  writeBackupContents,
  type BackupContents,
} from '@/lib/vault/backup';
import { deriveKey, randomBytes, seal, sha256, toBase64 } from '@/lib/vault/crypto';
import { enableVault, lockVault, unlockVault } from '@/lib/vault/vault';
import { draft } from '../clients/draft';

const BACKUP_PASS = 'backup passphrase 2026';
const VAULT_PASS = 'correct horse battery staple';

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = new BoundaryDb(`backup-${++n}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

const policyDraft = (en: string, es: string, changes: PolicyDraft['choices']['changes'] = 'writing'): PolicyDraft => ({
  choices: { ...DEFAULT_CHOICES, changes },
  texts: { en, es },
  generated: { en, es },
});

/** A practice with something in every part a backup covers, every field of a client record included. */
async function seedPractice() {
  const ana = await addClient(
    db,
    draft('Ana Souza', { aliases: ['Aninha'], startDate: '2024-01-15', minor: true, identities: { ...emptyIdentities(), facebook: ['100012345678901'], instagram: ['ana.souza_'] } }),
  );
  const mia = await addClient(
    db,
    draft('Mia Hart', { status: 'former', startDate: '2022-03-01', endDate: '2023-06-30', safety: true, identities: { ...emptyIdentities(), linkedin: ['mia-hart-4b2a1c'] } }),
  );
  await addClient(db, draft('Leo Souza', { relatedTo: ana, relationship: 'parent', identities: { ...emptyIdentities(), facebook: ['leosouza51'] } }));
  // A history of two versions: the second records what changed.
  await savePolicyVersion(db, policyDraft('We keep social media apart.', 'Mantenemos las redes sociales aparte.'), 1_700_000_000_000);
  await savePolicyVersion(db, policyDraft('We keep social media apart. Changes: at a session.', 'Mantenemos las redes aparte. Cambios: en sesión.', 'session'), 1_710_000_000_000);
  await rememberNotThem(db, mia, 'facebook', 'mia.hart.77');
  await saveSettings(db, { ...(await loadSettings(db)), practiceName: 'Harbour Therapy', phone: '+44 20 7946 0000', region: 'uk-ie' });
  const custom = await saveTemplate(db, { name: 'Ours', situation: 'conversation', language: 'en', platforms: ['facebook'], body: 'Please call {phone}.' });
  await deleteTemplate(db, 'builtin/en/conversation-short');
  await setDefaultTemplate(db, 'en', 'conversation', 'facebook', custom);
  await addDiscussEntry(db, { clientId: ana, platform: 'facebook', event: 'declined-request', at: 1_700_000_000_000 });
  await logActivity(db, { at: Date.now() - 1000, kind: 'welfare-check', place: 'google', clientId: ana, note: { reason: 'Worried after a missed session', lookedAt: 'Google search' } });
  await logActivity(db, { at: Date.now(), kind: 'guard-cancelled', place: 'linkedin', clientId: mia, action: 'connect' });
  return { ana, mia };
}

/** What the practice sees, through the stores (a record's version aside: a restore moves it on). */
async function visible() {
  return {
    clients: (await listClients(db)).sort((a, b) => a.id - b.id).map(({ version: _v, ...c }) => c),
    activity: await listActivity(db),
    notThem: await notThemKeys(db),
    settings: await loadSettings(db),
    library: await loadLibrary(db),
    discuss: await listDiscuss(db),
    policy: await loadPolicyVersions(db),
  };
}

/** Every row of every table a restore writes, as stored. */
async function rawState() {
  return Promise.all([db.clients, db.notThemDecisions, db.settings, db.replyTemplates, db.discuss, db.activity, db.policyVersions, db.vault].map((t) => t.toArray()));
}

describe('encrypted backup', () => {
  it('holds the whole practice and restores it exactly, replacing what was there', async () => {
    await seedPractice();
    const before = await visible();
    const file = await createBackup(db, BACKUP_PASS);

    const parsed = JSON.parse(file) as Record<string, unknown>;
    expect(parsed).toMatchObject({ format: 'boundary-backup', version: 3, kdf: { name: 'PBKDF2-HMAC-SHA-256', iterations: 600_000 } });
    // The sealed parts are random base64, in which a short word turns up by chance ("Ana" in
    // about one run in forty): the words are looked for in the file without its base64 values,
    // and in the bytes those values decode to, where random bytes hold no word of five or more.
    const sealed = [...file.matchAll(/"(?:iv|data|salt|digest)":"([A-Za-z0-9+/=]*)"/g)].map((m) => m[1]!);
    expect(sealed.join('').length).toBeGreaterThan(1000);
    const unsealed = file.replace(/"(iv|data|salt|digest)":"[A-Za-z0-9+/=]*"/g, '"$1":""');
    const bytes = sealed.map((value) => Buffer.from(value, 'base64').toString('latin1')).join('\n');
    for (const needle of ['Ana', 'Souza', 'Hart', '100012345678901', 'mia.hart.77', 'Harbour', 'Please call', 'Worried', 'welfare', 'parent', 'minor', 'social media']) {
      expect(unsealed).not.toContain(needle);
      if (needle.length >= 5) expect(bytes).not.toContain(needle);
    }

    // Things change after the backup; the restore puts back the backup's state, nothing merged.
    await addClient(db, draft('Someone New'));
    await saveSettings(db, { ...(await loadSettings(db)), practiceName: 'Changed' });
    await db.discuss.clear();
    await db.activity.clear();
    await savePolicyVersion(db, policyDraft('Changed after the backup.', 'Cambiada después.'));

    const result = await restoreBackup(db, file, BACKUP_PASS);
    expect(result).toEqual({ ok: true, counts: { clients: 3, notThem: 1, settings: 2, replyTemplates: 2, discuss: 1, activity: 2, policyVersions: 2 } });
    expect(await visible()).toEqual(before);
    // Every field of the richer records, and the policy's history with what changed, came back.
    const [ana, mia, leo] = before.clients;
    expect(ana).toMatchObject({ startDate: '2024-01-15', minor: true });
    expect(mia).toMatchObject({ status: 'former', startDate: '2022-03-01', endDate: '2023-06-30', safety: true });
    expect(leo).toMatchObject({ relatedTo: ana!.id, relationship: 'parent' });
    expect(before.policy.map((v) => [v.number, v.savedAt, v.changes])).toEqual([
      [1, 1_700_000_000_000, []],
      [2, 1_710_000_000_000, [{ key: 'changes', from: 'writing', to: 'session' }]],
    ]);
    // The next version saved after a restore follows on from the restored history.
    expect((await savePolicyVersion(db, policyDraft('Third.', 'Tercera.'))).map((v) => v.number)).toEqual([1, 2, 3]);
    // Each restored record's version moved past the one stored under its id: a form left open on it is stale.
    for (const client of await listClients(db)) expect(client.version).toBeGreaterThan(1);
    // Ids are kept, so new clients after a restore do not collide with restored ones.
    const id = await addClient(db, draft('After Restore'));
    expect(id).toBeGreaterThan(Math.max(...before.clients.map((c) => c.id)));
  });

  it('each backup has its own salt and IVs', async () => {
    await seedPractice();
    const a = JSON.parse(await createBackup(db, BACKUP_PASS)) as { kdf: { salt: string }; contents: { iv: string } };
    const b = JSON.parse(await createBackup(db, BACKUP_PASS)) as { kdf: { salt: string }; contents: { iv: string } };
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.contents.iv).not.toBe(b.contents.iv);
  });

  it('works with the vault on: read while unlocked, written back sealed; refused while locked', async () => {
    await seedPractice();
    await enableVault(db, VAULT_PASS);
    const before = await visible();
    const file = await createBackup(db, BACKUP_PASS);
    await db.clients.clear();

    expect(await restoreBackup(db, file, BACKUP_PASS)).toMatchObject({ ok: true });
    expect(await visible()).toEqual(before);
    for (const row of await db.clients.toArray()) expect(Object.keys(row).sort()).toEqual(['id', 'sealed']);
    for (const row of await db.notThemDecisions.toArray()) expect(Object.keys(row).sort()).toEqual(['clientId', 'id', 'sealed']);

    await lockVault();
    const state = await rawState();
    const locked = await restoreBackup(db, file, BACKUP_PASS);
    expect(locked).toMatchObject({ ok: false, reason: expect.stringMatching(/locked.*Nothing was changed/) });
    expect(await rawState()).toEqual(state);
    await expect(createBackup(db, BACKUP_PASS)).rejects.toThrow(/locked/);
    await unlockVault(db, VAULT_PASS);
    expect(await visible()).toEqual(before);
  });

  it('asks for a passphrase of some length', async () => {
    await expect(createBackup(db, 'short')).rejects.toThrow(/at least 10/);
  });

  it('a wrong passphrase is refused with a clear message, and nothing changes', async () => {
    await seedPractice();
    const file = await createBackup(db, BACKUP_PASS);
    await addClient(db, draft('Someone New'));
    const state = await rawState();
    expect(await restoreBackup(db, file, 'not the backup passphrase')).toEqual({
      ok: false,
      reason: 'That passphrase does not open this backup. Nothing was changed.',
    });
    expect(await rawState()).toEqual(state);
  });

  it('a file with any one byte flipped is refused as damaged, and nothing changes', async () => {
    await addClient(db, draft('Ana Souza'));
    const file = await createBackup(db, BACKUP_PASS);
    await addClient(db, draft('Someone New'));
    const state = await rawState();
    const bytes = new TextEncoder().encode(file);
    const reasons = new Set<string>();
    for (let i = 0; i < bytes.length; i++) {
      const flipped = bytes.slice();
      flipped[i]! ^= 0x04;
      const result = await restoreBackup(db, new TextDecoder().decode(flipped), BACKUP_PASS);
      expect(result.ok, `byte ${i}`).toBe(false);
      if (!result.ok) reasons.add(result.reason);
    }
    for (const reason of reasons) expect(reason).toMatch(/damaged.*Nothing was changed\.$|not a Boundary backup/);
    expect([...reasons].some((r) => r.startsWith('This file is damaged'))).toBe(true);
    expect(await rawState()).toEqual(state);
  });

  it('a truncated file is refused as damaged or incomplete, and nothing changes', async () => {
    await addClient(db, draft('Ana Souza'));
    const file = await createBackup(db, BACKUP_PASS);
    const state = await rawState();
    for (const length of [0, 1, 20, Math.floor(file.length / 2), file.length - 40, file.length - 2, file.length - 1]) {
      const result = await restoreBackup(db, file.slice(0, length), BACKUP_PASS);
      expect(result.ok, `cut at ${length}`).toBe(false);
      if (length > 20) expect(result).toMatchObject({ reason: expect.stringMatching(/damaged or incomplete.*Nothing was changed/) });
    }
    expect(await rawState()).toEqual(state);
  });

  it('a file from a later version, or a plain template or CSV file, is refused', async () => {
    const state = await rawState();
    expect(await restoreBackup(db, 'name,status\nAna,current\n', BACKUP_PASS)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a Boundary backup/) });
    expect(await restoreBackup(db, '{"format":"boundary-reply-templates","version":1,"templates":[]}', BACKUP_PASS)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a Boundary backup/) });
    expect(await restoreBackup(db, '{"format":"boundary-backup","version":4,"something":"new"}', BACKUP_PASS)).toMatchObject({ ok: false, reason: expect.stringMatching(/newer version/) });
    expect(await rawState()).toEqual(state);
  });

  it('a file that asks for a weak or absurd key derivation is refused before deriving', async () => {
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    for (const iterations of [1000, 599_999, 1e9]) {
      const forged = await forgeEnvelope({ iterations });
      expect(await restoreBackup(db, forged, BACKUP_PASS)).toMatchObject({ ok: false, reason: expect.stringMatching(/unsafe key derivation/) });
    }
    expect(derive).not.toHaveBeenCalled();
  });

  it('contents that open but are not valid are refused whole, with the first problem', async () => {
    await seedPractice();
    const good = await readBackupContents(db);
    await addClient(db, draft('Someone New'));
    const state = await rawState();
    const bad: [string, (c: BackupContents) => unknown][] = [
      ['client 2: no valid name', (c) => ({ ...c, clients: [c.clients[0], { ...c.clients[1], name: '  ' }] })],
      ['client 1: facebook profile', (c) => ({ ...c, clients: [{ ...c.clients[0], identities: { ...c.clients[0]!.identities, facebook: ['https://evil.example/x'] } }, c.clients[1]] })],
      ['"not them" decision 1', (c) => ({ ...c, notThem: [{ identityKey: 'facebook:x', clientId: 999 }] })],
      ['"to discuss" entry 1', (c) => ({ ...c, discuss: [{ ...c.discuss[0], event: 'wrote-something' }] })],
      ['reply template 1', (c) => ({ ...c, replyTemplates: [{ ...c.replyTemplates[0], body: '' }] })],
      ['client 1: status', (c) => ({ ...c, clients: [{ ...c.clients[0], status: 'discharged' }, ...c.clients.slice(1)] })],
      ['client 1: start date', (c) => ({ ...c, clients: [{ ...c.clients[0], startDate: '2024-02-30' }, ...c.clients.slice(1)] })],
      ['client 1: flags', (c) => ({ ...c, clients: [{ ...c.clients[0], minor: 'yes' }, ...c.clients.slice(1)] })],
      ['client 1: only a former client has an end date', (c) => ({ ...c, clients: [{ ...c.clients[0], endDate: '2024-03-01' }, ...c.clients.slice(1)] })],
      ['client 3: relation', (c) => ({ ...c, clients: [...c.clients.slice(0, 2), { ...c.clients[2], relationship: 'neighbour' }] })],
      ['client 3: related to', (c) => ({ ...c, clients: [...c.clients.slice(0, 2), { ...c.clients[2], relatedTo: 999 }] })],
      ['client 3: related to', (c) => ({ ...c, clients: [...c.clients.slice(0, 2), { ...c.clients[2], relatedTo: c.clients[2]!.id }] })],
      ['policy version 2', (c) => ({ ...c, policyVersions: [c.policyVersions[0], { ...c.policyVersions[1], texts: { en: 'Only English' } }] })],
      ['policy version 2', (c) => ({ ...c, policyVersions: [c.policyVersions[0], { ...c.policyVersions[1], number: 1 }] })],
      ['policy version 1', (c) => ({ ...c, policyVersions: [{ ...c.policyVersions[0], script: '<b>' }] })],
      ['not the expected sections', (c) => ({ ...c, extra: 1 })],
    ];
    for (const [problem, spoil] of bad) {
      expect(validateBackupContents(spoil(good))).toEqual({ ok: false, reason: problem });
    }
    // And through the whole path: a file sealed properly around invalid contents.
    const file = await sealBackup(bad[0]![1](good) as BackupContents, BACKUP_PASS);
    expect(await restoreBackup(db, file, BACKUP_PASS)).toEqual({
      ok: false,
      reason: 'This backup’s contents are not valid (client 2: no valid name). Nothing was changed.',
    });
    expect(await rawState()).toEqual(state);
  });

  it('a failure while writing leaves everything as it was', async () => {
    await seedPractice();
    const file = await createBackup(db, BACKUP_PASS);
    await addClient(db, draft('Someone New'));
    const state = await rawState();
    vi.spyOn(db.discuss, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    expect(await restoreBackup(db, file, BACKUP_PASS)).toEqual({
      ok: false,
      reason: 'The backup could not be restored (disk full). Nothing was changed.',
    });
    expect(await rawState()).toEqual(state);
  });
});

/** A well-formed envelope with a correct digest around whatever is asked for. */
async function forgeEnvelope({ iterations = 600_000, data = 'AAAAAAAAAAAAAAAAAAAAAA==' } = {}): Promise<string> {
  const body = {
    format: 'boundary-backup',
    version: 1,
    kdf: { name: 'PBKDF2-HMAC-SHA-256', iterations, salt: toBase64(new Uint8Array(16)) },
    cipher: { name: 'AES-GCM-256' },
    check: { iv: toBase64(new Uint8Array(12)), data: 'AAAAAAAAAAAAAAAAAAAAAA==' },
    contents: { iv: toBase64(new Uint8Array(12)), data },
  };
  const input = JSON.stringify([body.format, body.version, body.kdf.name, body.kdf.iterations, body.kdf.salt, body.cipher.name, body.check.iv, body.check.data, body.contents.iv, body.contents.data]);
  return JSON.stringify({ ...body, digest: toBase64(await sha256(new TextEncoder().encode(input))) });
}

describe('restoring hostile input', () => {
  const json = fc.jsonValue({ maxDepth: 4 });

  it('random bytes, text and JSON: never throws, never writes', async () => {
    await addClient(db, draft('Ana Souza'));
    const state = await rawState();
    const derive = vi.spyOn(crypto.subtle, 'deriveBits');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }).map((b) => new TextDecoder().decode(b)),
          fc.string(),
          json.map((v) => JSON.stringify(v)),
          // Shaped like a backup, with random parts.
          fc.record({ format: fc.constant('boundary-backup'), version: fc.oneof(fc.constant(1), json), kdf: json, cipher: json, check: json, contents: json, digest: fc.string() }).map((v) => JSON.stringify(v)),
        ),
        fc.string(),
        async (text, passphrase) => {
          const result = await restoreBackup(db, text, passphrase);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.reason).toMatch(/Nothing was changed\.$/);
        },
      ),
      { numRuns: 400 },
    );
    // None of that got as far as deriving a key: refused on shape or digest alone.
    expect(derive).not.toHaveBeenCalled();
    expect(await rawState()).toEqual(state);
  });

  it('well-formed envelopes around random ciphertext: refused after the passphrase check, never written', async () => {
    await addClient(db, draft('Ana Souza'));
    const state = await rawState();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 16, maxLength: 200 }), fc.string(), async (data, passphrase) => {
        const result = await restoreBackup(db, await forgeEnvelope({ data: toBase64(data) }), passphrase);
        expect(result).toEqual({ ok: false, reason: 'That passphrase does not open this backup. Nothing was changed.' });
      }),
      { numRuns: 8 },
    );
    expect(await rawState()).toEqual(state);
  });

  it('contents with random parts replaced: either valid and written whole, or refused and nothing written', async () => {
    await seedPractice();
    const good = await readBackupContents(db);
    const sections = ['clients', 'notThem', 'settings', 'replyTemplates', 'discuss', 'policyVersions'] as const;
    const spoiled = fc
      .tuple(fc.constantFrom(...sections), fc.nat(), fc.constantFrom('replace-record', 'replace-field', 'drop-field', 'replace-section'), fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }))
      .map(([section, index, how, field, value]) => {
        const copy = structuredClone(good) as unknown as Record<string, unknown[]>;
        const list = copy[section]!;
        if (how === 'replace-section' || list.length === 0) copy[section] = value as unknown[];
        else {
          const i = index % list.length;
          const record = list[i] as Record<string, unknown>;
          const keys = Object.keys(record);
          const key = keys.includes(field) ? field : keys[index % keys.length]!;
          if (how === 'replace-record') list[i] = value;
          else if (how === 'drop-field') delete record[key];
          else record[key] = value;
        }
        return copy as unknown;
      });
    await fc.assert(
      fc.asyncProperty(spoiled, async (contents) => {
        await db.transaction('rw', [db.clientPages, db.notThemDecisions, db.settings, db.replyTemplates, db.discuss], async () => {
          await Promise.all([db.clients, db.notThemDecisions, db.settings, db.replyTemplates, db.discuss].map((t) => t.clear()));
          await db.clients.add({ id: 999_999, name: 'Marker', aliases: [], status: 'current', identities: emptyIdentities(), createdAt: 0, updatedAt: 0 });
        });
        const before = await rawState();
        const checked = validateBackupContents(contents);
        if (!checked.ok) {
          expect(checked.reason.length).toBeGreaterThan(0);
          expect(await rawState()).toEqual(before);
          return;
        }
        expect(await writeBackupContents(db, checked.contents)).toMatchObject({ ok: true });
        expect((await listClients(db)).map((c) => c.id).sort()).toEqual(checked.contents.clients.map((c) => c.id).sort());
        expect(await db.discuss.count()).toBe(checked.contents.discuss.length);
      }),
      { numRuns: 300 },
    );
  });
});

/** A record exactly at every limit a client record has (lib/clients/limits.ts). */
function atTheLimits(name: string): ClientDraft {
  const { text, aliases, identitiesPerPlatform } = CLIENT_LIMITS;
  const long = (prefix: string) => (prefix + 'x'.repeat(text)).slice(0, text);
  return {
    name: long(name),
    status: 'current',
    aliases: Array.from({ length: aliases }, (_, i) => long(`alias ${i} `)),
    identities: {
      facebook: Array.from({ length: identitiesPerPlatform }, (_, i) => `1000${String(i).padStart(11, '0')}`),
      instagram: Array.from({ length: identitiesPerPlatform }, (_, i) => `insta_${i}`),
      linkedin: Array.from({ length: identitiesPerPlatform }, (_, i) => `person-${i}-ab12`),
    },
  };
}

/** A backup as an earlier Boundary wrote them: format version 1 (no activity log) or 2 (no policy). */
async function olderFile(version: 1 | 2, contents: unknown, passphrase: string): Promise<string> {
  const salt = randomBytes(16);
  const { key } = await deriveKey(passphrase, salt, 600_000);
  const header = { format: 'boundary-backup', version, kdf: { name: 'PBKDF2-HMAC-SHA-256', iterations: 600_000, salt: toBase64(salt) }, cipher: { name: 'AES-GCM-256' } };
  const sealed = async (purpose: string, value: unknown) => {
    const s = await seal(key, purpose, value);
    return { iv: toBase64(s.iv), data: toBase64(s.data) };
  };
  const body = {
    ...header,
    check: await sealed(`boundary-backup/${version}/check`, 'boundary-backup-check'),
    contents: await sealed(`boundary-backup/${version}/contents|PBKDF2-HMAC-SHA-256|600000|${header.kdf.salt}`, contents),
  };
  const input = JSON.stringify([body.format, body.version, body.kdf.name, body.kdf.iterations, body.kdf.salt, body.cipher.name, body.check.iv, body.check.data, body.contents.iv, body.contents.data]);
  return JSON.stringify({ ...body, digest: toBase64(await sha256(new TextEncoder().encode(input))) });
}

describe('every backup restores', () => {
  it('a client at every input limit backs up and restores whole', async () => {
    const id = await addClient(db, atTheLimits('Ana'));
    await logActivity(db, { at: Date.now(), kind: 'profile-linked', place: 'facebook', clientId: id });
    const before = await visible();
    const file = await createBackup(db, BACKUP_PASS);
    await db.clients.clear();
    expect(await restoreBackup(db, file, BACKUP_PASS)).toMatchObject({ ok: true, counts: { clients: 1, activity: 1 } });
    expect(await visible()).toEqual(before);
  });

  it('a record past a limit (stored before the limits existed) stops the backup being made, saying which', async () => {
    await addClient(db, draft('Ana Souza'));
    const now = Date.now();
    await db.clients.add({ name: 'N'.repeat(1200), aliases: [], status: 'current', identities: emptyIdentities(), identityKeys: [], createdAt: now, updatedAt: now } as never);
    await expect(createBackup(db, BACKUP_PASS)).rejects.toThrow(/would not restore \(client 2: the name is longer than 200 characters\)/);
  });

  it('restore refuses a file past the limits however it was made', async () => {
    await addClient(db, draft('Ana Souza'));
    const contents = await readBackupContents(db);
    const tooMany = { ...contents, clients: [{ ...contents.clients[0]!, aliases: Array.from({ length: CLIENT_LIMITS.aliases + 1 }, (_, i) => `a${i}`) }] };
    expect(validateBackupContents(tooMany)).toEqual({ ok: false, reason: 'client 1: more than 30 other names' });
  });

  it('entries about clients no longer on the list are left out of a backup rather than block its restore', async () => {
    const { ana } = await seedPractice();
    // As a database of an earlier version could hold them: rows whose client was deleted another way.
    await db.clients.delete(ana);
    const contents = await readBackupContents(db);
    expect(contents.discuss).toEqual([]);
    expect(contents.activity.map((e) => e.kind)).toEqual(['guard-cancelled']);
    expect(validateBackupContents(contents)).toMatchObject({ ok: true });
  });

  it('a preview says what the file holds and what it replaces, and writes nothing', async () => {
    await seedPractice();
    const file = await createBackup(db, BACKUP_PASS);
    await addClient(db, draft('Someone New'));
    await logActivity(db, { at: Date.now(), kind: 'declined', place: 'facebook' });
    const state = await rawState();
    const preview = await previewRestore(db, file, BACKUP_PASS);
    expect(preview).toMatchObject({
      ok: true,
      holds: { clients: 3, notThem: 1, discuss: 1, activity: 2, replyTemplates: 2, settings: 2, policyVersions: 2 },
      replaces: { clients: 4, notThem: 1, discuss: 1, activity: 3, replyTemplates: 2, settings: 2, policyVersions: 2 },
    });
    if (preview.ok) expect(Math.abs(preview.madeAt - Date.now())).toBeLessThan(60_000);
    expect(await rawState()).toEqual(state);
    expect(await previewRestore(db, file, 'not the backup passphrase')).toMatchObject({ ok: false, reason: expect.stringMatching(/does not open/) });
  });

  /** Clients as releases before the richer records wrote them: no dates, flags or related people. */
  const plainClients = (contents: BackupContents) =>
    contents.clients.filter((c) => c.relatedTo === undefined).map(({ startDate: _s, endDate: _e, minor: _m, safety: _f, ...c }) => c);

  it('a version 1 file (no activity log, no record versions, no policy) still restores, with an empty log', async () => {
    await seedPractice();
    const { activity: _none, policyVersions: _p, ...current } = await readBackupContents(db);
    const v1 = { ...current, clients: plainClients({ ...current } as BackupContents).map(({ version: _v, ...c }) => c) };
    const file = await olderFile(1, v1, BACKUP_PASS);
    expect(await restoreBackup(db, file, BACKUP_PASS)).toMatchObject({ ok: true, counts: { clients: 2, activity: 0, discuss: 1, policyVersions: 0 } });
    expect((await listClients(db)).map((c) => c.name).sort()).toEqual(['Ana Souza', 'Mia Hart']);
    expect(await listActivity(db)).toEqual([]);
    // Restoring replaces everything a backup covers: the policy's versions with none.
    expect(await loadPolicyVersions(db)).toEqual([]);
  });

  it('a version 2 file (no policy, plain records) still restores', async () => {
    await seedPractice();
    const { policyVersions: _p, ...current } = await readBackupContents(db);
    const file = await olderFile(2, { ...current, clients: plainClients(current as BackupContents) }, BACKUP_PASS);
    expect(await restoreBackup(db, file, BACKUP_PASS)).toMatchObject({ ok: true, counts: { clients: 2, activity: 2, policyVersions: 0 } });
    expect((await listClients(db)).map((c) => [c.name, c.minor, c.relatedTo])).toEqual([
      ['Ana Souza', undefined, undefined],
      ['Mia Hart', undefined, undefined],
    ]);
  });

  it('a related person whose client left the list some other way backs up as a person of their own', async () => {
    const { ana } = await seedPractice();
    await db.clients.delete(ana);
    const contents = await readBackupContents(db);
    expect(contents.clients.find((c) => c.name === 'Leo Souza')).not.toHaveProperty('relatedTo');
    expect(validateBackupContents(contents)).toMatchObject({ ok: true });
  });
});
