import { guardFormula, writeCsv } from '@/lib/clients/csv';
import type { ClientStatus } from '@/lib/clients/model';
import type { GuardedAction } from '@/lib/sites/types';
import type { ActivityKind, ActivityPage, ActivityPlace } from './model';
import type { ActivityItem } from './store';

export const ACTIVITY_CSV_COLUMNS = ['date', 'time', 'activity', 'site', 'client', 'status', 'control', 'reason', 'looked at', 'page'] as const;

/** How the page that exports names things, in the clinician's language. */
export interface ActivityWords {
  kind(kind: ActivityKind): string;
  place(place: ActivityPlace): string;
  action(action: GuardedAction): string;
  status(status: ClientStatus): string;
  /** A related person, with the client they are related to (never how). */
  relatedTo(name: string, client: string): string;
  /** The kind of page a sighting was on. */
  page(page: ActivityPage): string;
  /** For an entry whose client has left the list since. */
  removedClient: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The log as CSV for the clinical record: UTF-8 with a byte-order mark (so spreadsheets read
 * accents right), CRLF, one row per entry, date and time in the computer's own time zone as a
 * spreadsheet reads them, and every cell guarded against being run as a formula.
 */
export function writeActivityCsv(items: readonly ActivityItem[], words: ActivityWords): string {
  const rows = items.map((item) => {
    const at = new Date(item.at);
    return [
      `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`,
      `${pad(at.getHours())}:${pad(at.getMinutes())}`,
      words.kind(item.kind),
      words.place(item.place),
      item.clientId === undefined ? '' : item.clientName === undefined ? words.removedClient : item.relatedToName ? words.relatedTo(item.clientName, item.relatedToName) : item.clientName,
      item.clientStatus ? words.status(item.clientStatus) : '',
      item.action ? words.action(item.action) : '',
      item.note?.reason ?? '',
      item.note?.lookedAt ?? '',
      item.page ? words.page(item.page) : '',
    ];
  });
  return '\uFEFF' + writeCsv([[...ACTIVITY_CSV_COLUMNS], ...rows.map((row) => row.map(guardFormula))]);
}
