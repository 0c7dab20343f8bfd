/**
 * Client list import and export as CSV, so a clinician can move their list in and out of a
 * spreadsheet. Import is all-or-nothing only for problems with the file as a whole; a bad row
 * is refused on its own, with its line number, and the good rows still come through.
 */

import { emptyIdentities, type ClientDraft, type ClientStatus } from '@/lib/clients/model';
import { cleanDraft, clientLimitProblems } from '@/lib/clients/limits';
import { identityUrl, parseIdentityList } from '@/lib/identity';
import { PLATFORMS } from '@/lib/identity/platform';
import { say, t } from '@/lib/i18n/t';
import { guardFormula, readCsv, unguardFormula, writeCsv } from './csv';

export const CLIENT_CSV_COLUMNS: readonly string[] = ['name', 'status', 'aliases', ...PLATFORMS];

export interface ClientCsvRow {
  line: number;
  draft: ClientDraft;
  /** Fields that lost invisible formatting characters (lib/clients/limits.ts), when any did. */
  cleaned?: ('name' | 'aliases')[];
}

/** `reason` is plain words without the line prefix, e.g. "name is blank"; the UI adds "Line N: ". */
export interface ClientCsvRejection {
  line: number;
  reason: string;
}

export type ClientCsvResult =
  | { ok: true; rows: ClientCsvRow[]; rejected: ClientCsvRejection[] }
  | { ok: false; error: string };

/** How a file's bytes were read: UTF-8 (with or without its mark) or, failing that, Windows-1252. */
export type CsvEncoding = 'utf-8' | 'windows-1252';

/**
 * A file's bytes as text. Spreadsheets save "CSV" in the computer's legacy code page unless told
 * "CSV UTF-8"; in Western Europe and the Americas that is Windows-1252, where "é" is one byte that
 * is never valid UTF-8. So: valid UTF-8 is read as UTF-8; anything else is read as Windows-1252
 * and the import says so, unless it holds bytes Windows-1252 leaves undefined, and then the file
 * is refused rather than read wrong.
 */
export function decodeCsvBytes(bytes: Uint8Array): { ok: true; text: string; encoding: CsvEncoding } | { ok: false; error: string } {
  const marked = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // A file that says it is UTF-8 and is not: damaged, not another encoding.
    if (marked) return { ok: false, error: t('csv_bad_utf8') };
  }
  const text = decodeWindows1252(bytes);
  return text === undefined ? { ok: false, error: t('csv_unknown_encoding') } : { ok: true, text, encoding: 'windows-1252' };
}

/**
 * Windows-1252 is Latin-1 but for 0x80–0x9F, where it has curly quotes, dashes, € and a few
 * letters. Decoded here rather than by TextDecoder, whose 'windows-1252' is plain Latin-1 in
 * some runtimes. The five bytes it leaves undefined (empty here) mean the file is something else.
 */
const CP1252_HIGH = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';
function decodeWindows1252(bytes: Uint8Array): string | undefined {
  let text = '';
  for (const byte of bytes) {
    if (byte < 0x80 || byte > 0x9f) text += String.fromCharCode(byte);
    else if (CP1252_HIGH[byte - 0x80] === '\0') return undefined;
    else text += CP1252_HIGH[byte - 0x80];
  }
  return text;
}

export type ClientCsvFileResult = (ClientCsvResult & { encoding: CsvEncoding }) | { ok: false; error: string };

/** A CSV file's bytes, decoded (decodeCsvBytes) and read. */
export function readClientCsvFile(bytes: Uint8Array): ClientCsvFileResult {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  const read = readClientCsv(decoded.text);
  return read.ok ? { ...read, encoding: decoded.encoding } : read;
}

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

    const { draft, cleaned } = cleanDraft({ name, aliases, status: status ?? 'current', identities });
    // Blank once cleaned: a name of invisible characters only.
    if (name !== '' && draft.name === '') problems.push(t('csv_name_blank'));
    problems.push(...clientLimitProblems(draft));

    if (problems.length === 0 && status !== undefined) {
      rows.push({ line, draft, ...(cleaned.length > 0 && { cleaned }) });
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
