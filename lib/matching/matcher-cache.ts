import { database } from '@/lib/db';
import { clientsWith, notThemKeysWith } from '@/lib/clients/store';
import { currentCipher, VaultLockedError, type Cipher } from '@/lib/vault/cipher';
import { Matcher } from './matcher';

export interface MatcherState {
  matcher: Matcher;
  listSize: number;
  /** The passphrase vault is on and locked: nothing is matched until it is unlocked. */
  locked: boolean;
}

const LOCKED: MatcherState = Object.freeze({ matcher: new Matcher([]), listSize: 0, locked: true });

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
  const label = cipher.sealed ? `vault:${cipher.vaultId}` : 'plain';
  if (building?.cipher !== label) {
    const state = (async () => {
      const [clients, notThem] = await Promise.all([clientsWith(db, cipher), notThemKeysWith(db, cipher)]);
      return { matcher: new Matcher(clients, notThem), listSize: clients.length, locked: false };
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
