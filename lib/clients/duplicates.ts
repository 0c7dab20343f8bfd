import { nameKey } from '@/lib/identity';
import type { Client } from './model';

/**
 * Possible duplicates: records whose names fold to the same key (case, accents, punctuation,
 * spacing and word order aside; lib/identity/names.ts), the rule the matcher itself uses for
 * names. Two records of one person split the policy between them, so the list flags them and
 * offers a merge; it never merges on its own (two clients may share a name).
 */
export function duplicateGroups<C extends Pick<Client, 'id' | 'name'>>(clients: readonly C[]): Map<string, C[]> {
  const byKey = new Map<string, C[]>();
  for (const client of clients) {
    const key = nameKey(client.name);
    if (key === '') continue;
    const group = byKey.get(key);
    if (group) group.push(client);
    else byKey.set(key, [client]);
  }
  for (const [key, group] of byKey) if (group.length < 2) byKey.delete(key);
  return byKey;
}

/** Each flagged record's id → the other records that share its name. */
export function duplicatesById<C extends Pick<Client, 'id' | 'name'>>(clients: readonly C[]): Map<number, C[]> {
  const out = new Map<number, C[]>();
  for (const group of duplicateGroups(clients).values()) for (const c of group) out.set(c.id, group.filter((o) => o !== c));
  return out;
}

/**
 * duplicatesById in slices of `slice` records with a pause between them, so that folding the
 * names of a list of 100,000 never holds up a key press or a click. Stops when `cancelled` says.
 */
export async function duplicatesByIdInSlices<C extends Pick<Client, 'id' | 'name'>>(
  clients: readonly C[],
  cancelled: () => boolean,
  slice = 5000,
): Promise<Map<number, C[]> | undefined> {
  const keys: string[] = new Array(clients.length);
  for (let i = 0; i < clients.length; i += slice) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (cancelled()) return undefined;
    for (let j = i; j < Math.min(i + slice, clients.length); j++) keys[j] = nameKey(clients[j]!.name);
  }
  const byKey = new Map<string, C[]>();
  clients.forEach((client, i) => {
    const key = keys[i]!;
    if (key === '') return;
    const group = byKey.get(key);
    if (group) group.push(client);
    else byKey.set(key, [client]);
  });
  const out = new Map<number, C[]>();
  for (const group of byKey.values()) if (group.length > 1) for (const c of group) out.set(c.id, group.filter((o) => o !== c));
  return out;
}
