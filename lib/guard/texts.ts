import type { GuardedAction } from '@/lib/sites/types';

/** The guard's words: they name the policy, never the person (the content script knows no names). */
export function guardTexts(action: GuardedAction): { title: string; policy: string; logged: string; back: string; proceed: string } {
  return {
    title: 'This profile matches your client list',
    policy:
      action === 'message'
        ? 'Your social-media policy: you do not message current or former clients on social media. It is not a secure channel; point them to the practice’s secure channels instead.'
        : 'Your social-media policy: you do not follow, friend or connect with current or former clients, on any site.',
    logged: 'Whichever you choose is noted in Boundary’s activity log, on this device only.',
    back: 'Go back',
    proceed: PROCEED[action],
  };
}

const PROCEED: Record<GuardedAction, string> = {
  follow: 'Follow anyway',
  'add-friend': 'Add friend anyway',
  connect: 'Connect anyway',
  message: 'Message anyway',
};
