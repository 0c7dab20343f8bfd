/**
 * The day a dated row is indexed under: days since 1 January 1970, UTC. It lives here, beneath
 * the stores, because schema version 5's upgrade gives every activity and "to discuss" row its
 * day (lib/db/upgrades.ts), and the stores and the vault index new rows the same way.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
export const dayOf = (at: number): number => Math.floor(at / DAY_MS);
