import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoundaryDb } from '@/lib/db';
import { emptyIdentities } from '@/lib/clients/model';
import { addClient, deleteClient } from '@/lib/clients/store';
import { describeEvent } from '@/lib/discuss/model';
import { addDiscussEntry, clearAllDiscuss, clearDiscussEntry, clearDiscussForClient, listDiscuss } from '@/lib/discuss/store';

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  db = new BoundaryDb(`discuss-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const client = (name: string) => addClient(db, { name, aliases: [], status: 'current', identities: emptyIdentities() });
const DAY = 24 * 3600 * 1000;

describe('"to discuss" list', () => {
  it('keeps who, where, what and when — nothing else — newest first, with the client’s current name', async () => {
    const ana = await client('Ana Souza');
    const chidi = await client('Chidi Okafor');
    await addDiscussEntry(db, { clientId: ana, platform: 'linkedin', event: 'redirected-message', at: 1 * DAY });
    await addDiscussEntry(db, { clientId: chidi, platform: 'facebook', event: 'declined-request', at: 2 * DAY });
    const stored = await db.discuss.toArray();
    for (const row of stored) expect(Object.keys(row).sort()).toEqual(['at', 'clientId', 'day', 'event', 'id', 'platform']);
    const items = await listDiscuss(db);
    expect(items.map((i) => [i.clientName, i.platform, i.event])).toEqual([
      ['Chidi Okafor', 'facebook', 'declined-request'],
      ['Ana Souza', 'linkedin', 'redirected-message'],
    ]);
  });

  it('a double click adds one entry, not two', async () => {
    const ana = await client('Ana Souza');
    const first = await addDiscussEntry(db, { clientId: ana, platform: 'linkedin', event: 'redirected-message', at: DAY });
    const again = await addDiscussEntry(db, { clientId: ana, platform: 'linkedin', event: 'redirected-message', at: DAY + 1000 });
    expect(again).toBe(first);
    await addDiscussEntry(db, { clientId: ana, platform: 'linkedin', event: 'redirected-message', at: 2 * DAY });
    expect(await db.discuss.count()).toBe(2);
  });

  it('clears one entry, one client’s, or all', async () => {
    const ana = await client('Ana Souza');
    const chidi = await client('Chidi Okafor');
    const one = await addDiscussEntry(db, { clientId: ana, platform: 'linkedin', event: 'redirected-message', at: DAY });
    await addDiscussEntry(db, { clientId: ana, platform: 'facebook', event: 'declined-request', at: DAY });
    await addDiscussEntry(db, { clientId: chidi, platform: 'instagram', event: 'declined-request', at: DAY });
    await clearDiscussEntry(db, one);
    expect(await db.discuss.count()).toBe(2);
    await clearDiscussForClient(db, ana);
    expect((await listDiscuss(db)).map((i) => i.clientName)).toEqual(['Chidi Okafor']);
    await clearAllDiscuss(db);
    expect(await listDiscuss(db)).toEqual([]);
  });

  it('forgets the entries of a client who left the list', async () => {
    const ana = await client('Ana Souza');
    await addDiscussEntry(db, { clientId: ana, platform: 'linkedin', event: 'redirected-message', at: DAY });
    await deleteClient(db, ana);
    expect(await listDiscuss(db)).toEqual([]);
    expect(await db.discuss.count()).toBe(0);
  });

  it('says what happened in the site’s own terms', () => {
    expect(describeEvent('declined-request', 'facebook')).toBe('Declined a friend request on Facebook');
    expect(describeEvent('declined-request', 'instagram')).toBe('Declined a follow request on Instagram');
    expect(describeEvent('declined-request', 'linkedin')).toBe('Declined an invitation to connect on LinkedIn');
    expect(describeEvent('redirected-message', 'instagram')).toBe('Pointed an Instagram message to the secure channels');
  });
});
