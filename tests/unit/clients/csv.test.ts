import { describe, it, expect } from 'vitest';
import { readCsv, writeCsv, type CsvRecord } from '@/lib/clients/csv';

/** Deterministic PRNG so a failing fuzz case can be reproduced. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('readCsv', () => {
  const cases: { name: string; input: string; expected: CsvRecord[] }[] = [
    { name: 'empty text', input: '', expected: [] },
    { name: 'only a BOM', input: '\uFEFF', expected: [] },
    {
      name: 'simple rows with LF',
      input: 'a,b\nc,d\n',
      expected: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['c', 'd'] },
      ],
    },
    {
      name: 'CRLF and no final line break',
      input: 'a,b\r\nc,d',
      expected: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['c', 'd'] },
      ],
    },
    {
      name: 'lone CR line ends',
      input: 'a\rb\r',
      expected: [
        { line: 1, fields: ['a'] },
        { line: 2, fields: ['b'] },
      ],
    },
    {
      name: 'mixed line ends',
      input: 'a\r\nb\nc\rd',
      expected: [
        { line: 1, fields: ['a'] },
        { line: 2, fields: ['b'] },
        { line: 3, fields: ['c'] },
        { line: 4, fields: ['d'] },
      ],
    },
    {
      name: 'leading BOM is stripped',
      input: '\uFEFFname\r\nx\r\n',
      expected: [
        { line: 1, fields: ['name'] },
        { line: 2, fields: ['x'] },
      ],
    },
    {
      name: 'quoted comma and doubled quotes',
      input: '"Okoro, Chidi","Ines ""Nessa"" Duarte"\n',
      expected: [{ line: 1, fields: ['Okoro, Chidi', 'Ines "Nessa" Duarte'] }],
    },
    {
      name: 'quoted line breaks push later line numbers down',
      input: 'h\n"one\r\ntwo\nthree\rfour"\nnext\n',
      expected: [
        { line: 1, fields: ['h'] },
        { line: 2, fields: ['one\r\ntwo\nthree\rfour'] },
        { line: 6, fields: ['next'] },
      ],
    },
    {
      name: 'empty fields and trailing comma',
      input: ',a,,\n',
      expected: [{ line: 1, fields: ['', 'a', '', ''] }],
    },
    {
      name: 'empty quoted field and a field that is just a quote',
      input: '"",""""\n',
      expected: [{ line: 1, fields: ['', '"'] }],
    },
    {
      name: 'blank lines become one empty field each',
      input: 'a\n\n\r\nb\n',
      expected: [
        { line: 1, fields: ['a'] },
        { line: 2, fields: [''] },
        { line: 3, fields: [''] },
        { line: 4, fields: ['b'] },
      ],
    },
    {
      name: 'stray quote inside an unquoted field is literal',
      input: 'ab"c,d\n',
      expected: [{ line: 1, fields: ['ab"c', 'd'] }],
    },
    {
      name: 'text after a closing quote is kept',
      input: '"ab"cd,e\n',
      expected: [{ line: 1, fields: ['abcd', 'e'] }],
    },
    {
      name: 'unterminated quote runs to the end',
      input: 'a,"b,c\nd',
      expected: [{ line: 1, fields: ['a', 'b,c\nd'] }],
    },
    {
      name: 'spaces are kept as written',
      input: ' a , b \n',
      expected: [{ line: 1, fields: [' a ', ' b '] }],
    },
    {
      name: 'a BOM that is not first is kept',
      input: 'a\n\uFEFFb\n',
      expected: [
        { line: 1, fields: ['a'] },
        { line: 2, fields: ['\uFEFFb'] },
      ],
    },
  ];

  it.each(cases)('$name', ({ input, expected }) => {
    expect(readCsv(input)).toEqual(expected);
  });

  it('parses 10,000 rows', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `"Name, ${i}",current,x${i}\r\n`).join('');
    const records = readCsv(text);
    expect(records).toHaveLength(10_000);
    expect(records[9_999]).toEqual({ line: 10_000, fields: ['Name, 9999', 'current', 'x9999'] });
  });

  it('never throws on random input and keeps line numbers increasing', () => {
    const alphabet = ['"', ',', '\r', '\n', 'a', ' ', '\uFEFF', '\u0000', 'é', '😀'];
    const random = mulberry32(42);
    for (let round = 0; round < 500; round++) {
      let text = '';
      const length = Math.floor(random() * 60);
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)];
      const records = readCsv(text);
      for (let r = 1; r < records.length; r++) {
        expect(records[r]!.line).toBeGreaterThan(records[r - 1]!.line);
      }
    }
  });
});

describe('writeCsv', () => {
  const cases: { name: string; rows: string[][]; expected: string }[] = [
    { name: 'no rows', rows: [], expected: '' },
    { name: 'plain fields', rows: [['a', 'b'], ['c', 'd']], expected: 'a,b\r\nc,d\r\n' },
    { name: 'comma', rows: [['Okoro, Chidi']], expected: '"Okoro, Chidi"\r\n' },
    { name: 'quotes', rows: [['Ines "Nessa" Duarte']], expected: '"Ines ""Nessa"" Duarte"\r\n' },
    { name: 'LF', rows: [['a\nb']], expected: '"a\nb"\r\n' },
    { name: 'CR', rows: [['a\rb']], expected: '"a\rb"\r\n' },
    { name: 'leading space', rows: [[' a']], expected: '" a"\r\n' },
    { name: 'trailing space', rows: [['a ']], expected: '"a "\r\n' },
    { name: 'inner space only', rows: [['a b']], expected: 'a b\r\n' },
    { name: 'empty fields', rows: [['', 'x', '']], expected: ',x,\r\n' },
    { name: 'non-Latin text', rows: [['Αλέξης', '李小龙']], expected: 'Αλέξης,李小龙\r\n' },
    { name: 'formula-like text is not altered here', rows: [['=1+1']], expected: '=1+1\r\n' },
  ];

  it.each(cases)('$name', ({ rows, expected }) => {
    expect(writeCsv(rows)).toBe(expected);
  });

  it('round-trips through readCsv', () => {
    const rows = [
      ['name', 'note'],
      ['Okoro, Chidi', 'Ines "Nessa" Duarte'],
      ['multi\r\nline', ' padded '],
      ['', '"'],
      ['Ørsted', 'محمد'],
    ];
    expect(readCsv(writeCsv(rows)).map((r) => r.fields)).toEqual(rows);
  });
});
