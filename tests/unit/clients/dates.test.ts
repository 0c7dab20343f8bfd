import { describe, expect, it } from 'vitest';
import { isIsoDate, readSpreadsheetDate } from '@/lib/clients/dates';

describe('dates as a spreadsheet writes them', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['2024/03/05', '2024-03-05'],
    ['2024.03.05', '2024-03-05'],
    ['2024-03-05T00:00:00', '2024-03-05'],
    ['2024-03-05 00:00', '2024-03-05'],
    ['2024-03-05T10:30:00.000Z', '2024-03-05'],
    ['  2024-03-05 ', '2024-03-05'],
    // Only one order is a real day: the day is over 12.
    ['25/03/2024', '2024-03-25'],
    ['03/25/2024', '2024-03-25'],
    ['25-03-2024', '2024-03-25'],
    ['3/25/2024', '2024-03-25'],
    // The same either way round.
    ['05/05/2024', '2024-05-05'],
    // Dots are written day first.
    ['05.03.2024', '2024-03-05'],
    ['5.3.2024', '2024-03-05'],
    // Month names, English and Spanish, in any order.
    ['5 Mar 2024', '2024-03-05'],
    ['5-Mar-2024', '2024-03-05'],
    ['March 5, 2024', '2024-03-05'],
    ['March 5th, 2024', '2024-03-05'],
    ['Mar 5 2024', '2024-03-05'],
    ['5 de marzo de 2024', '2024-03-05'],
    ['5 Sept 2024', '2024-09-05'],
    ['1 ene 2025', '2025-01-01'],
    ['29 Feb 2024', '2024-02-29'],
    ['31 DIC 2024', '2024-12-31'],
    ['4 agosto 2023', '2023-08-04'],
  ])('"%s" is %s', (text, date) => {
    expect(readSpreadsheetDate(text)).toEqual({ ok: true, date });
  });

  it('refuses a day-month order it would have to guess, with both readings', () => {
    expect(readSpreadsheetDate('05/03/2024')).toEqual({ ok: false, reason: 'ambiguous', readings: ['2024-03-05', '2024-05-03'] });
    expect(readSpreadsheetDate('1-2-2024')).toEqual({ ok: false, reason: 'ambiguous', readings: ['2024-02-01', '2024-01-02'] });
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '31/04/2024', '32/01/2024', '30 Feb 2024', '0 Mar 2024', '25/13/2024'])(
    '"%s" is not a real day',
    (text) => {
      expect(readSpreadsheetDate(text)).toEqual({ ok: false, reason: 'impossible' });
    },
  );

  it.each(['5/3/24', '05-Mar-24', 'Mar 5, 24'])('"%s" has a two-digit year', (text) => {
    expect(readSpreadsheetDate(text)).toEqual({ ok: false, reason: 'two-digit-year' });
  });

  it.each(['1024-01-01', '2224-05-01', '01/01/1899'])('"%s" is outside the years taken', (text) => {
    expect(readSpreadsheetDate(text)).toEqual({ ok: false, reason: 'out-of-range' });
  });

  it.each(['next week', '45356', '2024', 'March 2024', '2024-03', '5 Mars 2024 extra', '2024-03-05-01', '05/03/2024/1', 'yes'])('"%s" is not read as a date', (text) => {
    expect(readSpreadsheetDate(text)).toEqual({ ok: false, reason: 'unreadable' });
  });
});

describe('stored dates', () => {
  it('are exactly YYYY-MM-DD and a real day', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const value of ['2023-02-29', '2024-3-05', '05/03/2024', '2024-03-05T00:00', '', 20240305, undefined, '1899-12-31']) {
      expect(isIsoDate(value), String(value)).toBe(false);
    }
  });
});
