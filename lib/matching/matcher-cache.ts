import { database } from '@/lib/db';
import type { Client, Relationship } from '@/lib/clients/model';
import { clientsWith, notThemKeysWith } from '@/lib/clients/store';
import { defaultStatusPolicy, localDay, strangerIds } from '@/lib/policy/status-policy';
import { loadStatusPolicy } from '@/lib/settings/status-policy';
import { currentCipher, VaultLockedError, type Cipher } from '@/lib/vault/cipher';
import { Matcher } from './matcher';

export interface MatcherState {
  matcher: Matcher;
  listSize: number;
  /** The passphrase vault is on and locked: nothing is matched until it is unlocked. */
  locked: boolean;
  /** Who is linked to whom and who is flagged, by record id only: what the background needs besides matching. */
  people: PeopleIndex;
}

/** The list's links and flags, ids only (names stay in the records, opened when the popup asks). */
export interface PeopleIndex {
  /** Records with a safety concern: every sighting of them is logged. */
  safety: ReadonlySet<number>;
  /** For each young person, the parents and guardians on the list, shown with them. */
  guardians: ReadonlyMap<number, readonly { id: number; relationship: Relationship }[]>;
}

const NO_PEOPLE: PeopleIndex = { safety: new Set(), guardians: new Map() };
const LOCKED: MatcherState = Object.freeze({ matcher: new Matcher([]), listSize: 0, locked: true, people: NO_PEOPLE });

export function peopleIndex(clients: readonly Client[]): PeopleIndex {
  const minors = new Set(clients.filter((c) => c.minor).map((c) => c.id));
  const guardians = new Map<number, { id: number; relationship: Relationship }[]>();
  for (const c of clients) {
    if (c.relatedTo === undefined || !minors.has(c.relatedTo) || (c.relationship !== 'parent' && c.relationship !== 'guardian')) continue;
    guardians.set(c.relatedTo, [...(guardians.get(c.relatedTo) ?? []), { id: c.id, relationship: c.relationship }]);
  }
  return { safety: new Set(clients.filter((c) => c.safety).map((c) => c.id)), guardians };
}

/**
 * One matcher for the background, built from the database on first use and thrown away when
 * the list changes, so it is rebuilt once rather than on every page report. It is built for one
 * cipher (no vault, or one vault's key): a lock drops it, so opened records do not outlive the
 * key in memory, and a new key builds it again.
 */
let building: { cipher: string; state: Promise<MatcherState> } | undefined;

/** The matcher as things stand now; asking does not count as the clinician using Boundary. */
export async function currentMatcher(): Promise<MatcherState> {
  const db = database();
  let cipher: Cipher;
  try {
    cipher = await currentCipher(db, { touch: false });
  } catch (error) {
    if (!(error instanceof VaultLockedError)) throw error;
    building = undefined;
    return LOCKED;
  }
  // Built for one day too: a former client passes the status policy's cut-off at midnight.
  const today = localDay(new Date());
  const label = `${cipher.sealed ? `vault:${cipher.vaultId}` : 'plain'}|${today}`;
  if (building?.cipher !== label) {
    const state = (async () => {
      const [clients, notThem, policy] = await Promise.all([
        clientsWith(db, cipher),
        notThemKeysWith(db, cipher),
        // A policy that cannot be read must not stop matching: Boundary's own defaults stand in.
        loadStatusPolicy(db).catch(() => defaultStatusPolicy()),
      ]);
      // Former clients past the cut-off (and those related to them) are strangers: not matched at all.
      const strangers = strangerIds(clients, policy.strangerAfterYears, today);
      const matched = strangers.size === 0 ? clients : clients.filter((c) => !strangers.has(c.id));
      return { matcher: new Matcher(matched, notThem), listSize: clients.length, locked: false, people: peopleIndex(clients) };
    })();
    const entry = { cipher: label, state };
    building = entry;
    state.catch(() => {
      if (building === entry) building = undefined;
    });
  }
  return building.state;
}

/** Whether the vault is on and locked now (an idle vault locks on this check too). */
export async function vaultLocked(): Promise<boolean> {
  try {
    await currentCipher(database(), { touch: false });
    return false;
  } catch (error) {
    if (error instanceof VaultLockedError) return true;
    throw error;
  }
}

export function invalidateMatcher(): void {
  building = undefined;
}
