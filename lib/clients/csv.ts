/**
 * A small RFC 4180 CSV reader and writer.
 *
 * The reader is lenient because clinicians' files come from Excel, Numbers, Google Sheets and
 * hand edits: it accepts LF, CRLF or lone CR line ends, keeps stray quotes inside unquoted
 * fields literally, and lets an unterminated quoted field run to the end of the text. It never
 * throws, so callers can hand it any file and decide themselves what is acceptable.
 */

export interface CsvRecord {
  /** Physical line (1-based) on which the record starts, counting line breaks inside quotes. */
  line: number;
  fields: string[];
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Parses CSV text into records. A leading byte-order mark is dropped. An empty line yields a
 * record with one empty field (callers decide whether blank records matter); a line break at
 * the very end of the text does not start another record.
 */
export function readCsv(text: string): CsvRecord[] {
  return Array.from(csvRecords(text));
}

/**
 * readCsv one record at a time, so that a long file can be read in slices with pauses between
 * them (lib/clients/client-csv.ts) and give exactly the records, and line numbers, readCsv gives.
 */
export function* csvRecords(text: string): Generator<CsvRecord, void, undefined> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = src.length;
  let i = 0;
  let line = 1;

  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (src.charCodeAt(i) === QUOTE) {
        i++;
        for (;;) {
          const close = src.indexOf('"', i);
          const end = close === -1 ? n : close;
          value += src.slice(i, end);
          line += countLineBreaks(src, i, end);
          if (close === -1) {
            i = n;
            break;
          }
          if (src.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            i = close + 2;
          } else {
            i = close + 1;
            break;
          }
        }
      }
      // Unquoted text, or anything after a closing quote (`"a"b`), is taken as written.
      const end = fieldEnd(src, i);
      value += src.slice(i, end);
      i = end;
      fields.push(value);
      if (src.charCodeAt(i) !== COMMA) break;
      i++;
    }
    if (src.charCodeAt(i) === CR) {
      i++;
      if (src.charCodeAt(i) === LF) i++;
      line++;
    } else if (src.charCodeAt(i) === LF) {
      i++;
      line++;
    }
    yield { line: start, fields };
  }
}

/** Index of the next comma or line break at or after `from`, or the end of the text. */
function fieldEnd(src: string, from: number): number {
  for (let i = from; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === COMMA || c === CR || c === LF) return i;
  }
  return src.length;
}

/** Line breaks in src[from, to), where CRLF is one break, as in the record line numbers. */
function countLineBreaks(src: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR) {
      count++;
      if (src.charCodeAt(i + 1) === LF) i++;
    }
  }
  return count;
}

// Leading or trailing whitespace is quoted too, because spreadsheets trim it otherwise.
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * Writes rows as CSV with CRLF after every row, quoting a field only when it needs it.
 * A row with no fields comes out as an empty line, which reads back as one empty field.
 */
export function writeCsv(rows: string[][]): string {
  return rows.map((row) => row.map(quoteField).join(',') + '\r\n').join('');
}

function quoteField(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

// Spreadsheets run a cell starting with = + - @ tab or CR as a formula, so exports put a quote
// in front. A cell that already starts with quotes before such a character gets one more, and
// import takes exactly one off, so every cell comes back as it was exported.
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/** A cell as an export writes it: never run as a formula by a spreadsheet. */
export function guardFormula(cell: string): string {
  return NEEDS_GUARD.test(cell) ? `'${cell}` : cell;
}

/** A cell as an import reads it back: guardFormula undone. */
export function unguardFormula(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}
