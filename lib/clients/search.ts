import { foldName, identityKey, parseIdentity } from '@/lib/identity';
import { PLATFORMS } from '@/lib/identity/platform';
import type { Client } from './model';

/**
 * The client list's search. A clinician pastes whatever they have to hand: a name, part of one,
 * an alias, or a profile in any form (an address, @username, a Facebook username with other dots
 * or capitals, a numeric id, a LinkedIn slug). The query is read as an identity on every site by
 * the same parser the form uses (lib/identity), and a record matches when one of its identity
 * keys is what the query reads as, or when its folded name, aliases or identities contain the
 * folded query.
 */

/** What a query is looked for as: folded text, and the identity keys it reads as on each site. */
export interface SearchQuery {
  folded: string;
  keys: Set<string>;
}

export function readQuery(query: string): SearchQuery {
  const text = query.trim();
  const keys = new Set<string>();
  if (text !== '') {
    for (const platform of PLATFORMS) {
      const read = parseIdentity(platform, text);
      if (read.ok) keys.add(identityKey(platform, read.identity));
    }
  }
  return { folded: foldName(text), keys };
}

/** The folded text a record is searched in, worked out once per list rather than on every key press. */
export function searchText(client: Pick<Client, 'name' | 'aliases' | 'identities'>): string {
  return [client.name, ...client.aliases, ...PLATFORMS.flatMap((p) => client.identities[p])].map(foldName).join('\n');
}

export function matchesQuery(client: Pick<Client, 'identities'>, text: string, query: SearchQuery): boolean {
  if (query.folded === '' && query.keys.size === 0) return true;
  if (query.keys.size > 0 && PLATFORMS.some((p) => client.identities[p].some((id) => query.keys.has(identityKey(p, id))))) return true;
  return query.folded !== '' && text.includes(query.folded);
}

/** The clients a query finds, in the order given. */
export function searchClients<C extends Pick<Client, 'name' | 'aliases' | 'identities'>>(clients: readonly C[], query: string): C[] {
  const read = readQuery(query);
  return clients.filter((c) => matchesQuery(c, searchText(c), read));
}
