import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readClientCsv, writeClientCsv } from '@/lib/clients/client-csv';
import { BoundaryDb } from '@/lib/db';
import { importDrafts, listClients } from '@/lib/clients/store';
import { foldName, identityFromHref, nameKey, parseIdentity, parseIdentityList } from '@/lib/identity';
import { PLATFORMS } from '@/lib/identity/platform';
import { say } from '@/lib/i18n/t';

// Random and hostile input: whatever arrives, nothing throws, and what is accepted is sound.
const platform = fc.constantFrom(...PLATFORMS);
const messy = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom('<script>alert(1)</script>', '=HYPERLINK("x")', '"', '""', '\r\n', '\u0000', '%E0%A4%A', '@', '/in/', '?id='),
);

describe('identity parsing never crashes', () => {
  it('parseIdentity answers ok or a reason for anything', () => {
    fc.assert(
      fc.property(platform, messy, (p, input) => {
        const result = parseIdentity(p, input);
        if (result.ok) {
          expect(result.identity.length).toBeGreaterThan(0);
          // A canonical identity reads back as itself.
          expect(parseIdentity(p, result.identity)).toEqual(result);
        } else {
          expect(say(result.reason).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('parseIdentityList and identityFromHref never throw', () => {
    fc.assert(
      fc.property(platform, messy, messy, (p, input, base) => {
        parseIdentityList(p, input);
        identityFromHref(p, input, base);
        identityFromHref(p, input);
      }),
      { numRuns: 2000 },
    );
  });

  it('name folding never throws and is stable', () => {
    fc.assert(
      fc.property(messy, (name) => {
        expect(foldName(foldName(name))).toBe(foldName(name));
        expect(nameKey(nameKey(name))).toBe(nameKey(name));
      }),
      { numRuns: 2000 },
    );
  });
});

const cell = fc.oneof(messy, fc.constantFrom('current', 'former', 'FORMER', ' ', ''));
const csvText = fc
  .tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { maxLength: 12 }), fc.constantFrom('\n', '\r\n'))
  .map(([rows, lineEnd]) =>
    [['name', 'status', 'aliases', 'facebook', 'instagram', 'linkedin'], ...rows]
      .map((row) => row.map((value) => `"${value.replaceAll('"', '""')}"`).join(','))
      .join(lineEnd),
  );

describe('CSV import with hostile files', () => {
  let db: BoundaryDb;
  let n = 0;
  beforeEach(() => {
    db = new BoundaryDb(`prop-${++n}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('reads any text without throwing, and every row is either kept or refused with its line', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), csvText), (text) => {
        const result = readClientCsv(text);
        if (!result.ok) {
          expect(result.error.length).toBeGreaterThan(0);
          return;
        }
        for (const row of result.rows) expect(row.draft.name.trim()).not.toBe('');
        for (const rejection of result.rejected) expect(rejection.line).toBeGreaterThan(1);
        const lines = [...result.rows.map((r) => r.line), ...result.rejected.map((r) => r.line)];
        expect(new Set(lines).size).toBe(lines.length);
      }),
      { numRuns: 500 },
    );
  });

  it('an import writes all its good rows or nothing, and exports back to what it read', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        const result = readClientCsv(text);
        if (!result.ok) return;
        await db.clients.clear();
        const drafts = result.rows.map((row) => row.draft);
        await importDrafts(db, drafts);
        const saved = await listClients(db);
        expect(saved.length).toBeLessThanOrEqual(drafts.length);
        const again = readClientCsv(writeClientCsv(saved));
        expect(again.ok && again.rejected).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
