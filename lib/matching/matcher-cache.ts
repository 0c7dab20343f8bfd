import { database, type BoundaryDb, type ClientRow } from '@/lib/db';
import { onTablesWritten } from '@/lib/db/writes-heard';
import type { Client, Relationship } from '@/lib/clients/model';
import { clientRowsWith, notThemKeysWith, openRows } from '@/lib/clients/store';
import { defaultStatusPolicy, localDay, strangerIds } from '@/lib/policy/status-policy';
import { loadStatusPolicy } from '@/lib/settings/status-policy';
import { currentCipher, VaultLockedError, type Cipher } from '@/lib/vault/cipher';
import { forgetHeldVault, heldCipher } from '@/lib/vault/held-cipher';
import { Matcher } from './matcher';
import { rowPrint } from './row-prints';

export interface MatcherState {
  matcher: Matcher;
  listSize: number;
  /** The passphrase vault is on and locked: nothing is matched until it is unlocked. */
  locked: boolean;
  /** Who is linked to whom and who is flagged, by record id only: what the background needs besides matching. */
  people: PeopleIndex;
}

/** The list's links and flags, ids only (names stay in the records, opened when the popup asks). */
export interface PeopleIndex {
  /** Records with a safety concern: every sighting of them is logged. */
  safety: ReadonlySet<number>;
  /** For each young person, the parents and guardians on the list, shown with them. */
  guardians: ReadonlyMap<number, readonly { id: number; relationship: Relationship }[]>;
}

const NO_PEOPLE: PeopleIndex = { safety: new Set(), guardians: new Map() };
const LOCKED: MatcherState = Object.freeze({ matcher: new Matcher([]), listSize: 0, locked: true, people: NO_PEOPLE });

export function peopleIndex(clients: readonly Pick<Client, 'id' | 'minor' | 'safety' | 'relatedTo' | 'relationship'>[]): PeopleIndex {
  const minors = new Set(clients.filter((c) => c.minor).map((c) => c.id));
  const guardians = new Map<number, { id: number; relationship: Relationship }[]>();
  for (const c of clients) {
    if (c.relatedTo === undefined || !minors.has(c.relatedTo) || (c.relationship !== 'parent' && c.relationship !== 'guardian')) continue;
    guardians.set(c.relatedTo, [...(guardians.get(c.relatedTo) ?? []), { id: c.id, relationship: c.relationship }]);
  }
  return { safety: new Set(clients.filter((c) => c.safety).map((c) => c.id)), guardians };
}

/** What the people index and the status policy read of a record: no names. */
type Subject = Pick<Client, 'id' | 'status' | 'endDate' | 'minor' | 'safety' | 'relatedTo' | 'relationship'>;

/** The matcher as built, and what it was built from, so that the next change applies to it. */
interface Built {
  cipher: Cipher;
  matcher: Matcher;
  /** Each record's row print (row-prints.ts) as last read. */
  prints: Map<number, number>;
  /** Each record's status, dates, flags and relation: what strangers and the people index are worked out from. */
  subjects: Map<number, Subject>;
  strangers: Set<number>;
  notThem: Set<string>;
  state: MatcherState;
}

const subjectOf = ({ id, status, endDate, minor, safety, relatedTo, relationship }: Client): Subject => ({
  id,
  status,
  ...(endDate !== undefined && { endDate }),
  ...(minor !== undefined && { minor }),
  ...(safety !== undefined && { safety }),
  ...(relatedTo !== undefined && { relatedTo }),
  ...(relationship !== undefined && { relationship }),
});

/**
 * One matcher for the background, built from the database on first use. When the list changes
 * it is not built again: the rows are read, those whose print changed are opened, and only
 * those (and records that became or stopped being strangers) are put into or taken out of the
 * index, so an edit to a list of 100,000 costs that edit, not 100,000 records opened and folded.
 * It is built for one cipher (no vault, or one vault's key) and one day: a lock drops it, so
 * opened records do not outlive the key in memory; a new key, or a new day (a former client
 * passes the status policy's cut-off at midnight), builds it again from scratch.
 */
let current: { label: string; stale: boolean; ready: boolean; built: Promise<Built> } | undefined;

/** The matcher as things stand now; asking does not count as the clinician using Boundary. */
export async function currentMatcher(): Promise<MatcherState> {
  const db = database();
  watchList(db);
  let cipher: Cipher;
  try {
    // Asked on every page report: the vault's row and key as held in memory, not read again.
    cipher = await heldCipher(db);
  } catch (error) {
    if (!(error instanceof VaultLockedError)) throw error;
    current = undefined;
    return LOCKED;
  }
  const today = localDay(new Date());
  const label = `${cipher.sealed ? `vault:${cipher.vaultId}` : 'plain'}|${today}`;
  if (current?.label !== label) start(label, build(db, cipher, today));
  else if (current.stale) {
    // Marked fresh before reading: a change while this reads marks it stale again.
    current.stale = false;
    const before = current.built;
    start(label, before.then((built) => refresh(db, built, today), () => build(db, cipher, today)));
  }
  return (await current!.built).state;
}

function start(label: string, built: Promise<Built>): void {
  const entry = { label, stale: false, ready: false, built };
  current = entry;
  built.then(
    () => (entry.ready = true),
    () => {
      if (current === entry) current = undefined;
    },
  );
}

async function readList(db: BoundaryDb, cipher: Cipher) {
  return Promise.all([
    clientRowsWith(db, cipher),
    notThemKeysWith(db, cipher),
    // A policy that cannot be read must not stop matching: Boundary's own defaults stand in.
    loadStatusPolicy(db).catch(() => defaultStatusPolicy()),
  ]);
}

async function build(db: BoundaryDb, cipher: Cipher, today: string): Promise<Built> {
  const [rows, notThem, policy] = await readList(db, cipher);
  const clients = await openRows(cipher, rows);
  // Former clients past the cut-off (and those related to them) are strangers: not matched at all.
  const strangers = strangerIds(clients, policy.strangerAfterYears, today);
  const matcher = new Matcher(strangers.size === 0 ? clients : clients.filter((c) => !strangers.has(c.id)), notThem);
  const prints = new Map(rows.map((row) => [row.id!, rowPrint(row)]));
  const subjects = new Map(clients.map((c) => [c.id, subjectOf(c)]));
  return { cipher, matcher, prints, subjects, strangers, notThem, state: stateOf(matcher, subjects) };
}

/** The list as it reads now, applied to what was built: only changed rows are opened. */
async function refresh(db: BoundaryDb, built: Built, today: string): Promise<Built> {
  const { cipher, matcher } = built;
  const [rows, notThem, policy] = await readList(db, cipher);
  const prints = new Map<number, number>();
  const changedRows: ClientRow[] = [];
  for (const row of rows) {
    const print = rowPrint(row);
    prints.set(row.id!, print);
    if (built.prints.get(row.id!) !== print) changedRows.push(row);
  }
  const opened = new Map((await openRows(cipher, changedRows)).map((c) => [c.id, c]));
  const subjects = new Map(built.subjects);
  const touched = new Set(opened.keys());
  for (const id of built.prints.keys()) {
    if (prints.has(id)) continue;
    subjects.delete(id);
    touched.add(id);
  }
  for (const client of opened.values()) subjects.set(client.id, subjectOf(client));
  const strangers = strangerIds([...subjects.values()], policy.strangerAfterYears, today);
  for (const id of strangers) if (!built.strangers.has(id)) touched.add(id);
  for (const id of built.strangers) if (!strangers.has(id)) touched.add(id);
  // A record that stopped being a stranger without changing itself was not opened above: open it now.
  const reopen = new Set([...touched].filter((id) => subjects.has(id) && !strangers.has(id) && !opened.has(id)));
  if (reopen.size > 0) {
    for (const client of await openRows(cipher, rows.filter((row) => reopen.has(row.id!)))) opened.set(client.id, client);
  }
  // Nothing was changed before this point: until now, reports were matched against the list as it was.
  for (const id of touched) {
    const client = opened.get(id);
    if (client && !strangers.has(id)) matcher.put(client);
    else matcher.remove(id);
  }
  for (const pair of built.notThem) if (!notThem.has(pair)) matcher.removeNotThem(pair);
  for (const pair of notThem) if (!built.notThem.has(pair)) matcher.addNotThem(pair);
  return { cipher, matcher, prints, subjects, strangers, notThem, state: stateOf(matcher, subjects) };
}

function stateOf(matcher: Matcher, subjects: ReadonlyMap<number, Subject>): MatcherState {
  const list = [...subjects.values()];
  return { matcher, listSize: list.length, locked: false, people: peopleIndex(list) };
}

/** Whether the vault is on and locked now (an idle vault locks on this check too). */
export async function vaultLocked(): Promise<boolean> {
  try {
    await currentCipher(database(), { touch: false });
    return false;
  } catch (error) {
    if (error instanceof VaultLockedError) return true;
    throw error;
  }
}

/** The list or the "not them" decisions changed: the next use applies the change to the matcher. */
export function invalidateMatcher(): void {
  if (current) current.stale = true;
}

/** Whether the matcher is there to be asked now, not still being built or brought up to date. */
export function matcherReady(): boolean {
  return current !== undefined && !current.stale && current.ready;
}

/** The tables the matcher is made from: the list, "not them", and the status policy (settings and the written policy's versions). */
const LIST_TABLES = ['clientPages', 'notThemDecisions', 'settings', 'policyVersions'];
const listChangeListeners = new Set<() => void>();
let watching = false;

/**
 * From the matcher's first use, every write to the tables it is made from is heard as it
 * commits, wherever it was made (onTablesWritten, lib/db/writes-heard.ts). The matcher is
 * marked stale and brought up to date at once, not at the next report, so a page opened after an
 * import finds it ready. (The options page's own "the list changed" message came only once it
 * had shown the new list, seconds for 100,000 clients, and never when it was closed first: the
 * background went on matching against the list from before the import.)
 */
function watchList(db: BoundaryDb): void {
  if (watching) return;
  watching = true;
  let queued = false;
  onTablesWritten(db, LIST_TABLES, () => {
    invalidateMatcher();
    // Several writes in one turn (a merge's, a restore's) make one refresh.
    if (queued) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      // Built now even if it never was: the list just changed, so someone is using Boundary. (Locked,
      // nothing is built.) A failure here is the next use's to meet and report.
      currentMatcher().catch(() => undefined);
      for (const listener of listChangeListeners) listener();
    }, 0);
  });
}

/** Calls `listener` after each write to the list commits (see watchList), once the matcher has started to follow it. Returns how to stop. */
export function onListChange(listener: () => void): () => void {
  watchList(database());
  listChangeListeners.add(listener);
  return () => listChangeListeners.delete(listener);
}

/** The vault was locked, unlocked, turned on or off, or re-keyed: the next use builds from scratch. */
export function dropMatcher(): void {
  current = undefined;
  forgetHeldVault(database());
}
