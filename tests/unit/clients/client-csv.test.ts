import { describe, it, expect } from 'vitest';
import {
  CLIENT_CSV_COLUMNS,
  readClientCsv,
  writeClientCsv,
  type ClientCsvResult,
} from '@/lib/clients/client-csv';
import { emptyIdentities, type ClientDraft, type Identities } from '@/lib/clients/model';

const HEADER = 'name,status,aliases,facebook,instagram,linkedin\r\n';
/** What an export writes: every column, the richer record's after the first six. */
const EXPORT_HEADER = 'name,status,aliases,facebook,instagram,linkedin,start_date,end_date,minor,safety,related_to,relationship\r\n';
/** A plain record's richer columns, as an export writes them: no dates, no flags, no relation. */
const PLAIN = ',,,no,no,,';
const badStatus = (raw: string) => `status "${raw}" is not "enquiry", "waitlist", "current" or "former"`;

function draft(name: string, extra: Partial<Omit<ClientDraft, 'identities'>> & { identities?: Partial<Identities> } = {}): ClientDraft {
  return {
    name,
    aliases: extra.aliases ?? [],
    status: extra.status ?? 'current',
    identities: { ...emptyIdentities(), ...extra.identities },
  };
}

/** Narrows to a successful import so tests can read rows without casts. */
function imported(result: ClientCsvResult): Extract<ClientCsvResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected an import, got error: ${result.error}`);
  return result;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('CLIENT_CSV_COLUMNS', () => {
  it('lists the export columns in order', () => {
    expect(CLIENT_CSV_COLUMNS).toEqual([
      'name',
      'status',
      'aliases',
      'facebook',
      'instagram',
      'linkedin',
      'start_date',
      'end_date',
      'minor',
      'safety',
      'related_to',
      'relationship',
    ]);
  });
});

describe('readClientCsv: the messy file', () => {
  const messy = [
    '\uFEFFName,Status,Aliases,Facebook,Instagram,LinkedIn,Notes', // 1
    '"Okoro, Chidi",current,Chi,https://www.facebook.com/chidi.okoro,,,', // 2 kept
    '"Ines ""Nessa"" Duarte",Former,Nessa; Inês ,,@nessa.d,,', // 3 kept
    ',current,,,,,', // 4 blank name
    'Sam Lee,ongoing,,,,,', // 5 bad status
    'Priya Nair,,,https://www.instagram.com/priya.nair,,,', // 6 Instagram link in the Facebook column
    'Tom Berg,,,,,https://www.linkedin.com/company/acme,', // 7 company page
    ',,,,,,', // 8 blank line, skipped
    'Ana Souza, current ,,facebook.com/ana.souza; https://www.facebook.com/profile.php?id=100004567890,,,', // 9 kept
    'Mei Chen,,,,mei.chen,,"Met at the clinic', // 10 kept, note spans lines 10-12
    'Referred by GP',
    '2021"',
    'Bad Row,maybe,,,,,', // 13 bad status, after the multi-line field
    'Zoë Dubois,,,,,https://www.linkedin.com/in/Zo%C3%AB-Dubois/', // 14 kept, short row
    '',
  ].join('\r\n');

  const result = imported(readClientCsv(messy));

  it('keeps exactly the good rows, with their line numbers', () => {
    expect(result.rows).toEqual([
      { line: 2, draft: draft('Okoro, Chidi', { aliases: ['Chi'], identities: { facebook: ['chidiokoro'] } }) },
      {
        line: 3,
        draft: draft('Ines "Nessa" Duarte', {
          status: 'former',
          aliases: ['Nessa', 'Inês'],
          identities: { instagram: ['nessa.d'] },
        }),
      },
      { line: 9, draft: draft('Ana Souza', { identities: { facebook: ['anasouza', '100004567890'] } }) },
      { line: 10, draft: draft('Mei Chen', { identities: { instagram: ['mei.chen'] } }) },
      { line: 14, draft: draft('Zoë Dubois', { identities: { linkedin: ['zoë-dubois'] } }) },
    ]);
  });

  it('refuses exactly the bad rows, with their line numbers and reasons', () => {
    expect(result.rejected).toEqual([
      { line: 4, reason: 'name is blank' },
      { line: 5, reason: badStatus('ongoing') },
      {
        line: 6,
        reason: 'facebook "https://www.instagram.com/priya.nair": That link is on Instagram, not Facebook',
      },
      {
        line: 7,
        reason:
          'linkedin "https://www.linkedin.com/company/acme": That is a LinkedIn company page, not a person\'s profile',
      },
      { line: 13, reason: badStatus('maybe') },
    ]);
  });
});

describe('readClientCsv: header variants', () => {
  const cases: { name: string; text: string; expected: ClientDraft }[] = [
    { name: 'lowercase', text: 'name\nAda', expected: draft('Ada') },
    { name: 'capitalised', text: 'Name\nAda', expected: draft('Ada') },
    { name: 'padded upper case', text: ' NAME ,Status\nAda,former', expected: draft('Ada', { status: 'former' }) },
    { name: 'quoted header', text: '"Name","Status"\nAda,former', expected: draft('Ada', { status: 'former' }) },
    {
      name: 'reordered columns',
      text: 'linkedin,instagram,facebook,aliases,status,name\nada-l,ada.l,ada.lovelace,Countess,Former,Ada',
      expected: draft('Ada', {
        status: 'former',
        aliases: ['Countess'],
        identities: { facebook: ['adalovelace'], instagram: ['ada.l'], linkedin: ['ada-l'] },
      }),
    },
    {
      name: 'extra unknown columns',
      text: 'id,Name,email,Status,phone\n7,Ada,ada@example.com,current,555',
      expected: draft('Ada'),
    },
    { name: 'blank lines before the header', text: '\n\r\nname\nAda', expected: draft('Ada') },
    { name: 'lone CR line ends', text: 'name,status\rAda,former\r', expected: draft('Ada', { status: 'former' }) },
  ];

  it.each(cases)('$name', ({ text, expected }) => {
    const result = imported(readClientCsv(text));
    expect(result.rows.map((row) => row.draft)).toEqual([expected]);
    expect(result.rejected).toEqual([]);
  });
});

describe('readClientCsv: whole-file errors', () => {
  const notText =
    'This file is not plain text. If it is a spreadsheet, save it as "CSV UTF-8" first and import that file.';
  const noName =
    'The first row has no "name" column. The first row must name the columns, for example: name,status,aliases,facebook,instagram,linkedin,start_date,end_date,minor,safety,related_to,relationship';
  const cases: { name: string; text: string; error: string }[] = [
    { name: 'empty input', text: '', error: 'The file is empty.' },
    { name: 'only a BOM', text: '\uFEFF', error: 'The file is empty.' },
    { name: 'only blank lines', text: '\r\n\r\n , \n', error: 'The file is empty.' },
    { name: 'no name column', text: 'status,facebook\ncurrent,jane.doe', error: noName },
    { name: 'a near miss for name', text: 'Full name,Status\nAda,current', error: noName },
    { name: 'NUL bytes', text: 'name\nA\u0000d\u0000a', error: notText },
    { name: 'a zip (.xlsx) read as text', text: 'PK\u0003\u0004\u0014\u0000\u0006\u0000', error: notText },
    { name: 'UTF-16 read as UTF-8', text: '\uFFFD\uFFFDn\u0000a\u0000m\u0000e\u0000', error: notText },
    {
      name: 'name column twice',
      text: 'name,status,Name\nAda,current,Byron',
      error: 'The column "name" appears more than once in the first row.',
    },
  ];

  it.each(cases)('$name', ({ text, error }) => {
    expect(readClientCsv(text)).toEqual({ ok: false, error });
  });

  it('accepts a header with no data rows', () => {
    expect(readClientCsv(HEADER)).toEqual({ ok: true, rows: [], rejected: [], given: ['status'] });
  });
});

describe('readClientCsv: cells', () => {
  const statusCases: { raw: string; expected: ClientDraft['status'] }[] = [
    { raw: '', expected: 'current' },
    { raw: '   ', expected: 'current' },
    { raw: 'current', expected: 'current' },
    { raw: ' CURRENT ', expected: 'current' },
    { raw: 'Former', expected: 'former' },
    { raw: 'former ', expected: 'former' },
    { raw: 'enquiry', expected: 'enquiry' },
    { raw: 'ENQUIRY', expected: 'enquiry' },
    { raw: ' Waitlist', expected: 'waitlist' },
    { raw: 'WaitList ', expected: 'waitlist' },
  ];

  it.each(statusCases)('status "$raw" is $expected', ({ raw, expected }) => {
    const result = imported(readClientCsv(`name,status\nAda,${raw}`));
    expect(result.rows).toEqual([{ line: 2, draft: draft('Ada', { status: expected }) }]);
  });

  it.each(['ongoing', 'active', 'past', 'yes', 'current client', 'enquired', 'waiting list', 'wait-list'])('status "%s" refuses the row', (raw) => {
    const result = imported(readClientCsv(`name,status\nAda,${raw}`));
    expect(result.rows).toEqual([]);
    expect(result.rejected).toEqual([{ line: 2, reason: badStatus(raw) }]);
  });

  const aliasCases: { raw: string; expected: string[] }[] = [
    { raw: '', expected: [] },
    { raw: 'Addie', expected: ['Addie'] },
    { raw: ' Addie ; ; A. King;', expected: ['Addie', 'A. King'] },
    { raw: '"Lovelace, Ada; Countess"', expected: ['Lovelace, Ada', 'Countess'] },
  ];

  it.each(aliasCases)('aliases $raw', ({ raw, expected }) => {
    const result = imported(readClientCsv(`name,aliases\nAda,${raw}`));
    expect(result.rows).toEqual([{ line: 2, draft: draft('Ada', { aliases: expected }) }]);
  });

  it('trims the name', () => {
    const result = imported(readClientCsv('name\n"  Ada King  "'));
    expect(result.rows).toEqual([{ line: 2, draft: draft('Ada King') }]);
  });

  const identityCases: { column: string; raw: string; expected: Partial<Identities> }[] = [
    { column: 'facebook', raw: 'Jane.Doe.71', expected: { facebook: ['janedoe71'] } },
    { column: 'facebook', raw: '100004567890', expected: { facebook: ['100004567890'] } },
    {
      column: 'facebook',
      raw: 'https://m.facebook.com/jane.doe.71 www.facebook.com/JaneDoe71',
      expected: { facebook: ['janedoe71'] },
    },
    { column: 'instagram', raw: '@Nessa.D;instagram.com/nessa.d/', expected: { instagram: ['nessa.d'] } },
    { column: 'instagram', raw: 'a.b ; c_d\te.f', expected: { instagram: ['a.b', 'c_d', 'e.f'] } },
    { column: 'linkedin', raw: 'linkedin.com/in/jürgen-m', expected: { linkedin: ['jürgen-m'] } },
  ];

  it.each(identityCases)('$column "$raw"', ({ column, raw, expected }) => {
    const result = imported(readClientCsv(`name,${column}\nAda,"${raw}"`));
    expect(result.rows).toEqual([{ line: 2, draft: draft('Ada', { identities: expected }) }]);
  });

  it('reports every problem in a row together', () => {
    const result = imported(readClientCsv('name,status,instagram\n,later,"ok.name https://www.facebook.com/ada"'));
    expect(result.rejected).toEqual([
      {
        line: 2,
        reason:
          'name is blank; status "later" is not "enquiry", "waitlist", "current" or "former"; instagram "https://www.facebook.com/ada": That link is on Facebook, not Instagram',
      },
    ]);
  });

  it('skips rows whose fields are all blank but not rows with only a name missing', () => {
    const result = imported(readClientCsv('name,status\n , \n,\nAda,\n,former\n'));
    expect(result.rows).toEqual([{ line: 4, draft: draft('Ada') }]);
    expect(result.rejected).toEqual([{ line: 5, reason: 'name is blank' }]);
  });

  const unguardCases: { raw: string; expected: string }[] = [
    { raw: "'=HYPERLINK(1)", expected: '=HYPERLINK(1)' },
    { raw: "'+1 Ada", expected: '+1 Ada' },
    { raw: "'-Ada", expected: '-Ada' },
    { raw: "'@Ada", expected: '@Ada' },
    { raw: "''=Ada", expected: "'=Ada" },
    { raw: "'Ada", expected: "'Ada" },
    { raw: "O'Brien", expected: "O'Brien" },
  ];

  it.each(unguardCases)('name cell $raw imports as $expected', ({ raw, expected }) => {
    const result = imported(readClientCsv(`name\n"${raw}"`));
    expect(result.rows).toEqual([{ line: 2, draft: draft(expected) }]);
  });

  it('strips the guard quote from identity cells too', () => {
    const result = imported(readClientCsv("name,instagram\nAda,'@ada.k"));
    expect(result.rows).toEqual([{ line: 2, draft: draft('Ada', { identities: { instagram: ['ada.k'] } }) }]);
  });
});

describe('readClientCsv: scale and robustness', () => {
  it('reads 10,000 rows', () => {
    const lines = [HEADER];
    for (let i = 0; i < 10_000; i++) {
      // Every tenth row has a blank name and is refused.
      const name = i % 10 === 9 ? '' : `"Client, ${i}"`;
      lines.push(`${name},${i % 2 ? 'former' : 'current'},Alias ${i},fb.user${i},ig.user${i},li-user-${i}\r\n`);
    }
    const result = imported(readClientCsv(lines.join('')));
    expect(result.rows).toHaveLength(9_000);
    expect(result.rejected).toHaveLength(1_000);
    expect(result.rows[0]).toEqual({
      line: 2,
      draft: draft('Client, 0', {
        aliases: ['Alias 0'],
        identities: { facebook: ['fbuser0'], instagram: ['ig.user0'], linkedin: ['li-user-0'] },
      }),
    });
    expect(result.rejected.at(-1)).toEqual({ line: 10_001, reason: 'name is blank' });
  });

  it('never throws on random input', () => {
    const alphabet = ['"', ',', ';', '\r', '\n', ' ', "'", '=', '@', '/', 'a', 'Z', '.', '1', 'é', '\u0000', '\uFEFF'];
    const random = mulberry32(7);
    for (let round = 0; round < 300; round++) {
      let text = round % 2 ? 'name,status,aliases,facebook,instagram,linkedin\n' : '';
      const length = Math.floor(random() * 120);
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)];
      const result = readClientCsv(text);
      if (!result.ok) {
        expect(result.error).not.toBe('');
        continue;
      }
      for (const row of result.rows) {
        expect(row.draft.name).not.toBe('');
        expect(Object.keys(row.draft.identities).sort()).toEqual(['facebook', 'instagram', 'linkedin']);
      }
      for (const rejection of result.rejected) {
        expect(rejection.line).toBeGreaterThanOrEqual(2);
        expect(rejection.reason).not.toBe('');
      }
    }
  });
});

describe('writeClientCsv', () => {
  it('writes only the header for no clients', () => {
    expect(writeClientCsv([])).toBe(EXPORT_HEADER);
  });

  it('writes the columns, profile URLs and minimal quoting', () => {
    const csv = writeClientCsv([
      draft('Okoro, Chidi', {
        aliases: ['Chi', 'C. Okoro'],
        identities: { facebook: ['chidiokoro', '100004567890'], instagram: ['chidi.o'] },
      }),
      draft('Ines "Nessa" Duarte', { status: 'former', identities: { linkedin: ['zoë-dubois'] } }),
      draft('Ada'),
    ]);
    expect(csv).toBe(
      EXPORT_HEADER +
        '"Okoro, Chidi",current,Chi; C. Okoro,' +
        'https://www.facebook.com/chidiokoro; https://www.facebook.com/profile.php?id=100004567890,' +
        `https://www.instagram.com/chidi.o/,${PLAIN}\r\n` +
        `"Ines ""Nessa"" Duarte",former,,,,https://www.linkedin.com/in/zo%C3%AB-dubois/${PLAIN}\r\n` +
        `Ada,current,,,,${PLAIN}\r\n`,
    );
  });

  const guardCases: { name: string; written: string }[] = [
    { name: '=SUM(A1:A9)', written: "'=SUM(A1:A9)" },
    { name: '+44 Ada', written: "'+44 Ada" },
    { name: '-Ada', written: "'-Ada" },
    { name: '@Ada', written: "'@Ada" },
    { name: '\tAda', written: "'\tAda" },
    { name: '\rAda', written: `"'\rAda"` },
    { name: "'=Ada", written: "''=Ada" },
    { name: "'Ada", written: "'Ada" },
    { name: 'Ada-Mae', written: 'Ada-Mae' },
  ];

  it.each(guardCases)('guards the cell $name against formulas', ({ name, written }) => {
    expect(writeClientCsv([draft(name)])).toBe(`${EXPORT_HEADER}${written},current,,,,${PLAIN}\r\n`);
  });

  it('guards alias cells as well', () => {
    expect(writeClientCsv([draft('Ada', { aliases: ['=cmd', 'Addie'] })])).toBe(
      `${EXPORT_HEADER}Ada,current,'=cmd; Addie,,,${PLAIN}\r\n`,
    );
  });
});

describe('export then import', () => {
  it('gives back the same drafts', () => {
    const drafts: ClientDraft[] = [
      draft('Okoro, Chidi', {
        aliases: ['Chi', 'C. Okoro'],
        identities: { facebook: ['chidiokoro', '100004567890'], instagram: ['chidi.o'] },
      }),
      draft('Ines "Nessa" Duarte', { status: 'former', aliases: ['"Nessa"'] }),
      draft('Αλέξης Παπαδόπουλος', { aliases: ['Αλέκος'], identities: { linkedin: ['αλέξης-παπαδόπουλος'] } }),
      draft('李小龙', { status: 'former', identities: { instagram: ['li.xiaolong'] } }),
      draft('محمد العلي', { identities: { linkedin: ['zoë-dubois', 'mohammed_ali'] } }),
      draft('Two\r\nLines, "quoted"', { aliases: ['=not a formula', "'quoted'"] }),
      draft('=HYPERLINK("x")'),
      draft("'-already guarded"),
      draft('@handle-like', { aliases: ['+plus', '-minus'] }),
    ];
    const result = imported(readClientCsv(writeClientCsv(drafts)));
    expect(result.rejected).toEqual([]);
    expect(result.rows.map((row) => row.draft)).toEqual(drafts);
    // The two-line name pushes every later record down one line.
    expect(result.rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 9, 10, 11]);
  });

  it('survives a BOM being added by whoever saves the file', () => {
    const drafts = [draft('Zoë', { identities: { facebook: ['zoedubois'] } })];
    const result = imported(readClientCsv(`\uFEFF${writeClientCsv(drafts)}`));
    expect(result.rows.map((row) => row.draft)).toEqual(drafts);
  });
});
