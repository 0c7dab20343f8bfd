import type { Platform } from '@/lib/identity/platform';

/**
 * Where a person stands with the practice: has made contact but not been seen (`enquiry`), is on
 * the waiting list, is being seen, or was seen. Each status has its own policy (lib/policy).
 */
export type ClientStatus = 'enquiry' | 'waitlist' | 'current' | 'former';
export const CLIENT_STATUSES: readonly ClientStatus[] = ['enquiry', 'waitlist', 'current', 'former'];

/** How a related person (a record with `relatedTo`) is linked to the client. Never shown in a reply. */
export type Relationship = 'parent' | 'guardian' | 'partner' | 'family' | 'carer';
export const RELATIONSHIPS: readonly Relationship[] = ['parent', 'guardian', 'partner', 'family', 'carer'];

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
  /** The day the current status began, ISO `YYYY-MM-DD`. */
  startDate?: string;
  /** For a former client: the day the work ended, ISO `YYYY-MM-DD`. */
  endDate?: string;
  /** A young person: stricter defaults (always decline, never reply on social media). */
  minor?: boolean;
  /** A safety concern (stalking, harassment): the popup offers the site's Block flow and logs every sighting. */
  safety?: boolean;
  /** For a related person (parent, guardian, partner, family, carer): the client's record id. */
  relatedTo?: number;
  /** For a related person: how they are related to the client in `relatedTo`. */
  relationship?: Relationship;
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
