import type { Platform } from '@/lib/identity/platform';

export type ClientStatus = 'current' | 'former';

/** Canonical identities (see lib/identity) per platform. */
export type Identities = Record<Platform, string[]>;

/**
 * What a client record holds: the least that matching needs. Nothing clinical, no contact
 * details, no notes.
 */
export interface ClientDraft {
  name: string;
  aliases: string[];
  status: ClientStatus;
  identities: Identities;
}

export interface Client extends ClientDraft {
  id: number;
  createdAt: number;
  updatedAt: number;
  /**
   * Goes up by one with every write of the record. An edit carries the version it started from,
   * so a save over a record changed meanwhile (another tab, an import, the popup) is noticed.
   * Records stored before versions existed, and records built in memory, have none: version 0.
   */
  version?: number;
}

export const versionOf = (client: Pick<Client, 'version'>): number => client.version ?? 0;

export function emptyIdentities(): Identities {
  return { facebook: [], instagram: [], linkedin: [] };
}
