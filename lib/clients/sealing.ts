import { PLATFORMS } from '@/lib/identity/platform';
import { seal, unseal } from '@/lib/vault/crypto';
import type { Cipher } from '@/lib/vault/cipher';
import type { ClientRow, NotThemRow, StoredClient } from '@/lib/db';
import { isIsoDate } from './dates';
import { versionOf, type Client } from './model';
import { extrasOf, identityKeysOf, isClientStatus, isRelationship } from './record';

export { identityKeysOf };

/**
 * Rows as the database holds them, to and from what the stores work with. Without a vault a row
 * is the record itself; with one, everything but the row's id (and, for "not them", the client's
 * id) is sealed. Each kind of row is sealed under its own purpose string, authenticated with it.
 */
const CLIENT_PURPOSE = 'boundary/client/v1';
const NOT_THEM_PURPOSE = 'boundary/not-them/v1';

export class DamagedRowError extends Error {
  constructor(what: string) {
    super(`A stored ${what} could not be read: it is damaged or was sealed with another key`);
    this.name = 'DamagedRowError';
  }
}

type ClientRecord = Omit<Client, 'id'>;

function isClientRecord(value: unknown): value is ClientRecord {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  const ids = v.identities as Record<string, unknown> | undefined;
  return (
    typeof v.name === 'string' &&
    strings(v.aliases) &&
    isClientStatus(v.status) &&
    typeof ids === 'object' &&
    ids !== null &&
    PLATFORMS.every((p) => strings(ids[p])) &&
    typeof v.createdAt === 'number' &&
    typeof v.updatedAt === 'number' &&
    (v.version === undefined || Number.isSafeInteger(v.version)) &&
    extrasAreValid(v)
  );
}

/** The optional fields, each absent or of its kind; a relation has both its parts or neither. */
function extrasAreValid(v: Record<string, unknown>): boolean {
  return (
    (v.startDate === undefined || isIsoDate(v.startDate)) &&
    (v.endDate === undefined || isIsoDate(v.endDate)) &&
    (v.minor === undefined || v.minor === true) &&
    (v.safety === undefined || v.safety === true) &&
    (v.relatedTo === undefined) === (v.relationship === undefined) &&
    (v.relatedTo === undefined || (Number.isSafeInteger(v.relatedTo) && (v.relatedTo as number) > 0)) &&
    (v.relationship === undefined || isRelationship(v.relationship))
  );
}

function recordOf(client: StoredClient): ClientRecord {
  return {
    name: client.name,
    aliases: client.aliases,
    status: client.status,
    identities: client.identities,
    ...extrasOf(client),
    createdAt: client.createdAt,
    updatedAt: client.updatedAt,
    version: client.version,
  };
}

export async function encodeClients(cipher: Cipher, clients: readonly StoredClient[]): Promise<ClientRow[]> {
  // A readable row is the record without its identity keys (worked out again as it is read).
  if (!cipher.sealed) return clients.map(({ identityKeys: _keys, ...row }) => row);
  return Promise.all(
    clients.map(async (client) => {
      const sealed = await seal(cipher.key, CLIENT_PURPOSE, recordOf(client));
      return client.id === undefined ? { sealed } : { id: client.id, sealed };
    }),
  );
}

export async function decodeClients(cipher: Cipher, rows: readonly ClientRow[]): Promise<StoredClient[]> {
  return Promise.all(
    rows.map(async (row): Promise<StoredClient> => {
      // Records written before versions existed have none: version 0.
      if (!('sealed' in row)) return { ...row, version: versionOf(row), identityKeys: identityKeysOf(row.identities) };
      if (!cipher.sealed) throw new DamagedRowError('client');
      let record: unknown;
      try {
        record = await unseal(cipher.key, CLIENT_PURPOSE, row.sealed);
      } catch {
        throw new DamagedRowError('client');
      }
      if (!isClientRecord(record) || row.id === undefined) throw new DamagedRowError('client');
      return { ...record, version: versionOf(record), id: row.id, identityKeys: identityKeysOf(record.identities) };
    }),
  );
}

export interface NotThemDecision {
  id?: number;
  identityKey: string;
  clientId: number;
  /** When the clinician decided (ms); absent on decisions made before it was kept, or restored from a backup. */
  at?: number;
}

export async function encodeNotThem(cipher: Cipher, decisions: readonly NotThemDecision[]): Promise<NotThemRow[]> {
  return Promise.all(
    decisions.map(async ({ id, identityKey: key, clientId, at }): Promise<NotThemRow> => {
      const base = id === undefined ? { clientId } : { id, clientId };
      const when = at === undefined ? {} : { at };
      // The client's id is sealed too, so a sealed decision moved to another client fails to open.
      return cipher.sealed
        ? { ...base, sealed: await seal(cipher.key, NOT_THEM_PURPOSE, { identityKey: key, clientId, ...when }) }
        : { ...base, identityKey: key, ...when };
    }),
  );
}

/** A decision's date only when it is one: older rows have none. */
const dated = (at: unknown) => (typeof at === 'number' && Number.isFinite(at) ? { at } : {});

export async function decodeNotThem(cipher: Cipher, rows: readonly NotThemRow[]): Promise<NotThemDecision[]> {
  return Promise.all(
    rows.map(async (row): Promise<NotThemDecision> => {
      const id = row.id === undefined ? {} : { id: row.id };
      if (!('sealed' in row)) return { ...id, identityKey: row.identityKey, clientId: row.clientId, ...dated(row.at) };
      if (!cipher.sealed) throw new DamagedRowError('"not them" decision');
      let payload: unknown;
      try {
        payload = await unseal(cipher.key, NOT_THEM_PURPOSE, row.sealed);
      } catch {
        throw new DamagedRowError('"not them" decision');
      }
      const { identityKey: key, clientId, at } = (payload ?? {}) as Partial<NotThemDecision>;
      if (typeof key !== 'string' || clientId !== row.clientId) throw new DamagedRowError('"not them" decision');
      return { ...id, identityKey: key, clientId, ...dated(at) };
    }),
  );
}
