import type { BoundaryDb } from '@/lib/db';
import { normaliseStatusChoices, resolveStatusPolicy, type StatusPolicy, type StatusPolicyChoices } from '@/lib/policy/status-policy';
import { loadPolicyVersions } from '@/lib/practice-policy/store';

/**
 * The practice's per-status choices live beside its other settings in the extension's database
 * (never in storage.local, which content scripts can read): what the popup suggests for whom says
 * something about how the practice works with people.
 */
const KEY = 'status-policy';
/** Bumped when the stored shape changes; normaliseStatusChoices reads every earlier shape. */
const SHAPE = 1;

export async function loadStatusChoices(db: BoundaryDb): Promise<StatusPolicyChoices> {
  return normaliseStatusChoices((await db.settings.get(KEY))?.value);
}

export async function saveStatusChoices(db: BoundaryDb, choices: StatusPolicyChoices): Promise<StatusPolicyChoices> {
  const clean = normaliseStatusChoices(choices);
  await db.settings.put({ key: KEY, value: { ...clean, shape: SHAPE } });
  return clean;
}

/** The policy in force: these choices over what the practice's last saved written policy says. */
export async function loadStatusPolicy(db: BoundaryDb): Promise<StatusPolicy> {
  const [choices, versions] = await Promise.all([loadStatusChoices(db), loadPolicyVersions(db)]);
  return resolveStatusPolicy(choices, versions[versions.length - 1]?.choices);
}
