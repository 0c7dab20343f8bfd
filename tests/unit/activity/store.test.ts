import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { writeActivityCsv, ACTIVITY_CSV_COLUMNS, type ActivityWords } from '@/lib/activity/csv';
import { welfareNoteProblems } from '@/lib/activity/model';
import {
  InvalidActivityError,
  listActivity,
  logActivity,
  pruneActivity,
  retentionDays,
  setRetentionDays,
} from '@/lib/activity/store';
import { BoundaryDb } from '@/lib/db';
import { readCsv } from '@/lib/clients/csv';
import { addClient, deleteClient } from '@/lib/clients/store';
import { disableVault, enableVault, lockVault } from '@/lib/vault/vault';
import { VaultLockedError } from '@/lib/vault/cipher';
import { draft } from '../clients/draft';

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = new BoundaryDb(`activity-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const DAY = 24 * 3600 * 1000;
const NOW = Date.now();
const note = { reason: 'Missed two sessions and sent a worrying email', lookedAt: 'Facebook profile' };

const words: ActivityWords = {
  kind: (k) => `kind:${k}`,
  place: (p) => `place:${p}`,
  action: (a) => `action:${a}`,
  status: (s) => `status:${s}`,
  relatedTo: (name, client) => `${name} (related to ${client})`,
  page: (p) => `page:${p}`,
  removedClient: '(removed)',
};

describe('activity log', () => {
  it('keeps what, where, when and who, newest first, with the client named as the list has it now', async () => {
    const ana = await addClient(db, draft('Ana Souza'));
    const mia = await addClient(db, draft('Mia Hart', { status: 'former' }));
    await logActivity(db, { at: NOW - 2 * DAY, kind: 'declined', place: 'facebook', clientId: ana });
    await logActivity(db, { at: NOW - DAY, kind: 'guard-cancelled', place: 'linkedin', clientId: mia, action: 'connect' });
    await logActivity(db, { at: NOW, kind: 'welfare-check', place: 'google', clientId: ana, note });
    const items = await listActivity(db);
    expect(items.map((i) => [i.kind, i.place, i.clientName, i.clientStatus, i.action ?? null])).toEqual([
      ['welfare-check', 'google', 'Ana Souza', 'current', null],
      ['guard-cancelled', 'linkedin', 'Mia Hart', 'former', 'connect'],
      ['declined', 'facebook', 'Ana Souza', 'current', null],
    ]);
    expect(items[0]!.note).toEqual(note);
  });

  it('filters by client, site, kind and dates', async () => {
    const ana = await addClient(db, draft('Ana Souza'));
    const mia = await addClient(db, draft('Mia Hart'));
    await logActivity(db, { at: NOW - 10 * DAY, kind: 'declined', place: 'facebook', clientId: ana });
    await logActivity(db, { at: NOW - 5 * DAY, kind: 'reply-inserted', place: 'instagram', clientId: mia });
    await logActivity(db, { at: NOW - 1 * DAY, kind: 'declined', place: 'instagram', clientId: ana });
    const kinds = async (filter: Parameters<typeof listActivity>[1]) => (await listActivity(db, filter)).map((i) => `${i.kind}@${i.place}`);
    expect(await kinds({ clientId: ana })).toEqual(['declined@instagram', 'declined@facebook']);
    expect(await kinds({ place: 'instagram' })).toEqual(['declined@instagram', 'reply-inserted@instagram']);
    expect(await kinds({ kind: 'reply-inserted' })).toEqual(['reply-inserted@instagram']);
    expect(await kinds({ from: NOW - 6 * DAY, to: NOW - 2 * DAY })).toEqual(['reply-inserted@instagram']);
    expect(await kinds({ clientId: ana, place: 'facebook', kind: 'declined' })).toEqual(['declined@facebook']);
  });

  it('refuses a welfare check without a reason and stores nothing', async () => {
    const ana = await addClient(db, draft('Ana Souza'));
    expect(welfareNoteProblems({ reason: '  ', lookedAt: '' })).toEqual({ reason: 'required' });
    await expect(logActivity(db, { at: NOW, kind: 'welfare-check', place: 'facebook', clientId: ana, note: { reason: ' \n ', lookedAt: 'x' } })).rejects.toBeInstanceOf(
      InvalidActivityError,
    );
    expect(await db.activity.count()).toBe(0);
  });

  it('prunes entries older than the retention period: a year unless chosen otherwise', async () => {
    expect(await retentionDays(db)).toBe(365);
    await logActivity(db, { at: NOW - 400 * DAY, kind: 'declined', place: 'facebook' });
    await logActivity(db, { at: NOW - 100 * DAY, kind: 'declined', place: 'facebook' });
    // The write of the second already pruned the first.
    expect((await listActivity(db)).map((r) => r.at)).toEqual([NOW - 100 * DAY]);
    expect(await setRetentionDays(db, 90, NOW)).toBe(1);
    expect(await db.activity.count()).toBe(0);
    await logActivity(db, { at: NOW - 10 * DAY, kind: 'declined', place: 'facebook' });
    expect(await pruneActivity(db, NOW + 81 * DAY)).toBe(1);
    await expect(setRetentionDays(db, 12 as never)).rejects.toThrow();
  });

  it('goes with the client when the client is deleted', async () => {
    const ana = await addClient(db, draft('Ana Souza'));
    const mia = await addClient(db, draft('Mia Hart'));
    await logActivity(db, { at: NOW, kind: 'declined', place: 'facebook', clientId: ana });
    await logActivity(db, { at: NOW, kind: 'declined', place: 'facebook', clientId: mia });
    await deleteClient(db, ana);
    expect((await listActivity(db)).map((i) => i.clientName)).toEqual(['Mia Hart']);
  });

  it('seals welfare notes while the vault is on, and opens them again when it is turned off', async () => {
    const ana = await addClient(db, draft('Ana Souza'));
    await logActivity(db, { at: NOW - DAY, kind: 'welfare-check', place: 'facebook', clientId: ana, note });
    await enableVault(db, 'correct horse battery staple');
    await logActivity(db, { at: NOW, kind: 'welfare-check', place: 'bing', clientId: ana, note: { reason: 'Crisis call from family', lookedAt: 'Bing search' } });
    const raw = JSON.stringify(await db.activity.toArray());
    expect(raw).not.toContain('worrying');
    expect(raw).not.toContain('Crisis');
    expect((await listActivity(db)).map((i) => i.note?.reason)).toEqual(['Crisis call from family', note.reason]);
    await lockVault();
    await expect(listActivity(db)).rejects.toBeInstanceOf(VaultLockedError);
    await expect(logActivity(db, { at: NOW, kind: 'welfare-check', place: 'bing', clientId: ana, note })).rejects.toBeInstanceOf(VaultLockedError);
  }, 60_000);

  it('stores notes readable again after the vault is turned off', async () => {
    const ana = await addClient(db, draft('Ana Souza'));
    await enableVault(db, 'correct horse battery staple');
    await logActivity(db, { at: NOW, kind: 'welfare-check', place: 'facebook', clientId: ana, note });
    await disableVault(db);
    expect(JSON.stringify(await db.activity.toArray())).toContain(note.reason);
    expect((await listActivity(db))[0]!.note).toEqual(note);
  }, 60_000);
});

describe('activity CSV', () => {
  it('opens cleanly: BOM, a header, one row per entry, quoting and formula guards', async () => {
    const ana = await addClient(db, draft('Souza, Ana'));
    await logActivity(db, { at: new Date(2026, 10, 3, 9, 5).getTime(), kind: 'guard-confirmed', place: 'linkedin', clientId: ana, action: 'connect' });
    await logActivity(db, {
      at: new Date(2026, 10, 4, 17, 30).getTime(),
      kind: 'welfare-check',
      place: 'google',
      clientId: ana,
      note: { reason: '=HYPERLINK("x") said "goodbye", then silence\nfor days', lookedAt: 'Google search' },
    });
    const csv = writeActivityCsv(await listActivity(db), words);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const records = readCsv(csv.slice(1));
    expect(records.map((r) => r.fields)).toEqual([
      [...ACTIVITY_CSV_COLUMNS],
      ['2026-11-04', '17:30', 'kind:welfare-check', 'place:google', 'Souza, Ana', 'status:current', '', `'=HYPERLINK("x") said "goodbye", then silence\nfor days`, 'Google search', ''],
      ['2026-11-03', '09:05', 'kind:guard-confirmed', 'place:linkedin', 'Souza, Ana', 'status:current', 'action:connect', '', '', ''],
    ]);
  });
});
