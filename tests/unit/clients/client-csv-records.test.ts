import { describe, expect, it } from 'vitest';
import { readClientCsv, writeClientCsv, type ClientCsvResult } from '@/lib/clients/client-csv';
import type { Client } from '@/lib/clients/model';
import { draft } from './draft';

// The richer record's columns (test contract, "Richer records"): status's four values, the dates,
// the minor and safety flags, and related people by name.

function imported(result: ClientCsvResult): Extract<ClientCsvResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected an import, got error: ${result.error}`);
  return result;
}

const HEADER = 'name,status,start_date,end_date,minor,safety,related_to,relationship';

describe('the richer record columns', () => {
  const file = [
    HEADER, // 1
    'Ana Souza,Current,2024-01-15,,yes,no,,', // 2
    'Mia Hart,FORMER,01/03/2022,30/06/2023,,TRUE,,', // 3: ambiguous start
    'Mia Hart,former,2022-03-01,30/06/2023,0,1,,', // 4
    'Leo Souza,,,,n,,Ana Souza,Parent', // 5
    'Bea Ruiz,enquiry,2024-02-30,,,,,', // 6: impossible date
    'Cal Ortiz,waitlist,5 March 2025,,maybe,,,', // 7: minor is not yes or no
    'Dee Park,current,2024-05-01,2024-06-01,,,,', // 8: an end date on a current client
    'Eli Ward,former,2024-06-01,2024-05-01,,,,', // 9: ends before it starts
    'Fay Lim,,,,,,Ana Souza,', // 10: relationship missing
    'Gus Hale,,,,,,,carer', // 11: related_to missing
    'Hal Berg,,,,,,Ana Souza,neighbour', // 12: not a relationship
    'Ivy Stone,discharged,5/3/24,,,,,', // 13: two problems at once
    'Jo Marsh,Waitlist,2024-07-04,,False,Yes,,', // 14
    'Kit Vale,,,,,,Someone Later,guardian', // 15: resolved at import, not here
  ].join('\r\n');
  const result = imported(readClientCsv(file));

  it('keeps the good rows with every field read', () => {
    expect(result.rows.map(({ line, draft, relatedToName }) => ({ line, draft, relatedToName }))).toEqual([
      { line: 2, draft: draft('Ana Souza', { startDate: '2024-01-15', minor: true }), relatedToName: undefined },
      { line: 4, draft: draft('Mia Hart', { status: 'former', startDate: '2022-03-01', endDate: '2023-06-30', safety: true }), relatedToName: undefined },
      { line: 5, draft: draft('Leo Souza', { relationship: 'parent' }), relatedToName: 'Ana Souza' },
      { line: 14, draft: draft('Jo Marsh', { status: 'waitlist', startDate: '2024-07-04', safety: true }), relatedToName: undefined },
      { line: 15, draft: draft('Kit Vale', { relationship: 'guardian' }), relatedToName: 'Someone Later' },
    ]);
  });

  it('refuses each bad row with its line and reason', () => {
    expect(result.rejected).toEqual([
      { line: 3, reason: 'start_date "01/03/2022" could be 2022-03-01 or 2022-01-03: write it as YYYY-MM-DD' },
      { line: 6, reason: 'start_date "2024-02-30" is not a real date' },
      { line: 7, reason: 'minor "maybe" is not yes or no (yes/no, true/false, 1/0)' },
      { line: 8, reason: 'only a former client has an end date' },
      { line: 9, reason: 'the end date is before the start date' },
      { line: 10, reason: 'a related person needs a relationship (parent, guardian, partner, family or carer)' },
      { line: 11, reason: 'a relationship needs the client they are related to' },
      { line: 12, reason: 'relationship "neighbour" is not parent, guardian, partner, family or carer' },
      {
        line: 13,
        reason: 'status "discharged" is not "enquiry", "waitlist", "current" or "former"; start_date "5/3/24" has a two-digit year: write the year in full, or the date as YYYY-MM-DD',
      },
    ]);
  });

  it('says which optional fields the file gives, so an import changes only those', () => {
    expect([...result.given].sort()).toEqual(['endDate', 'minor', 'related', 'safety', 'startDate', 'status']);
    expect(imported(readClientCsv('name,minor\nAda,yes')).given).toEqual(['minor']);
    expect(imported(readClientCsv('Name,Relationship\nAda,')).given).toEqual(['related']);
    expect(imported(readClientCsv('name,status\nAda,')).given).toEqual(['status']);
    expect(imported(readClientCsv('name,aliases\nAda,')).given).toEqual([]);
  });

  it.each([
    ['yes', true],
    ['YES', true],
    ['y', true],
    ['true', true],
    ['True', true],
    ['1', true],
    ['sí', true],
    ['no', undefined],
    ['No', undefined],
    ['false', undefined],
    ['0', undefined],
    ['', undefined],
    ['  ', undefined],
  ])('minor and safety "%s"', (raw, expected) => {
    const [row] = imported(readClientCsv(`name,minor,safety\nAda,${raw},${raw}`)).rows;
    expect(row!.draft.minor).toBe(expected);
    expect(row!.draft.safety).toBe(expected);
  });

  it.each(['maybe', 'x', '2', 'yes please', 'on'])('safety "%s" refuses the row', (raw) => {
    expect(imported(readClientCsv(`name,safety\nAda,${raw}`)).rejected).toEqual([{ line: 2, reason: `safety "${raw}" is not yes or no (yes/no, true/false, 1/0)` }]);
  });

  it.each([
    ['2024-01-15', '2024-01-15'],
    ['15/01/2024', '2024-01-15'],
    ['1/15/2024', '2024-01-15'],
    ['15 Jan 2024', '2024-01-15'],
    ['15 de enero de 2024', '2024-01-15'],
  ])('start_date "%s" reads as %s', (raw, date) => {
    expect(imported(readClientCsv(`name,start_date\nAda,"${raw}"`)).rows[0]!.draft.startDate).toBe(date);
  });

  it.each([
    ['end_date "2023-02-29" is not a real date', 'former,,2023-02-29'],
    ['end_date "1023-02-01" is outside the years 1900 to 2100', 'former,,1023-02-01'],
    ['start_date "soon" is not a date Boundary reads: write it as YYYY-MM-DD', 'current,soon,'],
    ['start_date "1899-12-31" is outside the years 1900 to 2100', 'enquiry,1899-12-31,'],
  ])('%s', (reason, cells) => {
    expect(imported(readClientCsv(`name,status,start_date,end_date\nAda,${cells}`)).rejected).toEqual([{ line: 2, reason }]);
  });

  it.each(['parent', 'guardian', 'partner', 'family', 'carer', 'PARENT', ' Carer '])('relationship "%s"', (raw) => {
    const [row] = imported(readClientCsv(`name,related_to,relationship\nLeo,Ana,${raw}`)).rows;
    expect(row!.draft.relationship).toBe(raw.trim().toLowerCase());
  });
});

describe('export of the richer record', () => {
  const ana: Client = { ...draft('Ana Souza', { startDate: '2024-01-15', minor: true }), id: 1, createdAt: 1, updatedAt: 1 };
  const mia: Client = { ...draft('Mia Hart', { status: 'former', startDate: '2022-03-01', endDate: '2023-06-30', safety: true }), id: 2, createdAt: 1, updatedAt: 1 };
  const leo: Client = { ...draft('Leo Souza', { relatedTo: 1, relationship: 'parent' }), id: 3, createdAt: 1, updatedAt: 1 };
  const eve: Client = { ...draft('Eve Gone', { relatedTo: 99, relationship: 'carer' }), id: 4, createdAt: 1, updatedAt: 1 };

  it('writes every column: dates as YYYY-MM-DD, flags as yes or no, the client by name', () => {
    expect(writeClientCsv([ana, mia, leo, eve])).toBe(
      'name,status,aliases,facebook,instagram,linkedin,start_date,end_date,minor,safety,related_to,relationship\r\n' +
        'Ana Souza,current,,,,,2024-01-15,,yes,no,,\r\n' +
        'Mia Hart,former,,,,,2022-03-01,2023-06-30,no,yes,,\r\n' +
        'Leo Souza,current,,,,,,,no,no,Ana Souza,parent\r\n' +
        // Related to someone no longer on the list: both relation columns are left blank.
        'Eve Gone,current,,,,,,,no,no,,\r\n',
    );
  });

  it('reads back to the same records, the relation by name', () => {
    const back = imported(readClientCsv(writeClientCsv([leo, ana, mia])));
    expect(back.rejected).toEqual([]);
    expect(back.rows.map((row) => [row.draft, row.relatedToName])).toEqual([
      [draft('Leo Souza', { relationship: 'parent' }), 'Ana Souza'],
      [draft('Ana Souza', { startDate: '2024-01-15', minor: true }), undefined],
      [draft('Mia Hart', { status: 'former', startDate: '2022-03-01', endDate: '2023-06-30', safety: true }), undefined],
    ]);
    expect([...back.given].sort()).toEqual(['endDate', 'minor', 'related', 'safety', 'startDate', 'status']);
  });
});
