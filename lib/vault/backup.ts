import type { BoundaryDb, SettingRow } from '@/lib/db';
import { isIsoDate } from '@/lib/clients/dates';
import { clientLimitProblems } from '@/lib/clients/limits';
import { versionOf, type Client } from '@/lib/clients/model';
import { decodeClients, decodeNotThem, encodeClients, encodeNotThem, identityKeysOf, type NotThemDecision } from '@/lib/clients/sealing';
import { clientsWith } from '@/lib/clients/store';
import { isClientStatus, isRelationship } from '@/lib/clients/record';
import { loadPolicyVersions } from '@/lib/practice-policy/store';
import { normaliseVersions, type PolicyVersion } from '@/lib/practice-policy/versions';
import { readActivityEntry, type ActivityEntry } from '@/lib/activity/model';
import { decodeActivity, encodeActivity } from '@/lib/activity/sealing';
import { readDiscussEntry, type DiscussEntry } from '@/lib/discuss/model';
import { decodeDiscuss, encodeDiscuss } from '@/lib/discuss/store';
import { t } from '@/lib/i18n/t';
import { parseIdentity } from '@/lib/identity/parse';
import { isPlatform, PLATFORMS } from '@/lib/identity/platform';
import type { StoredTemplate } from '@/lib/replies/library';
import { validateTemplate } from '@/lib/replies/templates';
import { confirmCipher, currentCipher, duringTransaction, VaultLockedError } from './cipher';
import {
  deriveKey,
  fromBase64,
  IV_BYTES,
  MAX_PBKDF2_ITERATIONS,
  PBKDF2_ITERATIONS,
  randomBytes,
  SALT_BYTES,
  seal,
  sha256,
  toBase64,
  unseal,
  type Sealed,
} from './crypto';
import { passphraseProblem } from './vault';

/**
 * An encrypted backup: the client list, "not them" decisions, the practice's settings, its reply
 * templates, the "to discuss" list, the activity log and the policy's versions, as one file sealed under a passphrase of
 * its own (the same PBKDF2 and AES-GCM as the vault, with the file's own salt and IV). A backup
 * is checked as it is made with the same checks a restore makes, so every backup restores.
 * Restoring opens and checks everything first (the file's shape, its digest, the passphrase, the
 * decrypted contents), shows what the file holds, and only when asked replaces what is stored,
 * in one transaction; a file refused for any reason changes nothing.
 */
export const BACKUP_FORMAT = 'boundary-backup';
/**
 * Version 2 added the activity log and records' versions; version 3 the policy's versions and
 * the richer client records (statuses, dates, flags, related people). Earlier files still restore.
 */
export const BACKUP_VERSION = 3;
const READABLE_VERSIONS: readonly number[] = [1, 2, 3];
/** A backup far larger than any real list is refused unread. */
export const MAX_BACKUP_CHARS = 64 * 1024 * 1024;
/** How many of each a file may hold; a client record's own limits are lib/clients/limits.ts. */
const LIMITS = { clients: 100_000, notThem: 200_000, settings: 200, templates: 2_000, discuss: 200_000, activity: 500_000, policyVersions: 2_000, text: 1_000 };

const payloadPurpose = (version: number) => `${BACKUP_FORMAT}/${version}/contents`;
const checkPurpose = (version: number) => `${BACKUP_FORMAT}/${version}/check`;
const CHECK_VALUE = 'boundary-backup-check';

/** The file: everything needed to open it, in the clear; the contents sealed. */
interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  kdf: { name: 'PBKDF2-HMAC-SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM-256' };
  /** A known value sealed with the key: tells a wrong passphrase from a damaged file. */
  check: { iv: string; data: string };
  contents: { iv: string; data: string };
  /**
   * SHA-256 of every field above. Not a secret and no protection against a forger (AES-GCM is
   * that); it tells a file damaged in storage or transit apart from a wrong passphrase.
   */
  digest: string;
}

export interface BackupContents {
  exportedAt: number;
  clients: Client[];
  notThem: { identityKey: string; clientId: number }[];
  settings: SettingRow[];
  replyTemplates: StoredTemplate[];
  discuss: (DiscussEntry & { id: number })[];
  /** Absent from version 1 files, which held no activity log. */
  activity: (ActivityEntry & { id: number })[];
  /** Absent from version 1 and 2 files, which held no policy. */
  policyVersions: PolicyVersion[];
}

export interface BackupCounts {
  clients: number;
  notThem: number;
  settings: number;
  replyTemplates: number;
  discuss: number;
  activity: number;
  policyVersions: number;
}

export type RestoreResult = { ok: true; counts: BackupCounts } | { ok: false; reason: string };


function digestInput(file: Omit<BackupFile, 'digest'>): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(
    JSON.stringify([
      file.format,
      file.version,
      file.kdf.name,
      file.kdf.iterations,
      file.kdf.salt,
      file.cipher.name,
      file.check.iv,
      file.check.data,
      file.contents.iv,
      file.contents.data,
    ]),
  );
}

/** Additional data for the contents: the header, so a file with a swapped header fails to open. */
const headerOf = (file: Pick<BackupFile, 'format' | 'version' | 'kdf'>) =>
  `${payloadPurpose(file.version)}|${file.kdf.name}|${file.kdf.iterations}|${file.kdf.salt}`;

const encodeSealed = (sealed: Sealed) => ({ iv: toBase64(sealed.iv), data: toBase64(sealed.data) });

/**
 * Everything a backup holds, read now. Needs the vault unlocked when it is on. Entries about a
 * client no longer on the list are left out: they would name nobody, and restore refuses them.
 */
export async function readBackupContents(db: BoundaryDb): Promise<BackupContents> {
  const cipher = await currentCipher(db);
  const [clients, rows, settings, replyTemplates, policyVersions] = await Promise.all([
    clientsWith(db, cipher),
    db.transaction('r', db.notThemDecisions, db.discuss, db.activity, db.vault, async () => {
      await confirmCipher(db, cipher);
      return { decisions: await db.notThemDecisions.toArray(), discuss: await db.discuss.toArray(), activity: await db.activity.toArray() };
    }),
    db.settings.toArray(),
    db.replyTemplates.toArray(),
    loadPolicyVersions(db),
  ]);
  const present = new Set(clients.map((c) => c.id));
  const notThem = (await decodeNotThem(cipher, rows.decisions)).map(({ identityKey, clientId }) => ({ identityKey, clientId }));
  const discuss = (await decodeDiscuss(cipher, rows.discuss)).filter((e) => present.has(e.clientId));
  const activity = (await decodeActivity(cipher, rows.activity)).filter((e) => e.clientId === undefined || present.has(e.clientId));
  // A relation to someone no longer on the list names nobody: left out, as restore would refuse it.
  const related = (c: Client): Client => {
    if (c.relatedTo === undefined || present.has(c.relatedTo)) return c;
    const { relatedTo: _r, relationship: _k, ...rest } = c;
    return rest;
  };
  return {
    exportedAt: Date.now(),
    clients: clients.map(related),
    notThem,
    settings,
    replyTemplates,
    discuss: discuss.map((e) => ({ id: e.id!, clientId: e.clientId, platform: e.platform, event: e.event, at: e.at })),
    activity: activity.map((e) => ({ ...e, id: e.id! })),
    policyVersions,
  };
}

/** Seals contents under a passphrase into the text of a backup file. */
export async function sealBackup(contents: BackupContents, passphrase: string): Promise<string> {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new Error(problem);
  const salt = randomBytes(SALT_BYTES);
  const { key } = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  const header = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    kdf: { name: 'PBKDF2-HMAC-SHA-256', iterations: PBKDF2_ITERATIONS, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM-256' },
  } as const;
  const body = {
    ...header,
    check: encodeSealed(await seal(key, checkPurpose(BACKUP_VERSION), CHECK_VALUE)),
    contents: encodeSealed(await seal(key, headerOf(header), contents)),
  };
  const file: BackupFile = { ...body, digest: toBase64(await sha256(digestInput(body))) };
  return JSON.stringify(file);
}

/** A backup of everything, checked as a restore will check it first: one that would not restore is not made. */
export async function createBackup(db: BoundaryDb, passphrase: string): Promise<string> {
  const contents = await readBackupContents(db);
  const checked = validateBackupContents(contents);
  if (!checked.ok) throw new Error(t('backup_would_not_restore', checked.reason));
  return sealBackup(contents, passphrase);
}

// --- reading a file ----------------------------------------------------------------------------

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasExactly = (v: Record<string, unknown>, keys: readonly string[]) =>
  Object.keys(v).length === keys.length && keys.every((k) => Object.hasOwn(v, k));
const isText = (v: unknown, max = LIMITS.text): v is string => typeof v === 'string' && v.length <= max;
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isSealedText = (v: unknown, minData: number): v is { iv: string; data: string } =>
  isRecord(v) &&
  hasExactly(v, ['iv', 'data']) &&
  isText(v.iv, 64) &&
  fromBase64(v.iv)?.length === IV_BYTES &&
  isText(v.data, MAX_BACKUP_CHARS) &&
  (fromBase64(v.data)?.length ?? 0) >= minData;

type Parsed = { ok: true; file: BackupFile } | { ok: false; reason: string };

/** The file's outer shape and digest; nothing is decrypted yet. */
async function parseBackupFile(text: string): Promise<Parsed> {
  if (typeof text !== 'string' || text.length === 0) return { ok: false, reason: t('backup_not_backup') };
  if (text.length > MAX_BACKUP_CHARS) return { ok: false, reason: t('backup_too_large') };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A backup cut short still starts as one.
    return { ok: false, reason: t(text.trimStart().startsWith(`{"format":"${BACKUP_FORMAT}"`) ? 'backup_damaged' : 'backup_not_backup') };
  }
  if (!isRecord(value) || value.format !== BACKUP_FORMAT) {
    return { ok: false, reason: t(isRecord(value) && typeof value.digest === 'string' ? 'backup_damaged' : 'backup_not_backup') };
  }
  const { kdf, cipher } = value;
  const shaped =
    hasExactly(value, ['format', 'version', 'kdf', 'cipher', 'check', 'contents', 'digest']) &&
    Number.isSafeInteger(value.version) &&
    isRecord(kdf) &&
    hasExactly(kdf, ['name', 'iterations', 'salt']) &&
    kdf.name === 'PBKDF2-HMAC-SHA-256' &&
    Number.isSafeInteger(kdf.iterations) &&
    isText(kdf.salt, 64) &&
    fromBase64(kdf.salt)?.length === SALT_BYTES &&
    isRecord(cipher) &&
    hasExactly(cipher, ['name']) &&
    cipher.name === 'AES-GCM-256' &&
    isSealedText(value.check, 16) &&
    isSealedText(value.contents, 16) &&
    isText(value.digest, 64);
  const newer = typeof value.version === 'number' && value.version > BACKUP_VERSION;
  if (!shaped) return { ok: false, reason: t(newer ? 'backup_newer_or_damaged' : 'backup_damaged') };
  const file = value as unknown as BackupFile;
  const digest = toBase64(await sha256(digestInput(file)));
  if (digest !== file.digest) return { ok: false, reason: t(newer ? 'backup_newer_or_damaged' : 'backup_damaged') };
  // Intact, yet not a version this one reads: a file from a later Boundary.
  if (!READABLE_VERSIONS.includes(file.version)) return { ok: false, reason: t('backup_newer_or_damaged') };
  if (file.kdf.iterations < PBKDF2_ITERATIONS || file.kdf.iterations > MAX_PBKDF2_ITERATIONS) {
    return { ok: false, reason: t('backup_unsafe_kdf') };
  }
  return { ok: true, file };
}

const decodeSealed = (v: { iv: string; data: string }): Sealed => ({ iv: fromBase64(v.iv)!, data: fromBase64(v.data)! });

/** Opens a backup file with its passphrase; says plainly why when it cannot. */
export async function openBackup(text: string, passphrase: string): Promise<{ ok: true; contents: BackupContents } | { ok: false; reason: string }> {
  const parsed = await parseBackupFile(text);
  if (!parsed.ok) return parsed;
  const { file } = parsed;
  const { key } = await deriveKey(passphrase, fromBase64(file.kdf.salt)!, file.kdf.iterations);
  try {
    if ((await unseal(key, checkPurpose(file.version), decodeSealed(file.check))) !== CHECK_VALUE) return { ok: false, reason: t('backup_wrong_passphrase') };
  } catch {
    return { ok: false, reason: t('backup_wrong_passphrase') };
  }
  let contents: unknown;
  try {
    contents = await unseal(key, headerOf(file), decodeSealed(file.contents));
  } catch {
    return { ok: false, reason: t('backup_damaged') };
  }
  // A version 1 file had no activity log, and no file before version 3 a policy: they restore as empty ones.
  if (file.version === 1 && isRecord(contents) && !Object.hasOwn(contents, 'activity')) contents = { ...contents, activity: [] };
  if (file.version < 3 && isRecord(contents) && !Object.hasOwn(contents, 'policyVersions')) contents = { ...contents, policyVersions: [] };
  const checked = validateBackupContents(contents);
  return checked.ok ? checked : { ok: false, reason: t('backup_invalid_contents', checked.reason) };
}

/** Every record of decrypted contents checked before anything is written; the first problem found. */
export function validateBackupContents(value: unknown): { ok: true; contents: BackupContents } | { ok: false; reason: string } {
  const fail = (reason: string) => ({ ok: false as const, reason });
  if (!isRecord(value) || !hasExactly(value, ['exportedAt', 'clients', 'notThem', 'settings', 'replyTemplates', 'discuss', 'activity', 'policyVersions'])) {
    return fail('not the expected sections');
  }
  const { clients, notThem, settings, replyTemplates, discuss, activity, policyVersions } = value;
  if (!isTime(value.exportedAt)) return fail('no export date');

  if (!Array.isArray(clients) || clients.length > LIMITS.clients) return fail('client list');
  const clientIds = new Set<number>();
  for (const [i, client] of clients.entries()) {
    const problem = clientProblem(client);
    if (problem) return fail(`client ${i + 1}: ${problem}`);
    if (clientIds.has((client as Client).id)) return fail(`client ${i + 1}: the same id twice`);
    clientIds.add((client as Client).id);
  }
  // A related person's client is in the file, is not themselves, and is a client, not a related person.
  const byId = new Map((clients as Client[]).map((c) => [c.id, c] as const));
  for (const [i, client] of (clients as Client[]).entries()) {
    if (client.relatedTo === undefined) continue;
    const target = byId.get(client.relatedTo);
    if (!target || target.id === client.id || target.relatedTo !== undefined) return fail(`client ${i + 1}: related to`);
  }

  if (!Array.isArray(notThem) || notThem.length > LIMITS.notThem) return fail('"not them" decisions');
  for (const [i, d] of notThem.entries()) {
    const ok =
      isRecord(d) &&
      hasExactly(d, ['identityKey', 'clientId']) &&
      isText(d.identityKey) &&
      PLATFORMS.some((p) => (d.identityKey as string).startsWith(`${p}:`)) &&
      clientIds.has(d.clientId as number);
    if (!ok) return fail(`"not them" decision ${i + 1}`);
  }

  if (!Array.isArray(settings) || settings.length > LIMITS.settings) return fail('settings');
  const settingKeys = new Set<string>();
  for (const [i, row] of settings.entries()) {
    if (!isRecord(row) || !hasExactly(row, ['key', 'value']) || !isText(row.key, 64) || !/^[a-z0-9-]+$/.test(row.key) || settingKeys.has(row.key)) {
      return fail(`setting ${i + 1}`);
    }
    settingKeys.add(row.key);
  }

  if (!Array.isArray(replyTemplates) || replyTemplates.length > LIMITS.templates) return fail('reply templates');
  const templateIds = new Set<string>();
  for (const [i, template] of replyTemplates.entries()) {
    if (!isRecord(template) || !isText(template.id, 200) || template.id.length === 0 || templateIds.has(template.id)) return fail(`reply template ${i + 1}`);
    const extra = Object.keys(template).filter((k) => !['id', 'name', 'situation', 'language', 'platforms', 'body', 'deleted', 'updatedAt'].includes(k));
    if (extra.length > 0 || !isTime(template.updatedAt) || (template.deleted !== undefined && typeof template.deleted !== 'boolean')) return fail(`reply template ${i + 1}`);
    const { id: _id, deleted: _d, updatedAt: _u, ...draft } = template;
    if (Object.keys(validateTemplate(draft as never)).length > 0) return fail(`reply template ${i + 1}`);
    templateIds.add(template.id);
  }

  if (!Array.isArray(discuss) || discuss.length > LIMITS.discuss) return fail('"to discuss" list');
  const discussIds = new Set<number>();
  for (const [i, e] of discuss.entries()) {
    const { id, ...rest } = isRecord(e) ? e : {};
    const entry = readDiscussEntry(rest);
    if (!isId(id) || discussIds.has(id) || !entry || !clientIds.has(entry.clientId)) return fail(`"to discuss" entry ${i + 1}`);
    discussIds.add(id);
  }

  if (!Array.isArray(activity) || activity.length > LIMITS.activity) return fail('activity log');
  const activityIds = new Set<number>();
  for (const [i, e] of activity.entries()) {
    const { id, ...rest } = isRecord(e) ? e : {};
    const entry = readActivityEntry(rest);
    if (!isId(id) || activityIds.has(id) || !entry || (entry.clientId !== undefined && !clientIds.has(entry.clientId))) {
      return fail(`activity entry ${i + 1}`);
    }
    activityIds.add(id);
  }

  if (!Array.isArray(policyVersions) || policyVersions.length > LIMITS.policyVersions) return fail('policy versions');
  const numbers = new Set<number>();
  for (const [i, version] of policyVersions.entries()) {
    if (!isPolicyVersion(version) || numbers.has(version.number)) return fail(`policy version ${i + 1}`);
    numbers.add(version.number);
  }
  return { ok: true, contents: value as unknown as BackupContents };
}

/** A policy version exactly as Boundary writes one: reading it back (normaliseVersions) changes nothing. */
function isPolicyVersion(v: unknown): v is PolicyVersion {
  if (!isRecord(v) || !hasExactly(v, ['number', 'savedAt', 'choices', 'texts', 'edited', 'changes', 'textChanged'])) return false;
  if (!isTime(v.savedAt) || !isId(v.number)) return false;
  const [read] = normaliseVersions([v]);
  return read !== undefined && sameValue(read, v);
}

/** Plain data equal field by field, whatever the order of the keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return hasExactly(b, keys) && keys.every((k) => sameValue(a[k], b[k]));
  }
  return Object.is(a, b);
}

/** Every record has these; version 1 files have no record versions, and only richer records the rest. */
const CLIENT_KEYS = ['id', 'name', 'aliases', 'status', 'identities', 'createdAt', 'updatedAt'];
const OPTIONAL_CLIENT_KEYS = ['version', 'startDate', 'endDate', 'minor', 'safety', 'relatedTo', 'relationship'];

function clientProblem(c: unknown): string | undefined {
  if (!isRecord(c) || !CLIENT_KEYS.every((k) => Object.hasOwn(c, k)) || Object.keys(c).some((k) => !CLIENT_KEYS.includes(k) && !OPTIONAL_CLIENT_KEYS.includes(k))) {
    return 'not a client record';
  }
  if (!isId(c.id)) return 'no valid id';
  if (c.version !== undefined && !(Number.isSafeInteger(c.version) && (c.version as number) >= 0)) return 'version';
  // Lengths and counts are the limits' to judge, below, so the reason names the limit.
  if (typeof c.name !== 'string' || c.name.trim() === '' || c.name.trim() !== c.name) return 'no valid name';
  if (!Array.isArray(c.aliases) || !c.aliases.every((a) => typeof a === 'string')) return 'aliases';
  if (!isClientStatus(c.status)) return 'status';
  if (!isTime(c.createdAt) || !isTime(c.updatedAt)) return 'dates';
  // The optional fields only as a record stores them: a date that is a day, a flag that is on.
  if (Object.hasOwn(c, 'startDate') && !isIsoDate(c.startDate)) return 'start date';
  if (Object.hasOwn(c, 'endDate') && !isIsoDate(c.endDate)) return 'end date';
  if ((Object.hasOwn(c, 'minor') && c.minor !== true) || (Object.hasOwn(c, 'safety') && c.safety !== true)) return 'flags';
  if (Object.hasOwn(c, 'relatedTo') !== Object.hasOwn(c, 'relationship') || (Object.hasOwn(c, 'relatedTo') && (!isId(c.relatedTo) || !isRelationship(c.relationship)))) {
    return 'relation';
  }
  const ids = c.identities;
  if (!isRecord(ids) || !hasExactly(ids, PLATFORMS)) return 'profiles';
  for (const platform of PLATFORMS) {
    const list = ids[platform];
    if (!Array.isArray(list)) return `${platform} profiles`;
    for (const identity of list) {
      // Only identities exactly as Boundary itself stores them: anything else was not written by it.
      const read = isText(identity) ? parseIdentity(platform, identity) : undefined;
      if (!read?.ok || read.identity !== identity) return `${platform} profile`;
    }
  }
  // The same limits as every other way in (lib/clients/limits.ts).
  const limits = clientLimitProblems(c as unknown as Client);
  return limits.length > 0 ? limits.join('; ') : undefined;
}

const countsOf = (contents: BackupContents): BackupCounts => ({
  clients: contents.clients.length,
  notThem: contents.notThem.length,
  settings: contents.settings.length,
  replyTemplates: contents.replyTemplates.length,
  discuss: contents.discuss.length,
  activity: contents.activity.length,
  policyVersions: contents.policyVersions.length,
});

/** What is stored now, counted as a backup would count it; needs no key. */
export async function storedCounts(db: BoundaryDb): Promise<BackupCounts> {
  const [clients, notThem, settings, replyTemplates, discuss, activity, policyVersions] = await Promise.all(
    [db.clients, db.notThemDecisions, db.settings, db.replyTemplates, db.discuss, db.activity, db.policyVersions].map((table) => table.count()),
  );
  return {
    clients: clients!,
    notThem: notThem!,
    settings: settings!,
    replyTemplates: replyTemplates!,
    discuss: discuss!,
    activity: activity!,
    policyVersions: policyVersions!,
  };
}

/** A backup opened and checked, not yet written: what it holds and what it would replace. */
export type RestorePreview =
  | { ok: true; contents: BackupContents; madeAt: number; holds: BackupCounts; replaces: BackupCounts }
  | { ok: false; reason: string };

/** Opens and checks a backup file and says what restoring it would do. Writes nothing; never throws. */
export async function previewRestore(db: BoundaryDb, text: string, passphrase: string): Promise<RestorePreview> {
  try {
    const opened = await openBackup(text, passphrase);
    if (!opened.ok) return opened;
    const { contents } = opened;
    return { ok: true, contents, madeAt: contents.exportedAt, holds: countsOf(contents), replaces: await storedCounts(db) };
  } catch (error) {
    return { ok: false, reason: t('backup_restore_failed', error instanceof Error ? error.message : String(error)) };
  }
}

/**
 * Replaces everything a backup covers with its contents, in one transaction. Each restored record
 * gets a version past both the file's and the one stored under its id now, so an edit form left
 * open on the record that was there is never taken for an edit of the restored one.
 */
export async function writeBackupContents(db: BoundaryDb, contents: BackupContents): Promise<RestoreResult> {
  const cipher = await currentCipher(db);
  const decisions: NotThemDecision[] = [...new Map(contents.notThem.map((d) => [`${d.identityKey}|${d.clientId}`, d])).values()];
  // Sealed (when the vault is on) before the transaction: new rows depend on nothing stored.
  const [decisionRows, discussRows, activityRows] = await Promise.all([
    encodeNotThem(cipher, decisions),
    encodeDiscuss(cipher, contents.discuss),
    encodeActivity(cipher, contents.activity),
  ]);
  const tables = [db.clientPages, db.notThemDecisions, db.settings, db.replyTemplates, db.discuss, db.activity, db.policyVersions, db.vault];
  await db.transaction('rw', tables, async () => {
    await confirmCipher(db, cipher);
    const storedNow = await db.clients.toArray();
    const clientRows = await duringTransaction(async () => {
      const versions = new Map((await decodeClients(cipher, storedNow)).map((c) => [c.id, versionOf(c)]));
      return encodeClients(
        cipher,
        contents.clients.map((c) => ({
          ...c,
          version: Math.max(versionOf(c), versions.get(c.id) ?? 0) + 1,
          identityKeys: identityKeysOf(c.identities),
        })),
      );
    });
    // The list's pages through the list itself, which keeps its next id: an id is never given twice.
    await Promise.all([db.clients, ...tables.filter((table) => table !== db.vault && table !== db.clientPages)].map((table) => table.clear()));
    await db.clients.bulkAdd(clientRows);
    await db.notThemDecisions.bulkAdd(decisionRows);
    await db.settings.bulkAdd(contents.settings);
    await db.replyTemplates.bulkAdd(contents.replyTemplates);
    await db.discuss.bulkAdd(discussRows);
    await db.activity.bulkAdd(activityRows);
    await db.policyVersions.bulkAdd(contents.policyVersions);
  });
  return { ok: true, counts: { ...countsOf(contents), notThem: decisionRows.length } };
}

/**
 * Restores a backup file at once: refused whole, with the reason, unless the file is intact, the
 * passphrase opens it and every record in it is valid. Never throws. The options page previews
 * first (previewRestore) and writes only when the clinician confirms.
 */
export async function restoreBackup(db: BoundaryDb, text: string, passphrase: string): Promise<RestoreResult> {
  const preview = await previewRestore(db, text, passphrase);
  return preview.ok ? confirmRestore(db, preview.contents) : preview;
}

/** Writes contents a preview checked; never throws. */
export async function confirmRestore(db: BoundaryDb, contents: BackupContents): Promise<RestoreResult> {
  try {
    return await writeBackupContents(db, contents);
  } catch (error) {
    if (error instanceof VaultLockedError) return { ok: false, reason: t('backup_locked', error.message) };
    return { ok: false, reason: t('backup_restore_failed', error instanceof Error ? error.message : String(error)) };
  }
}
