import { t, type MessageKey } from '@/lib/i18n/t';
import type { GuardedAction } from '@/lib/sites/types';

/**
 * The guard's words, in the browser's language (content scripts read the extension's own
 * catalogue). They name the policy, never the person: the content script knows no names.
 */
export function guardTexts(action: GuardedAction): { title: string; policy: string; logged: string; back: string; proceed: string } {
  return {
    title: t('guard_title'),
    policy: t(action === 'message' ? 'guard_policy_message' : 'guard_policy_contact'),
    logged: t('guard_logged'),
    back: t('guard_back'),
    proceed: t(PROCEED[action]),
  };
}

const PROCEED: Record<GuardedAction, MessageKey> = {
  follow: 'guard_proceed_follow',
  'add-friend': 'guard_proceed_add_friend',
  connect: 'guard_proceed_connect',
  message: 'guard_proceed_message',
};
