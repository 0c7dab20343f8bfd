/**
 * When the clinician last used Boundary while unlocked; kept apart from the key (./session.ts) so
 * touching it stays cheap. In a file of its own so that the popup, which only ignores its changes,
 * loads none of the vault's code with it.
 */
export const USED_ITEM = 'vault:used';
