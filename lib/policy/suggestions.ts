import type { Platform } from '@/lib/identity/platform';
import { t } from '@/lib/i18n/t';
import type { CandidateKind } from '@/lib/sites/types';

/** Brand names, the same in every language. */
const SITE: Record<Platform, string> = { facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn' };

/** What the policy suggests for a detection, in one short line the popup shows beside it. */
export function policySuggestion(kind: CandidateKind, platform: Platform): string {
  if (kind === 'request') return t(platform === 'linkedin' ? 'policy_request_ignore' : 'policy_request_delete', SITE[platform]);
  return t('policy_message');
}

export function siteName(platform: Platform): string {
  return SITE[platform];
}
