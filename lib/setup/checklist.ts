import type { PracticeSettings } from '@/lib/settings/practice';
import type { VaultState } from '@/lib/vault/vault';

/**
 * The first-run checklist on the options page's home view. Every item is ticked from the real
 * state of things (the list, the vault, the settings, the toolbar), never from a click on the
 * list itself; the two that are advice rather than need (pinning, a passphrase) can be set aside,
 * and then count as seen to.
 */
export const SETUP_ITEMS = ['pin', 'clients', 'passphrase', 'practice'] as const;
export type SetupItem = (typeof SETUP_ITEMS)[number];
export type SetupState = 'done' | 'skipped' | 'todo';

export interface SetupFacts {
  /** Whether Boundary's icon is on the toolbar; undefined where the browser cannot say. */
  pinned: boolean | undefined;
  /** The clinician said they pinned it (where the browser cannot say) or chose not to. */
  pinSetAside: boolean;
  /** Rows in the client list (readable even while the vault is locked: only how many). */
  clientCount: number;
  vault: VaultState;
  /** The passphrase offer was answered "Not now". */
  vaultOfferDismissed: boolean;
  settings: PracticeSettings;
}

/**
 * Whether the practice is filled in enough for replies to be useful: a name to sign with and at
 * least one private way to reach the practice, which is what every reply points people to.
 */
export function practiceFilledIn(settings: PracticeSettings): boolean {
  const has = (text: string) => text.trim() !== '';
  return has(settings.practiceName) && (has(settings.phone) || has(settings.portalUrl) || has(settings.secureEmail));
}

export function setupStates(facts: SetupFacts): Record<SetupItem, SetupState> {
  return {
    // Where the browser cannot say, the clinician's word that it is pinned is all there is to go on;
    // where it can and says no, their choice to leave it off is a choice, not a pin.
    pin: facts.pinned === true ? 'done' : facts.pinSetAside ? (facts.pinned === undefined ? 'done' : 'skipped') : 'todo',
    clients: facts.clientCount > 0 ? 'done' : 'todo',
    passphrase: facts.vault !== 'off' ? 'done' : facts.vaultOfferDismissed ? 'skipped' : 'todo',
    practice: practiceFilledIn(facts.settings) ? 'done' : 'todo',
  };
}

export function setupComplete(states: Record<SetupItem, SetupState>): boolean {
  return SETUP_ITEMS.every((item) => states[item] !== 'todo');
}
