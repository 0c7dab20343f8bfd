import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, readClientCsv, readClientCsvFile } from '@/lib/clients/client-csv';
import { cleanDraft, clientLimitProblems, CLIENT_LIMITS, stripInvisible } from '@/lib/clients/limits';
import { emptyIdentities } from '@/lib/clients/model';
import { draft } from './draft';

describe('client limits', () => {
  it('a record at every limit passes; one past any of them says which', () => {
    const { text, aliases, identitiesPerPlatform } = CLIENT_LIMITS;
    const at = draft('n'.repeat(text), {
      aliases: Array.from({ length: aliases }, (_, i) => `${i}`.padEnd(text, 'a')),
      identities: { ...emptyIdentities(), instagram: Array.from({ length: identitiesPerPlatform }, (_, i) => `user_${i}`) },
    });
    expect(clientLimitProblems(at)).toEqual([]);
    expect(clientLimitProblems({ ...at, name: at.name + 'n' })).toEqual(['the name is longer than 200 characters']);
    expect(clientLimitProblems({ ...at, aliases: [...at.aliases, 'one more'] })).toEqual(['more than 30 other names']);
    expect(clientLimitProblems({ ...at, aliases: ['a'.repeat(text + 1)] })).toEqual(['another name is longer than 200 characters']);
    expect(clientLimitProblems({ ...at, identities: { ...at.identities, instagram: [...at.identities.instagram, 'user_x'] } })).toEqual([
      'more than 30 instagram profiles',
    ]);
  });

  it('counts characters, not UTF-16 units: 200 emoji are 200 characters', () => {
    expect(clientLimitProblems(draft('😀'.repeat(200)))).toEqual([]);
  });
});

describe('invisible characters', () => {
  const invisible = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
  it.each(invisible.map((c) => [c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'), c]))('U+%s is taken out of names', (_code, c) => {
    expect(stripInvisible(`Ana${c} Souza`)).toEqual({ text: 'Ana Souza', stripped: true });
  });

  it('keeps the zero-width non-joiner and joiner between letters, where they spell a Persian or Indic name, and nowhere else', () => {
    for (const name of ['علی\u200Cرضا احمدی', 'مهر\u200Cناز', 'क्\u200Dष', 'ശ്രീ\u200Cലക്ഷ്മി']) expect(stripInvisible(name)).toEqual({ text: name, stripped: false });
    expect(stripInvisible('\u200Cعلی\u200C رضا\u200D')).toEqual({ text: 'علی رضا', stripped: true });
  });

  it('leaves ordinary text, accents and other scripts alone', () => {
    for (const name of ['José Álvarez', 'Zoë Dubois', 'محمد علي', '李小龙', 'Ngũgĩ wa Thiong’o']) expect(stripInvisible(name)).toEqual({ text: name, stripped: false });
  });

  it('a draft is cleaned field by field and says which fields lost characters', () => {
    expect(cleanDraft(draft('\u202Eanа Souza', { aliases: ['Ani\u200Bnha', 'Aninha', ' '] }))).toEqual({
      draft: draft('anа Souza', { aliases: ['Aninha'] }),
      cleaned: ['name', 'aliases'],
    });
  });
});

const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => ({ é: 0xe9, ã: 0xe3, '’': 0x92, ñ: 0xf1 })[c] ?? c.charCodeAt(0)));

describe('CSV file encodings', () => {
  it('UTF-8, with or without its byte-order mark, is read as UTF-8', () => {
    const text = 'name\nJosé\n';
    expect(decodeCsvBytes(new TextEncoder().encode(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });

  it('a spreadsheet’s plain "CSV" (Windows-1252) is read as such, and the result says so', () => {
    const bytes = cp1252('name,aliases\nJosé Conceição,O’Brien\nMaría Peña,\n');
    expect(bytes.includes(0xe9)).toBe(true);
    const read = readClientCsvFile(bytes);
    expect(read).toMatchObject({ ok: true, encoding: 'windows-1252' });
    if (read.ok) expect(read.rows.map((r) => [r.draft.name, r.draft.aliases])).toEqual([
      ['José Conceição', ['O’Brien']],
      ['María Peña', []],
    ]);
  });

  it('a file marked UTF-8 with invalid bytes, or bytes Windows-1252 does not define, is refused with a reason', () => {
    expect(decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xe9, 0x0a]))).toEqual({ ok: false, error: expect.stringMatching(/says it is UTF-8/) });
    expect(decodeCsvBytes(Uint8Array.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x41, 0x81, 0xe9]))).toEqual({ ok: false, error: expect.stringMatching(/neither UTF-8 nor Windows-1252/) });
  });
});

describe('CSV rows: limits and invisible characters', () => {
  it('a row past a limit is refused with its line; a name of invisible characters only is blank', () => {
    const read = readClientCsv(`name,aliases\n${'x'.repeat(201)},\nAna,\n\u200B\u200E,\n`);
    expect(read).toMatchObject({ ok: true, rejected: [
      { line: 2, reason: 'the name is longer than 200 characters' },
      { line: 4, reason: 'name is blank' },
    ] });
  });

  it('names and aliases lose bidi controls and zero-width characters, and each row says so', () => {
    const read = readClientCsv('name,aliases\n"Ana \u202Ezuos",Ani\u200Dnha\nMia Hart,\n');
    expect(read).toEqual({
      ok: true,
      rejected: [],
      given: [],
      rows: [
        { line: 2, draft: draft('Ana zuos', { aliases: ['Aninha'] }), cleaned: ['name', 'aliases'] },
        { line: 3, draft: draft('Mia Hart') },
      ],
    });
  });
});
