/**
 * Client list import and export as CSV, so a clinician can move their list in and out of a
 * spreadsheet. Import is all-or-nothing only for problems with the file as a whole; a bad row
 * is refused on its own, with its line number, and the good rows still come through.
 */

import { emptyIdentities, type ClientDraft, type ClientStatus } from '@/lib/clients/model';
import { identityUrl, parseIdentityList } from '@/lib/identity';
import { PLATFORMS } from '@/lib/identity/platform';
import { say, t } from '@/lib/i18n/t';
import { guardFormula, readCsv, unguardFormula, writeCsv } from './csv';

export const CLIENT_CSV_COLUMNS: readonly string[] = ['name', 'status', 'aliases', ...PLATFORMS];

export interface ClientCsvRow {
  line: number;
  draft: ClientDraft;
}

/** `reason` is plain words without the line prefix, e.g. "name is blank"; the UI adds "Line N: ". */
export interface ClientCsvRejection {
  line: number;
  reason: string;
}

export type ClientCsvResult =
  | { ok: true; rows: ClientCsvRow[]; rejected: ClientCsvRejection[] }
  | { ok: false; error: string };

// Control characters that no spreadsheet puts in a CSV: they mean a binary file (an .xlsx is a
// zip) or text in another encoding such as UTF-16.
const NOT_TEXT = /[\u0000-\u0008\u000E-\u001F]/;


export function readClientCsv(text: string): ClientCsvResult {
  if (NOT_TEXT.test(text)) {
    return { ok: false, error: t('csv_not_text') };
  }
  const records = readCsv(text).filter((record) => !isBlank(record.fields));
  const [headerRecord, ...dataRecords] = records;
  if (headerRecord === undefined) {
    return { ok: false, error: t('csv_empty') };
  }

  const header = headerRecord.fields.map((field) => field.trim().toLowerCase());
  const columns = new Map<string, number>();
  for (const column of CLIENT_CSV_COLUMNS) {
    const index = header.indexOf(column);
    if (index === -1) continue;
    if (header.indexOf(column, index + 1) !== -1) {
      // Picking one of two same-named columns would silently drop the other's data.
      return { ok: false, error: t('csv_duplicate_column', column) };
    }
    columns.set(column, index);
  }
  if (!columns.has('name')) {
    return { ok: false, error: t('csv_no_name_column', CLIENT_CSV_COLUMNS.join(',')) };
  }

  const rows: ClientCsvRow[] = [];
  const rejected: ClientCsvRejection[] = [];
  for (const { line, fields } of dataRecords) {
    const cell = (column: string): string => {
      const index = columns.get(column);
      return index === undefined ? '' : unguardFormula(fields[index] ?? '');
    };
    const problems: string[] = [];

    const name = cell('name').trim();
    if (name === '') problems.push(t('csv_name_blank'));

    const status = parseStatus(cell('status'));
    if (status === undefined) {
      problems.push(t('csv_bad_status', cell('status').trim()));
    }

    const aliases = cell('aliases')
      .split(';')
      .map((alias) => alias.trim())
      .filter((alias) => alias !== '');

    const identities = emptyIdentities();
    for (const platform of PLATFORMS) {
      const parsed = parseIdentityList(platform, cell(platform));
      for (const error of parsed.errors) {
        problems.push(t('csv_bad_identity', platform, error.input, say(error.reason)));
      }
      identities[platform] = parsed.identities;
    }

    if (problems.length === 0 && status !== undefined) {
      rows.push({ line, draft: { name, aliases, status, identities } });
    } else {
      rejected.push({ line, reason: problems.join('; ') });
    }
  }
  return { ok: true, rows, rejected };
}

export function writeClientCsv(clients: readonly ClientDraft[]): string {
  const rows = clients.map((client) => [
    client.name,
    client.status,
    client.aliases.join('; '),
    ...PLATFORMS.map((platform) =>
      client.identities[platform].map((identity) => identityUrl(platform, identity)).join('; '),
    ),
  ]);
  return writeCsv([[...CLIENT_CSV_COLUMNS], ...rows.map((row) => row.map(guardFormula))]);
}

function isBlank(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

function parseStatus(value: string): ClientStatus | undefined {
  const status = value.trim().toLowerCase();
  if (status === '') return 'current';
  return status === 'current' || status === 'former' ? status : undefined;
}
