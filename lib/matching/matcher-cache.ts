import { database } from '@/lib/clients/db';
import { listClients, notThemKeys } from '@/lib/clients/store';
import { Matcher } from './matcher';

/**
 * One matcher for the background, built from the database on first use and thrown away when
 * the list changes, so it is rebuilt once rather than on every page report.
 */
let building: Promise<{ matcher: Matcher; listSize: number }> | undefined;

export function currentMatcher(): Promise<{ matcher: Matcher; listSize: number }> {
  building ??= (async () => {
    const db = database();
    const [clients, notThem] = await Promise.all([listClients(db), notThemKeys(db)]);
    return { matcher: new Matcher(clients, notThem), listSize: clients.length };
  })().catch((error: unknown) => {
    building = undefined;
    throw error;
  });
  return building;
}

export function invalidateMatcher(): void {
  building = undefined;
}
