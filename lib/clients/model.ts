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
}

export function emptyIdentities(): Identities {
  return { facebook: [], instagram: [], linkedin: [] };
}
