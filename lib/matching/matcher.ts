import { identityKey, nameKey } from '@/lib/identity';
import { foldName } from '@/lib/identity/names';
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

/**
 * The client list folded into two hash maps, so a lookup costs the same for ten clients as for
 * ten thousand: canonical identity → client, and name key (names and aliases) → clients.
 * Rebuilt from scratch whenever the list changes; building is linear and cheap.
 */
export class Matcher {
  private readonly byIdentity = new Map<string, number>();
  private readonly byName = new Map<string, number[]>();
  /**
   * Name keys of the names pages showed: a tab reports everyone on it again whenever someone
   * new appears, and folding a name is most of what a lookup costs. Emptied when full.
   */
  private readonly keys = new Map<string, string>();
  /** The most words in any name key, so namesIn looks at no longer runs of words than that. */
  private longestName = 0;

  constructor(
    clients: readonly Client[],
    /** `${identityKey}|${clientId}` pairs the clinician said are not them. */
    private readonly notThem: ReadonlySet<string> = new Set(),
  ) {
    for (const client of clients) {
      for (const platform of PLATFORMS) {
        for (const identity of client.identities[platform]) {
          this.byIdentity.set(identityKey(platform, identity), client.id);
        }
      }
      for (const key of new Set([client.name, ...client.aliases].map(nameKey))) {
        if (!key) continue;
        this.longestName = Math.max(this.longestName, key.split(' ').length);
        const ids = this.byName.get(key);
        if (ids) ids.push(client.id);
        else this.byName.set(key, [client.id]);
      }
    }
  }

  /**
   * Clients whose name or alias appears in free text such as a search query: its words next to
   * each other, in any order ("okoro chidi therapist" names Chidi Okoro). Only names of two words
   * or more: a first name alone turns up in too many searches that are about someone else.
   */
  namesIn(text: string): number[] {
    // Word by word: folding the whole text would read "Okoro, Chidi" therapist as Last, First.
    const words = text.split(/[\s,;]+/).flatMap((word) => foldName(word).split(' ')).filter(Boolean);
    const found = new Set<number>();
    for (let start = 0; start < words.length; start++) {
      for (let length = 2; length <= Math.min(this.longestName, words.length - start); length++) {
        const unique = [...new Set(words.slice(start, start + length))];
        if (unique.length < 2) continue;
        const key = unique.sort().join(' ');
        for (const id of this.byName.get(key) ?? []) found.add(id);
      }
    }
    return [...found];
  }

  get size(): number {
    return this.byIdentity.size + this.byName.size;
  }

  match(query: MatchQuery): MatchResult {
    for (const identity of query.identities) {
      const id = this.byIdentity.get(identityKey(query.platform, identity));
      if (id !== undefined) return { match: 'exact', clientIds: [id], identity };
    }
    const named = this.byName.get(this.keyOf(query.name));
    if (!named) return { match: 'none' };
    const identity = query.identities[0];
    const clientIds =
      identity === undefined
        ? named
        : named.filter((id) => !this.notThem.has(`${identityKey(query.platform, identity)}|${id}`));
    if (clientIds.length === 0) return { match: 'none' };
    return identity === undefined ? { match: 'name', clientIds } : { match: 'name', clientIds, identity };
  }

  private keyOf(name: string): string {
    let key = this.keys.get(name);
    if (key === undefined) {
      key = nameKey(name);
      if (this.keys.size >= NAME_KEYS_MAX) this.keys.clear();
      this.keys.set(name, key);
    }
    return key;
  }
}

const NAME_KEYS_MAX = 20_000;
