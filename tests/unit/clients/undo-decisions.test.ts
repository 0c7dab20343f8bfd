import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoundaryDb } from '@/lib/db';
import { emptyIdentities } from '@/lib/clients/model';
import { addClient, forgetNotThem, getClient, linkIdentity, listNotThem, notThemKeys, rememberNotThem, unlinkIdentity } from '@/lib/clients/store';
import { draft } from './draft';

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  db = new BoundaryDb(`undo-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('undoing "this is them" and "not them"', () => {
  it('unlinking takes off only the identity "this is them" saved', async () => {
    const id = await addClient(db, draft('Sam Lee', { identities: { ...emptyIdentities(), instagram: ['sam.lee'] } }));
    await linkIdentity(db, id, 'facebook', 'samlee9');
    expect((await getClient(db, id))!.identities.facebook).toEqual(['samlee9']);
    expect(await unlinkIdentity(db, id, 'facebook', 'samlee9')).toBe(true);
    const after = (await getClient(db, id))!;
    expect(after.identities.facebook).toEqual([]);
    expect(after.identities.instagram).toEqual(['sam.lee']);
    expect(after.name).toBe('Sam Lee');
    // Twice is harmless, and says nothing was there.
    expect(await unlinkIdentity(db, id, 'facebook', 'samlee9')).toBe(false);
    expect(await unlinkIdentity(db, id + 99, 'facebook', 'samlee9')).toBe(false);
  });

  it('forgetting "not them" removes that decision and no other; decisions are listed newest first with their date', async () => {
    const sam = await addClient(db, draft('Sam Lee'));
    const mia = await addClient(db, draft('Mia Hart'));
    await rememberNotThem(db, sam, 'facebook', 'samlee9', 1_000);
    await rememberNotThem(db, sam, 'instagram', 'sam.other', 3_000);
    await rememberNotThem(db, mia, 'facebook', 'samlee9', 2_000);
    expect((await listNotThem(db)).map((d) => [d.identityKey, d.clientId, d.at])).toEqual([
      ['instagram:sam.other', sam, 3_000],
      ['facebook:samlee9', mia, 2_000],
      ['facebook:samlee9', sam, 1_000],
    ]);
    expect(await forgetNotThem(db, sam, 'facebook', 'samlee9')).toBe(true);
    expect(await notThemKeys(db)).toEqual(new Set([`instagram:sam.other|${sam}`, `facebook:samlee9|${mia}`]));
    expect(await forgetNotThem(db, sam, 'facebook', 'samlee9')).toBe(false);
  });
});
