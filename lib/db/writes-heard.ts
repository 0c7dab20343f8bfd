import Dexie from 'dexie';
import type { BoundaryDb } from './index';

/**
 * Calls `heard` after each write to any of `tables` of `db` commits, wherever it was made: Dexie
 * fires its storagemutated event in the context that wrote and, over a BroadcastChannel, in every
 * other context of the extension's origin (the options page writing, the background hearing).
 * What the background keeps in memory from the database (the matcher, the popup's answers, the
 * vault's row) is forgotten through this. Returns how to stop listening.
 */
export function onTablesWritten(db: BoundaryDb, tables: readonly string[], heard: () => void): () => void {
  const prefixes = tables.map((table) => `idb://${db.name}/${table}/`);
  const listener = (parts: Record<string, unknown>) => {
    for (const part of Object.keys(parts)) {
      if (prefixes.some((prefix) => part.startsWith(prefix))) return heard();
    }
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
