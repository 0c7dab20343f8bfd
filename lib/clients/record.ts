import { identityKey } from '@/lib/identity';
import { PLATFORMS } from '@/lib/identity/platform';
import type { StoredClient } from '@/lib/db';
import { CLIENT_STATUSES, RELATIONSHIPS, type ClientDraft, type ClientStatus, type Identities, type Relationship } from './model';

/**
 * The optional parts of a client record (lib/clients/model.ts): when the status began and the
 * work ended, the minor and safety flags, and for a related person whom they are related to and
 * how. A record holds each only when it says something (a date, a flag that is on, a relation
 * with both its parts), so a record without them is exactly what earlier releases stored.
 */
export type RecordExtras = Pick<ClientDraft, 'startDate' | 'endDate' | 'minor' | 'safety' | 'relatedTo' | 'relationship'>;
export const EXTRA_KEYS = ['startDate', 'endDate', 'minor', 'safety', 'relatedTo', 'relationship'] as const satisfies readonly (keyof RecordExtras)[];

export const isClientStatus = (value: unknown): value is ClientStatus => (CLIENT_STATUSES as readonly unknown[]).includes(value);
export const isRelationship = (value: unknown): value is Relationship => (RELATIONSHIPS as readonly unknown[]).includes(value);

/** The extras a record stores: blank dates, flags that are off and half a relation left out. */
export function extrasOf(draft: RecordExtras): RecordExtras {
  return {
    ...(draft.startDate ? { startDate: draft.startDate } : {}),
    ...(draft.endDate ? { endDate: draft.endDate } : {}),
    ...(draft.minor === true ? { minor: true } : {}),
    ...(draft.safety === true ? { safety: true } : {}),
    // Both or neither: half a relation is refused by the limits rather than stored.
    ...(draft.relatedTo !== undefined ? { relatedTo: draft.relatedTo } : {}),
    ...(draft.relationship !== undefined ? { relationship: draft.relationship } : {}),
  };
}

/** Whether the record is a related person (a parent, guardian, partner, family member or carer of a client). */
export const isRelated = (draft: Pick<ClientDraft, 'relatedTo'>): boolean => draft.relatedTo !== undefined;

/** The keys a record's identities index under: `platform:identity`. */
export function identityKeysOf(identities: Identities): string[] {
  return PLATFORMS.flatMap((platform) => identities[platform].map((id) => identityKey(platform, id)));
}

/** The record to store for a draft written over `base` (or new): its version one past base's. */
export function storedRecord(draft: ClientDraft, base: { id?: number; createdAt: number; version?: number }, now: number): StoredClient {
  return {
    ...(base.id === undefined ? {} : { id: base.id }),
    name: draft.name.trim(),
    aliases: draft.aliases,
    status: draft.status,
    identities: draft.identities,
    ...extrasOf(draft),
    identityKeys: identityKeysOf(draft.identities),
    createdAt: base.createdAt,
    updatedAt: now,
    version: (base.version ?? 0) + 1,
  } as StoredClient;
}
