import type { Platform } from '@/lib/identity/platform';
import type { CandidateKind } from '@/lib/sites/types';

const SITE: Record<Platform, string> = { facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn' };

/** What the policy suggests for a detection, in one short line the popup shows beside it. */
export function policySuggestion(kind: CandidateKind, platform: Platform): string {
  if (kind === 'request') {
    const quiet = platform === 'linkedin' ? 'Ignoring' : 'Deleting';
    return `Your policy: no requests accepted from current or former clients. ${quiet} it is quiet: ${SITE[platform]} does not tell them.`;
  }
  return 'Your policy: messages here are not secure. Reply only to point them to the practice’s secure channels, or raise it at the next session.';
}

export function siteName(platform: Platform): string {
  return SITE[platform];
}
