import type { BoundaryDb } from '@/lib/db';
import { BOUNDARY_DEFAULTS, policyDefaults, type PolicyChoices, type PolicyDefaults } from '@/lib/practice-policy/choices';
import { defaultStatusPolicy, resolveStatusPolicy, type StatusPolicy } from '@/lib/policy/status-policy';
import { loadPolicyVersions } from '@/lib/practice-policy/store';
import { DEFAULT_SETTINGS, type PracticeSettings } from '@/lib/settings/practice';
import { loadStatusChoices } from '@/lib/settings/status-policy';
import { loadSettings } from '@/lib/settings/store';
import { mergeLibrary, type ReplyLibrary } from './library';
import { loadLibrary } from './store';

/** What the popup needs to offer replies: the practice's settings, its reply library and its policy. */
export interface ReplyContext {
  settings: PracticeSettings;
  library: ReplyLibrary;
  /** The choices of the practice's last saved policy, which `{policy_text}` sums up; none before one is saved. */
  policy?: PolicyChoices;
  /** What the popup suggests first, as that policy says (Boundary's own defaults before one is saved). */
  defaults: PolicyDefaults;
  /** What the popup suggests per status, for related people and young people (over the written policy's defaults). */
  status: StatusPolicy;
  /** True when the database could not be read and Boundary's own defaults stand in. */
  fallback: boolean;
}

export async function loadReplyContext(db: BoundaryDb): Promise<ReplyContext> {
  try {
    const [settings, library, versions, chosen] = await Promise.all([loadSettings(db), loadLibrary(db), loadPolicyVersions(db), loadStatusChoices(db)]);
    const policy = versions[versions.length - 1]?.choices;
    return {
      settings,
      library,
      ...(policy && { policy }),
      defaults: policy ? policyDefaults(policy) : BOUNDARY_DEFAULTS,
      status: resolveStatusPolicy(chosen, policy),
      fallback: false,
    };
  } catch {
    // Replies must still be offered: a redirect without the practice's details beats none.
    return { settings: { ...DEFAULT_SETTINGS }, library: mergeLibrary([]), defaults: BOUNDARY_DEFAULTS, status: defaultStatusPolicy(), fallback: true };
  }
}
