import { browser } from 'wxt/browser';
import { normaliseVersions, nextVersion, sameAsVersion, type PolicyDraft, type PolicyVersion } from './versions';

/**
 * The policy's versions live in storage.local under one key. They hold no client data (a
 * policy names nobody), which is what makes storage.local, readable by content scripts,
 * acceptable here. They belong in the extension's database, and so in its encrypted backup;
 * they move there once the database's own versioning has settled.
 */
export const POLICY_KEY = 'practicePolicy';
/** Bumped when the stored shape changes; normaliseVersions reads every earlier shape. */
const SHAPE = 1;

export async function loadPolicyVersions(): Promise<PolicyVersion[]> {
  const stored = (await browser.storage.local.get(POLICY_KEY))[POLICY_KEY] as { versions?: unknown } | undefined;
  return normaliseVersions(stored?.versions);
}

/** Saves the draft as a new version unless it repeats the last one; returns every version, oldest first. */
export async function savePolicyVersion(draft: PolicyDraft, now: number = Date.now()): Promise<PolicyVersion[]> {
  const versions = await loadPolicyVersions();
  const last = versions[versions.length - 1];
  if (sameAsVersion(last, draft)) return versions;
  const saved = [...versions, nextVersion(last, draft, now)];
  await browser.storage.local.set({ [POLICY_KEY]: { shape: SHAPE, versions: saved } });
  return saved;
}
