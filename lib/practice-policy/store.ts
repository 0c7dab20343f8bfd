import type { BoundaryDb } from '@/lib/db';
import { nextVersion, normaliseVersions, sameAsVersion, type PolicyDraft, type PolicyVersion } from './versions';

/**
 * The policy's saved versions, one row each in the database's `policyVersions` table (schema
 * version 6; before it they lived in storage.local and move in as the database opens, see
 * lib/db/upgrades.ts). Not sealed by the vault: a policy names nobody, like the practice's
 * settings and templates. They are part of the encrypted backup (lib/vault/backup.ts).
 */

export async function loadPolicyVersions(db: BoundaryDb): Promise<PolicyVersion[]> {
  // Read back through normaliseVersions, as anything restored or written by an older release is.
  return normaliseVersions(await db.policyVersions.toArray());
}

/** Saves the draft as a new version unless it repeats the last one; returns every version, oldest first. */
export async function savePolicyVersion(db: BoundaryDb, draft: PolicyDraft, now: number = Date.now()): Promise<PolicyVersion[]> {
  // One transaction: two pages saving at once number their versions one after the other.
  return db.transaction('rw', db.policyVersions, async () => {
    const versions = normaliseVersions(await db.policyVersions.toArray());
    const last = versions[versions.length - 1];
    if (sameAsVersion(last, draft)) return versions;
    const next = nextVersion(last, draft, now);
    await db.policyVersions.add(next);
    return [...versions, next];
  });
}
