import type { Platform } from '@/lib/identity/platform';
import { t } from '@/lib/i18n/t';
import type { CandidateKind } from '@/lib/sites/types';

/** Brand names, the same in every language. */
const SITE: Record<Platform, string> = { facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn' };

/**
 * What the policy suggests for detections of a kind, in one short line the popup shows once above
 * them. A suggestion also says what it means: the site may be suggesting the clinician to them.
 */
export function policySuggestion(kind: Exclude<CandidateKind, 'profile'>, platform: Platform): string {
  switch (kind) {
    case 'request':
      return t(platform === 'linkedin' ? 'policy_request_ignore' : 'policy_request_delete', SITE[platform]);
    case 'suggestion':
      return t('policy_suggestion', SITE[platform]);
    case 'connection':
      return t('policy_connection', SITE[platform]);
    case 'message':
      return t('policy_message');
    case 'mention':
      return t('policy_mention', SITE[platform]);
  }
}

export function siteName(platform: Platform): string {
  return SITE[platform];
}
