import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { activityWords } from '@/components/activity-words';
import { writeActivityCsv } from '@/lib/activity/csv';
import { listActivity, logActivity } from '@/lib/activity/store';
import { readCsv } from '@/lib/clients/csv';
import { clientsById, addClient, deleteClient } from '@/lib/clients/store';
import { BoundaryDb } from '@/lib/db';
import { detectionClient } from '@/lib/detections/handlers';
import { addDiscussEntry, listDiscuss } from '@/lib/discuss/store';
import { enableVault } from '@/lib/vault/vault';
import { draft } from '../clients/draft';

// Related people are records of their own: the log and the "to discuss" list name them, and say
// whom they are related to (never how); the popup is told the relationship, for the clinician alone.

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = new BoundaryDb(`related-log-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

async function family() {
  const maya = await addClient(db, draft('Maya Lee', { minor: true, startDate: '2024-09-01' }));
  const rosa = await addClient(db, draft('Rosa Diaz', { relatedTo: maya, relationship: 'guardian', safety: true }));
  const mia = await addClient(db, draft('Mia Hart', { status: 'former', endDate: '2023-06-30' }));
  return { maya, rosa, mia };
}

describe('related people in the log and the "to discuss" list', () => {
  for (const vault of [false, true]) {
    it(`are named "related to <client>"${vault ? ', with the vault on' : ''}`, async () => {
      if (vault) await enableVault(db, 'correct horse battery staple');
      const { maya, rosa } = await family();
      const at = Date.UTC(2026, 10, 4, 9, 30);
      // Only the related person's entries: their client is looked up to be named all the same.
      await logActivity(db, { at, kind: 'declined', place: 'facebook', clientId: rosa });
      await addDiscussEntry(db, { clientId: rosa, platform: 'facebook', event: 'declined-request', at });
      const [entry] = await listActivity(db);
      expect(entry).toMatchObject({ clientName: 'Rosa Diaz', relatedToName: 'Maya Lee' });
      expect(await listDiscuss(db)).toMatchObject([{ clientName: 'Rosa Diaz', relatedToName: 'Maya Lee' }]);

      const [, row] = readCsv(writeActivityCsv(await listActivity(db), activityWords).slice(1));
      expect(row!.fields[4]).toBe('Rosa Diaz (related to Maya Lee)');
      expect(row!.fields.join(' ')).not.toContain('guardian');

      // A client's own entries say nothing of the kind; and once the client goes, Rosa is herself alone.
      await logActivity(db, { at: at + 1, kind: 'declined', place: 'facebook', clientId: maya });
      expect((await listActivity(db)).map((e) => [e.clientName, e.relatedToName])).toEqual([
        ['Maya Lee', undefined],
        ['Rosa Diaz', 'Maya Lee'],
      ]);
      await deleteClient(db, maya);
      expect((await listActivity(db)).map((e) => [e.clientName, e.relatedToName])).toEqual([['Rosa Diaz', undefined]]);
    }, 30_000);
  }
});

describe('what the popup is told of a match', () => {
  it('status, end date, flags, and for a related person the client and relationship', async () => {
    const { maya, rosa, mia } = await family();
    const clients = await clientsById(db, [maya, rosa, mia]);
    expect(detectionClient(rosa, clients)).toEqual([
      { id: rosa, name: 'Rosa Diaz', status: 'current', version: 1, safety: true, related: { clientId: maya, name: 'Maya Lee', relationship: 'guardian' } },
    ]);
    expect(detectionClient(maya, clients)).toEqual([{ id: maya, name: 'Maya Lee', status: 'current', version: 1, minor: true }]);
    expect(detectionClient(mia, clients)).toEqual([{ id: mia, name: 'Mia Hart', status: 'former', version: 1, endDate: '2023-06-30' }]);
    expect(detectionClient(999, clients)).toEqual([]);
  });
});
