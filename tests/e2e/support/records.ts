import type { Page } from '@playwright/test';

/** The fields of a client record beyond what the CSV of the test contract carries (lib/clients/model.ts). */
export interface RecordFields {
  status?: 'enquiry' | 'waitlist' | 'current' | 'former';
  startDate?: string;
  endDate?: string;
  minor?: boolean;
  safety?: boolean;
  /** The client this person is related to, by their name in the list. */
  relatedTo?: string;
  relationship?: 'parent' | 'guardian' | 'partner' | 'family' | 'carer';
}

/**
 * Gives imported clients the richer record's fields, by name, as the client form will: written to
 * the extension's own database from one of its pages (the list is not sealed in these tests), then
 * the background is told the list changed, as the options page tells it after any write.
 */
export async function setRecordFields(extensionPage: Page, fields: Record<string, RecordFields>): Promise<void> {
  await extensionPage.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('boundary');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const request = db.transaction('clients').objectStore('clients').getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
      request.onerror = () => reject(request.error);
    });
    const idOf = new Map(rows.map((row) => [row.name as string, row.id as number]));
    const tx = db.transaction('clients', 'readwrite');
    for (const row of rows) {
      const change = wanted[row.name as string];
      if (!change) continue;
      const { relatedTo, ...rest } = change;
      if (relatedTo !== undefined && !idOf.has(relatedTo)) throw new Error(`no client named ${relatedTo}`);
      tx.objectStore('clients').put({ ...row, ...rest, ...(relatedTo !== undefined && { relatedTo: idOf.get(relatedTo) }) });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const missing = Object.keys(wanted).filter((name) => !idOf.has(name));
    if (missing.length > 0) throw new Error(`no clients named ${missing.join(', ')}`);
    await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'clients-changed' });
  }, fields);
}
