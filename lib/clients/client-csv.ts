/**
 * Client list import and export as CSV, so a clinician can move their list in and out of a
 * spreadsheet. Import is all-or-nothing only for problems with the file as a whole; a bad row
 * is refused on its own, with its line number, and the good rows still come through.
 *
 * Columns: `name` (required), `status` (enquiry, waitlist, current, former; any case; blank is
 * current), `aliases` (`;`-separated), `facebook`, `instagram`, `linkedin`, and the optional
 * `start_date`, `end_date` (ISO, or as a spreadsheet writes them: lib/clients/dates.ts), `minor`
 * and `safety` (yes/no, true/false, 1/0, and Spanish sí; blank is no), `related_to` (a client's
 * name, as on the list or in this file) and `relationship` (parent, guardian, partner, family,
 * carer; needed with related_to). Reading a row resolves nothing against the list: `related_to`
 * is kept as a name, and the import finds the client (lib/clients/import-plan.ts).
 */

import { emptyIdentities, type Client, type ClientDraft, type ClientStatus, type Relationship } from '@/lib/clients/model';
import { cleanDraft, clientLimitProblems } from '@/lib/clients/limits';
import { identityUrl, parseIdentityList } from '@/lib/identity';
import { PLATFORMS } from '@/lib/identity/platform';
import { say, t } from '@/lib/i18n/t';
import { csvRecords, guardFormula, unguardFormula, writeCsv, type CsvRecord } from './csv';
import { readSpreadsheetDate } from './dates';
import type { ImportField } from './import-plan';
import { isClientStatus, isRelationship } from './record';
import { nextTurn, SLICE, type Progress } from './slices';

/** The record's own columns first, as earlier releases wrote them; then the richer record's. */
export const CLIENT_CSV_COLUMNS: readonly string[] = [
  'name',
  'status',
  'aliases',
  ...PLATFORMS,
  'start_date',
  'end_date',
  'minor',
  'safety',
  'related_to',
  'relationship',
];

/** Which fields each column gives, so that a file without a column changes none of them on a client it updates. */
const GIVES: Record<string, ImportField> = {
  status: 'status',
  start_date: 'startDate',
  end_date: 'endDate',
  minor: 'minor',
  safety: 'safety',
  related_to: 'related',
  relationship: 'related',
};

export interface ClientCsvRow {
  line: number;
  draft: ClientDraft;
  /** For a related person: `related_to` as written, the client's name (found when imported). */
  relatedToName?: string;
  /** Fields that lost invisible formatting characters (lib/clients/limits.ts), when any did. */
  cleaned?: ('name' | 'aliases')[];
}

/** `reason` is plain words without the line prefix, e.g. "name is blank"; the UI adds "Line N: ". */
export interface ClientCsvRejection {
  line: number;
  reason: string;
}

export type ClientCsvResult =
  | {
      ok: true;
      rows: ClientCsvRow[];
      rejected: ClientCsvRejection[];
      /** The status and optional fields the file has columns for: only those change on a client it updates. */
      given: ImportField[];
    }
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

/** readClientCsvFile in slices (readClientCsvInSlices), for the options page's import. */
export async function readClientCsvFileInSlices(bytes: Uint8Array, onProgress?: Progress): Promise<ClientCsvFileResult> {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  const read = await readClientCsvInSlices(decoded.text, onProgress);
  return read.ok ? { ...read, encoding: decoded.encoding } : read;
}

// Control characters that no spreadsheet puts in a CSV: they mean a binary file (an .xlsx is a
// zip) or text in another encoding such as UTF-16.
const NOT_TEXT = /[\u0000-\u0008\u000E-\u001F]/;

/** A file being read: its columns, found in the header, and the records after it (blank ones skipped). */
interface Reading {
  columns: Map<string, number>;
  records: Iterator<CsvRecord>;
  given: ImportField[];
}

type Read = { rows: ClientCsvRow[]; rejected: ClientCsvRejection[] };

/** Reads a CSV of clients (the columns are in this file's opening comment): every row kept or refused by line. */
export function readClientCsv(text: string): ClientCsvResult {
  const reading = startReading(text);
  if (!('columns' in reading)) return reading;
  const out: Read = { rows: [], rejected: [] };
  for (let next = reading.records.next(); !next.done; next = reading.records.next()) readRow(next.value, reading.columns, out);
  return { ok: true, ...out, given: reading.given };
}

/**
 * readClientCsv in slices of `slice` records with a pause between them (lib/clients/slices.ts),
 * for a file of 100,000 rows: the same rows, the same refusals with the same line numbers.
 * `onProgress` hears the records read of about how many the file holds (its line count).
 */
export async function readClientCsvInSlices(text: string, onProgress?: Progress, slice = SLICE): Promise<ClientCsvResult> {
  const reading = startReading(text);
  if (!('columns' in reading)) return reading;
  const lines = lineCount(text);
  const out: Read = { rows: [], rejected: [] };
  let read = 0;
  for (let next = reading.records.next(); !next.done; next = reading.records.next()) {
    readRow(next.value, reading.columns, out);
    if (++read % slice === 0) {
      onProgress?.(Math.min(read, lines), lines);
      await nextTurn();
    }
  }
  onProgress?.(lines, lines);
  return { ok: true, ...out, given: reading.given };
}

/** A file's physical lines less its header: how many rows it holds, near enough for a progress bar. */
function lineCount(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return Math.max(1, count);
}

/** The header read, or why the file cannot be read at all. */
function startReading(text: string): Reading | { ok: false; error: string } {
  if (NOT_TEXT.test(text)) {
    return { ok: false, error: t('csv_not_text') };
  }
  const records = nonBlank(csvRecords(text));
  const first = records.next();
  if (first.done) {
    return { ok: false, error: t('csv_empty') };
  }

  const header = first.value.fields.map((field) => field.trim().toLowerCase());
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

  const given = [...new Set([...columns.keys()].flatMap((column) => (GIVES[column] ? [GIVES[column]] : [])))];
  return { columns, records, given };
}

function* nonBlank(records: Iterable<CsvRecord>): Generator<CsvRecord, void, undefined> {
  for (const record of records) if (!isBlank(record.fields)) yield record;
}

/** One record after the header: kept as a row, or refused with its line and reasons. */
function readRow({ line, fields }: CsvRecord, columns: ReadonlyMap<string, number>, out: Read): void {
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

  const dates: Pick<ClientDraft, 'startDate' | 'endDate'> = {};
  for (const [column, field] of [['start_date', 'startDate'], ['end_date', 'endDate']] as const) {
    const value = cell(column).trim();
    if (value === '') continue;
    const read = dateCell(column, value);
    if (typeof read === 'string') dates[field] = read;
    else problems.push(read.problem);
  }
  const flags: Pick<ClientDraft, 'minor' | 'safety'> = {};
  for (const column of ['minor', 'safety'] as const) {
    if (!columns.has(column)) continue;
    const value = yesNo(cell(column));
    if (value === undefined) problems.push(t('csv_bad_yes_no', column, cell(column).trim()));
    else flags[column] = value;
  }
  const relatedToName = cell('related_to').trim();
  const relationshipText = cell('relationship').trim();
  const relationship = relationshipText === '' ? undefined : parseRelationship(relationshipText);
  if (relationshipText !== '' && relationship === undefined) problems.push(t('csv_bad_relationship', relationshipText));
  else if (relatedToName !== '' && relationship === undefined) problems.push(t('limit_relationship_missing'));
  else if (relatedToName === '' && relationship !== undefined) problems.push(t('limit_related_to_missing'));

  const { draft, cleaned } = cleanDraft({
    name,
    aliases,
    status: status ?? 'current',
    identities,
    ...dates,
    ...flags,
  });
  // Blank once cleaned: a name of invisible characters only.
  if (name !== '' && draft.name === '') problems.push(t('csv_name_blank'));
  // With a refused status the draft stands in as current: an end date is no contradiction then.
  const limitProblems = clientLimitProblems(draft);
  if (limitProblems.length > 0) {
    // Worded only when there is a problem to word: most rows have none (and 100,000 rows would ask 100,000 times).
    const endNotFormer = t('limit_end_not_former');
    problems.push(...limitProblems.filter((problem) => status !== undefined || problem !== endNotFormer));
  }

  if (problems.length === 0 && status !== undefined) {
    // The relationship waits for its client, found by name when the rows are imported.
    const related = relatedToName !== '' && relationship !== undefined ? { relatedToName, draft: { ...draft, relationship } } : { draft };
    out.rows.push({ line, ...related, ...(cleaned.length > 0 && { cleaned }) });
  } else {
    out.rejected.push({ line, reason: problems.join('; ') });
  }
}

/**
 * The list as CSV, every column, so that it imports back to the same list. A related person's
 * `related_to` is their client's name as the list has it; a client that has left the list (or is
 * not among `clients`) leaves both relation columns blank.
 */
export function writeClientCsv(clients: readonly (ClientDraft & Partial<Pick<Client, 'id'>>)[]): string {
  const names = new Map(clients.flatMap((c) => (c.id === undefined ? [] : [[c.id, c.name] as const])));
  const rows = clients.map((client) => {
    const relatedTo = client.relatedTo === undefined ? undefined : names.get(client.relatedTo);
    return [
      client.name,
      client.status,
      client.aliases.join('; '),
      ...PLATFORMS.map((platform) =>
        client.identities[platform].map((identity) => identityUrl(platform, identity)).join('; '),
      ),
      client.startDate ?? '',
      client.endDate ?? '',
      client.minor ? 'yes' : 'no',
      client.safety ? 'yes' : 'no',
      relatedTo ?? '',
      relatedTo === undefined ? '' : (client.relationship ?? ''),
    ];
  });
  return writeCsv([[...CLIENT_CSV_COLUMNS], ...rows.map((row) => row.map(guardFormula))]);
}

/** A date cell read (lib/clients/dates.ts), or why not, in words naming the column. */
function dateCell(column: string, value: string): string | { problem: string } {
  const read = readSpreadsheetDate(value);
  if (read.ok) return read.date;
  switch (read.reason) {
    case 'ambiguous':
      return { problem: t('csv_date_ambiguous', column, value, read.readings[0], read.readings[1]) };
    case 'impossible':
      return { problem: t('csv_date_impossible', column, value) };
    case 'out-of-range':
      return { problem: t('csv_date_out_of_range', column, value) };
    case 'two-digit-year':
      return { problem: t('csv_date_two_digit_year', column, value) };
    case 'unreadable':
      return { problem: t('csv_date_unreadable', column, value) };
  }
}

const YES = new Set(['yes', 'y', 'true', '1', 'si', 'sí']);
const NO = new Set(['no', 'n', 'false', '0', '']);

/** yes/no, true/false, 1/0 (and y/n, Spanish sí) in any case; blank is no; anything else undefined. */
function yesNo(value: string): boolean | undefined {
  const word = value.trim().toLowerCase();
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return undefined;
}

function parseRelationship(value: string): Relationship | undefined {
  const word = value.trim().toLowerCase();
  return isRelationship(word) ? word : undefined;
}

function isBlank(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

function parseStatus(value: string): ClientStatus | undefined {
  const status = value.trim().toLowerCase();
  if (status === '') return 'current';
  return isClientStatus(status) ? status : undefined;
}
