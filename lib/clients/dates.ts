/**
 * The dates a client record keeps (when a status began, when the work ended) are calendar days,
 * stored as ISO `YYYY-MM-DD`: no time, no time zone, so a day never shifts by travelling.
 *
 * Reading a date from a spreadsheet's CSV, which writes dates as the cell shows them:
 * - ISO `2024-03-05` (also with `/` or `.`, and with a time after it, which is ignored);
 * - day, month and year as numbers, `5/3/2024`, `05-03-2024`, `5.3.2024`: the order is read when
 *   only one reading is a real date (`25/03/2024` is 25 March, `03/25/2024` is 25 March too);
 *   when both are (`05/03/2024` is 5 March in Europe and May 3 in the United States) the row is
 *   refused with both readings, never guessed; with dots (`05.03.2024`) it is day first, the only
 *   order written with dots;
 * - a month by name, in English or Spanish, in any order: `5 Mar 2024`, `5-Mar-2024`,
 *   `March 5, 2024`, `5 de marzo de 2024`;
 * - a two-digit year (`5/3/24`) is refused: its century is a guess.
 * A date that is not a real day (`2024-02-30`), or outside 1900–2100 (a typo for a year), is
 * refused with its reason.
 */

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const realDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);

/** A stored date: exactly `YYYY-MM-DD`, a real day, within the years Boundary takes. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= MIN_YEAR && y <= MAX_YEAR && realDay(y, mo, d);
}

export type DateReading =
  | { ok: true; date: string }
  | { ok: false; reason: 'impossible' | 'out-of-range' | 'two-digit-year' | 'unreadable' }
  | { ok: false; reason: 'ambiguous'; readings: [string, string] };

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
  [1, ['january', 'jan', 'enero', 'ene']],
  [2, ['february', 'feb', 'febrero']],
  [3, ['march', 'mar', 'marzo']],
  [4, ['april', 'apr', 'abril', 'abr']],
  [5, ['may', 'mayo']],
  [6, ['june', 'jun', 'junio']],
  [7, ['july', 'jul', 'julio']],
  [8, ['august', 'aug', 'agosto', 'ago']],
  [9, ['september', 'sept', 'sep', 'septiembre', 'setiembre', 'set']],
  [10, ['october', 'oct', 'octubre']],
  [11, ['november', 'nov', 'noviembre']],
  [12, ['december', 'dec', 'diciembre', 'dic']],
];
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = month;

function checked(y: number, m: number, d: number): DateReading {
  if (!realDay(y, m, d)) return { ok: false, reason: 'impossible' };
  if (y < MIN_YEAR || y > MAX_YEAR) return { ok: false, reason: 'out-of-range' };
  return { ok: true, date: iso(y, m, d) };
}

/** A time of day after a date, as spreadsheets add to date-time cells: `T10:00`, ` 00:00:00`. */
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})${TIME}$`);

/**
 * A date cell as a spreadsheet wrote it, read as the rules above say. Blank cells are the
 * caller's to handle (a blank date is no date).
 */
export function readSpreadsheetDate(text: string): DateReading {
  const value = text.trim();
  let m = YEAR_FIRST.exec(value);
  if (m) return checked(Number(m[1]), Number(m[3]), Number(m[4]));

  m = YEAR_LAST.exec(value);
  if (m) {
    const [a, separator, b, year] = [Number(m[1]), m[2], Number(m[3]), m[4]!];
    if (year.length === 2) return { ok: false, reason: 'two-digit-year' };
    const y = Number(year);
    if (separator === '.') return checked(y, b, a);
    const dayFirst = realDay(y, b, a);
    const monthFirst = realDay(y, a, b);
    if (dayFirst && monthFirst && a !== b) return { ok: false, reason: 'ambiguous', readings: [iso(y, b, a), iso(y, a, b)] };
    if (dayFirst) return checked(y, b, a);
    if (monthFirst) return checked(y, a, b);
    return { ok: false, reason: 'impossible' };
  }

  // Words: one month name, one day and one year, in any order ("5 de marzo de 2024", "Mar 5, 2024").
  const words = value
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[\s,/.-]+/)
    .filter((w) => w !== '' && w !== 'de' && w !== 'del' && w !== 'of');
  if (words.length === 3) {
    const months = words.filter((w) => MONTHS[w] !== undefined);
    const numbers = words.filter((w) => /^\d{1,4}$/.test(w));
    const ordinal = words.map((w) => /^(\d{1,2})(st|nd|rd|th)$/.exec(w)?.[1]).find(Boolean);
    if (ordinal) numbers.push(ordinal);
    if (months.length === 1 && numbers.length === 2) {
      const month = MONTHS[months[0]!]!;
      const years = numbers.filter((n) => n.length === 4);
      const days = numbers.filter((n) => n.length <= 2);
      if (years.length === 1 && days.length === 1) return checked(Number(years[0]), month, Number(days[0]));
      if (days.length === 2) return { ok: false, reason: 'two-digit-year' };
    }
  }
  return { ok: false, reason: 'unreadable' };
}
