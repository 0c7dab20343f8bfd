import { foldName, nameKey } from '@/lib/identity/names';
import { PLATFORMS, type Platform } from '@/lib/identity/platform';
import type { Client } from '@/lib/clients/model';

/** What the background knows about a person on a page; never holds anything from the list. */
export interface MatchQuery {
  platform: Platform;
  identities: readonly string[];
  name: string;
}

export type MatchResult =
  | { match: 'exact'; clientIds: [number]; identity: string }
  | { match: 'name'; clientIds: number[]; identity?: string }
  | { match: 'none' };

/** Most people on a page are nobody on the list: one answer for all of them, nothing allocated. */
const NONE: MatchResult = Object.freeze({ match: 'none' });

/** What the index holds for one client, so that taking the client out removes exactly that. */
interface Indexed {
  identities: Record<Platform, readonly string[]>;
  names: readonly string[];
}

const perPlatform = <T>(make: () => T): Record<Platform, T> => ({ facebook: make(), instagram: make(), linkedin: make() });

/**
 * One site's entry of a per-site record, picked by a switch: looking a property up by a name that
 * varies is the slow path in the engine, slower than the map lookup that follows. A platform the
 * record does not know (never from a checked message) gets undefined: nobody is found by profile.
 */
function onSite<T>(bySite: Record<Platform, T>, platform: Platform): T | undefined {
  switch (platform) {
    case 'facebook':
      return bySite.facebook;
    case 'instagram':
      return bySite.instagram;
    case 'linkedin':
      return bySite.linkedin;
    default:
      return undefined;
  }
}

/** Adds `id` to an ascending list of ids, once. */
function insertId(ids: number[], id: number): void {
  let at = ids.length;
  while (at > 0 && ids[at - 1]! > id) at--;
  if (ids[at - 1] !== id) ids.splice(at, 0, id);
}

/** Takes `id` out of the list under `key`; the key goes when its list is empty. Whether it went. */
function removeId<K>(map: Map<K, number[]>, key: K, id: number): boolean {
  const ids = map.get(key);
  if (!ids) return false;
  const at = ids.indexOf(id);
  if (at >= 0) ids.splice(at, 1);
  if (ids.length > 0) return false;
  map.delete(key);
  return true;
}

/** A "not them" pair as the store spells it, `${platform}:${identity}|${clientId}`, read back; null if it is not one. */
function readNotThem(pair: string): { platform: Platform; identity: string; clientId: number } | null {
  const colon = pair.indexOf(':');
  const bar = pair.lastIndexOf('|');
  if (colon < 0 || bar < colon) return null;
  const platform = pair.slice(0, colon) as Platform;
  const clientId = Number(pair.slice(bar + 1));
  if (!PLATFORMS.includes(platform) || !Number.isSafeInteger(clientId)) return null;
  return { platform, identity: pair.slice(colon + 1, bar), clientId };
}

/**
 * The client list folded into hash maps, so a lookup costs the same for ten clients as for ten
 * thousand: per site, identity → client, and name key (names and aliases) → clients. A lookup
 * builds no strings: the maps are keyed by the page's own strings (one map per site, rather than
 * `${platform}:${identity}` keys), and "not them" is a map per site too. The index changes in
 * place (`put`, `remove`, `addNotThem`, `removeNotThem`), so an edit to the list costs that edit,
 * and gives the same index as a build from scratch of the list as it now is.
 *
 * Where two clients hold one identity, the higher id is the match (the later record, as a build
 * from the list in the order the database keeps it always chose); name lists are in id order.
 */
export class Matcher {
  private readonly byIdentity = perPlatform(() => new Map<string, number[]>());
  private readonly byName = new Map<string, number[]>();
  /** Per site, profile → the clients the clinician said it is not. */
  private readonly notThem = perPlatform(() => new Map<string, number[]>());
  private readonly indexed = new Map<number, Indexed>();
  /**
   * The names pages showed, each with its name key and the clients under that key: a tab reports
   * everyone on it again whenever someone new appears, and folding a name is most of what a first
   * lookup costs, so a name seen before costs one lookup here. Keys never change; the clients
   * under one are looked up again once the index has changed since (`generation`). Emptied when full.
   */
  private readonly names = new Map<string, SeenName>();
  /**
   * Per site, the answers for the profiles pages showed, each with the name it came with: a
   * person reported again (every report names everyone on the page) costs one lookup rather than
   * two (their profile, then their name). Good while the index has not changed (`changes`).
   * Emptied when full.
   */
  private readonly recent = perPlatform(() => new Map<string, RecentAnswer>());
  /** Counts every change to the index (clients, names, "not them"), for `recent`. */
  private changes = 0;
  /** Counts changes to the names in the index, so that what `names` remembers of them is known to be current. */
  private generation = 0;
  /** How many name keys have each number of words, so namesIn looks at no longer runs of words than any name has. */
  private readonly keysOfLength: number[] = [];

  constructor(
    clients: readonly Client[] = [],
    /** `${identityKey}|${clientId}` pairs the clinician said are not them. */
    notThem: Iterable<string> = [],
  ) {
    for (const client of clients) this.put(client);
    for (const pair of notThem) this.addNotThem(pair);
  }

  /** Indexes a client, new or changed (what it was indexed under before goes first). */
  put(client: Pick<Client, 'id' | 'name' | 'aliases' | 'identities'>): void {
    if (this.indexed.has(client.id)) this.remove(client.id);
    this.changes++;
    const id = client.id;
    const identities = perPlatform<string[]>(() => []);
    for (const platform of PLATFORMS) {
      const map = this.byIdentity[platform];
      for (const identity of client.identities[platform]) {
        if (identities[platform].includes(identity)) continue;
        identities[platform].push(identity);
        const ids = map.get(identity);
        if (ids) insertId(ids, id);
        else map.set(identity, [id]);
      }
    }
    const names = [...new Set([client.name, ...client.aliases].map(nameKey))].filter(Boolean);
    if (names.length > 0) this.generation++;
    for (const key of names) {
      const ids = this.byName.get(key);
      if (ids) insertId(ids, id);
      else {
        this.byName.set(key, [id]);
        const words = key.split(' ').length;
        this.keysOfLength[words] = (this.keysOfLength[words] ?? 0) + 1;
      }
    }
    this.indexed.set(id, { identities, names });
  }

  /** Takes a client out of the index (their "not them" decisions stay until removed: they are kept apart). */
  remove(id: number): void {
    const held = this.indexed.get(id);
    if (!held) return;
    this.changes++;
    this.indexed.delete(id);
    for (const platform of PLATFORMS) for (const identity of held.identities[platform]) removeId(this.byIdentity[platform], identity, id);
    if (held.names.length > 0) this.generation++;
    for (const key of held.names) {
      if (removeId(this.byName, key, id)) this.keysOfLength[key.split(' ').length]!--;
    }
  }

  /** Whether a client is in the index. */
  has(id: number): boolean {
    return this.indexed.has(id);
  }

  addNotThem(pair: string): void {
    const read = readNotThem(pair);
    if (!read) return;
    this.changes++;
    const map = this.notThem[read.platform];
    const ids = map.get(read.identity);
    if (ids) insertId(ids, read.clientId);
    else map.set(read.identity, [read.clientId]);
  }

  removeNotThem(pair: string): void {
    const read = readNotThem(pair);
    if (!read) return;
    this.changes++;
    removeId(this.notThem[read.platform], read.identity, read.clientId);
  }

  /**
   * Clients whose name or alias appears in free text such as a search query: its words next to
   * each other, in any order ("okoro chidi therapist" names Chidi Okoro). Only names of two words
   * or more: a first name alone turns up in too many searches that are about someone else.
   */
  namesIn(text: string): number[] {
    const longest = this.longestName();
    // Word by word: folding the whole text would read "Okoro, Chidi" therapist as Last, First.
    const words = text.split(/[\s,;]+/).flatMap((word) => foldName(word).split(' ')).filter(Boolean);
    const found = new Set<number>();
    for (let start = 0; start < words.length; start++) {
      for (let length = 2; length <= Math.min(longest, words.length - start); length++) {
        const unique = [...new Set(words.slice(start, start + length))];
        if (unique.length < 2) continue;
        const key = unique.sort().join(' ');
        for (const id of this.byName.get(key) ?? []) found.add(id);
      }
    }
    return [...found];
  }

  get size(): number {
    return this.byIdentity.facebook.size + this.byIdentity.instagram.size + this.byIdentity.linkedin.size + this.byName.size;
  }

  match(query: MatchQuery): MatchResult {
    const { identities } = query;
    // One profile (nearly every card): the answer for it and this name, if nothing changed since.
    const recent = identities.length === 1 ? this.recentOn(query.platform) : undefined;
    if (recent === undefined) return this.lookUp(query);
    const identity = identities[0]!;
    const seen = recent.get(identity);
    if (seen !== undefined && seen.changes === this.changes && seen.name === query.name) return seen.result;
    // Shared by every later lookup of this person: frozen, so no caller can change another's answer.
    const result = frozen(this.lookUp(query));
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(identity, { name: query.name, result, changes: this.changes });
    return result;
  }

  private lookUp(query: MatchQuery): MatchResult {
    const { identities } = query;
    const byIdentity = this.identitiesOn(query.platform);
    if (byIdentity) {
      for (let i = 0; i < identities.length; i++) {
        const ids = byIdentity.get(identities[i]!);
        if (ids !== undefined) return { match: 'exact', clientIds: [ids[ids.length - 1]!], identity: identities[i]! };
      }
    }
    const named = this.clientsNamed(query.name);
    if (named === undefined) return NONE;
    const identity = identities[0];
    if (identity === undefined) return { match: 'name', clientIds: named.slice() };
    const refused = this.notThem[query.platform]?.get(identity);
    const clientIds = refused === undefined ? named.slice() : named.filter((id) => !refused.includes(id));
    if (clientIds.length === 0) return NONE;
    return { match: 'name', clientIds, identity };
  }

  /**
   * Everything the index holds, in a fixed order: two matchers with equal contents answer every
   * query alike. For tests that hold an index changed in place against one built from scratch.
   */
  contents(): { identities: Record<Platform, [string, number[]][]>; names: [string, number[]][]; notThem: Record<Platform, [string, number[]][]>; longestName: number } {
    const sorted = (map: Map<string, number[]>) => [...map].map(([k, ids]): [string, number[]] => [k, [...ids]]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      identities: { facebook: sorted(this.byIdentity.facebook), instagram: sorted(this.byIdentity.instagram), linkedin: sorted(this.byIdentity.linkedin) },
      names: sorted(this.byName),
      notThem: { facebook: sorted(this.notThem.facebook), instagram: sorted(this.notThem.instagram), linkedin: sorted(this.notThem.linkedin) },
      longestName: this.longestName(),
    };
  }

  /** The site's identity map (see onSite); undefined for a platform the maps do not know. */
  private identitiesOn(platform: Platform): Map<string, number[]> | undefined {
    return onSite(this.byIdentity, platform);
  }

  /** The site's answers kept by profile (see onSite). */
  private recentOn(platform: Platform): Map<string, RecentAnswer> | undefined {
    return onSite(this.recent, platform);
  }

  private longestName(): number {
    for (let words = this.keysOfLength.length - 1; words > 0; words--) if (this.keysOfLength[words]) return words;
    return 0;
  }

  /** The clients under a name's key (the index's own list: callers copy it), undefined for none. */
  private clientsNamed(name: string): number[] | undefined {
    const seen = this.names.get(name);
    if (seen !== undefined) {
      if (seen.generation !== this.generation) {
        seen.ids = this.byName.get(seen.key);
        seen.generation = this.generation;
      }
      return seen.ids;
    }
    const key = nameKey(name);
    const ids = this.byName.get(key);
    if (this.names.size >= NAMES_SEEN_MAX) this.names.clear();
    this.names.set(name, { key, ids, generation: this.generation });
    return ids;
  }
}

/** A name a page showed, as `Matcher.names` remembers it. */
interface SeenName {
  key: string;
  ids: number[] | undefined;
  generation: number;
}

const NAMES_SEEN_MAX = 20_000;

/** A profile a page showed, as `Matcher.recent` remembers it. */
interface RecentAnswer {
  name: string;
  result: MatchResult;
  changes: number;
}

/** Per site; more than a day of browsing shows. */
const RECENT_MAX = 20_000;

function frozen(result: MatchResult): MatchResult {
  if (result.match !== 'none') Object.freeze(result.clientIds);
  return Object.freeze(result);
}
