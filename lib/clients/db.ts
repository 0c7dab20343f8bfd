import Dexie, { type Table } from 'dexie';
import type { DiscussEntry } from '@/lib/discuss/model';
import type { StoredTemplate } from '@/lib/replies/library';
import type { Client } from './model';

/** A stored client: the record plus the keys its identities index under (`platform:identity`). */
export interface StoredClient extends Client {
  identityKeys: string[];
}

/** "Not them": this profile was shown as a name-only match for this client and is not them. */
export interface NotThem {
  identityKey: string;
  clientId: number;
}

/** One setting, by key (the practice's details, the chosen default replies). */
export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * The extension's only database. It lives in the extension's own origin: the background and the
 * extension pages open it; content scripts never do (there it would belong to the website).
 * Every schema change is a new numbered version below, never an edit of an old one.
 */
export class BoundaryDb extends Dexie {
  clients!: Table<StoredClient, number>;
  notThem!: Table<NotThem, [string, number]>;
  settings!: Table<SettingRow, string>;
  replyTemplates!: Table<StoredTemplate, string>;
  discuss!: Table<DiscussEntry, number>;

  constructor(name = 'boundary') {
    super(name);
    this.version(1).stores({
      clients: '++id, *identityKeys',
      notThem: '[identityKey+clientId], clientId',
    });
    // The replies issue: practice settings, the practice's reply templates, and the "to discuss"
    // list. Version 1's tables carry over unchanged.
    this.version(2).stores({
      settings: 'key',
      replyTemplates: 'id',
      discuss: '++id, clientId, at',
    });
  }
}

let shared: BoundaryDb | undefined;
/** The database for this extension context, opened on first use. */
export function database(): BoundaryDb {
  shared ??= new BoundaryDb();
  return shared;
}
