import { identityKey, nameKey } from '@/lib/identity';
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
        const ids = this.byName.get(key);
        if (ids) ids.push(client.id);
        else this.byName.set(key, [client.id]);
      }
    }
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
