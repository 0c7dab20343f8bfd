import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BOUNDARY_DEFAULTS, DEFAULT_CHOICES, diffChoices, normaliseChoices, policyDefaults, type PolicyChoices } from '@/lib/practice-policy/choices';
import { exportFileName, exportText, printPath, versionDate } from '@/lib/practice-policy/export';
import { generatedText } from '@/lib/practice-policy/generate';
import Dexie from 'dexie';
import { BoundaryDb } from '@/lib/db';
import { LEGACY_POLICY_KEY } from '@/lib/db/upgrades';
import { loadPolicyVersions, savePolicyVersion } from '@/lib/practice-policy/store';
import { nextVersion, normaliseVersions, sameAsVersion, type PolicyDraft } from '@/lib/practice-policy/versions';
import { opensAnswer, policyReplyNote } from '@/lib/replies/situations';
import { PRACTICE } from './samples';

function draftOf(choices: PolicyChoices, edits: Partial<Record<'en' | 'es', string>> = {}): PolicyDraft {
  const generated = { en: generatedText(choices, PRACTICE, 'en'), es: generatedText(choices, PRACTICE, 'es') };
  return { choices, generated, texts: { en: edits.en ?? generated.en, es: edits.es ?? generated.es } };
}

const MARCH_14 = Date.UTC(2026, 2, 14, 10, 30);
const MARCH_20 = Date.UTC(2026, 2, 20, 9, 0);

describe('choices', () => {
  it('read back with defaults for whatever is missing or malformed', () => {
    expect(normaliseChoices(undefined)).toEqual(DEFAULT_CHOICES);
    expect(
      normaliseChoices({ sites: ['linkedin', 'myspace', 'facebook', 'linkedin'], messages: 'shout', formerYears: 99, complaintsBody: '  the   Board ', otherSites: 'yes' }),
    ).toEqual({ ...DEFAULT_CHOICES, sites: ['facebook', 'linkedin'], formerYears: 10, complaintsBody: 'the Board' });
    expect(normaliseChoices({ formerYears: -3 }).formerYears).toBe(1);
  });

  it('differ choice by choice, in the form’s order; the years count only while in use', () => {
    const after: PolicyChoices = { ...DEFAULT_CHOICES, searches: 'never', sites: ['facebook'], formerYears: 6 };
    expect(diffChoices(DEFAULT_CHOICES, after)).toEqual([
      { key: 'sites', from: ['facebook', 'instagram', 'linkedin'], to: ['facebook'] },
      { key: 'searches', from: 'crisis', to: 'never' },
    ]);
    const inUse = { ...DEFAULT_CHOICES, formerClients: 'after-years' as const };
    expect(diffChoices(inUse, { ...inUse, formerYears: 6 })).toEqual([{ key: 'formerYears', from: 2, to: 6 }]);
    expect(diffChoices(DEFAULT_CHOICES, { ...DEFAULT_CHOICES })).toEqual([]);
  });

  it('set what Boundary suggests: a quiet decline or a note, a redirect or none', () => {
    expect(BOUNDARY_DEFAULTS).toEqual({ requestReply: 'decline', messageReply: 'redirect' });
    const noted = policyDefaults({ ...DEFAULT_CHOICES, requestReply: 'note', messages: 'no-reply' });
    expect(noted).toEqual({ requestReply: 'answer', messageReply: 'none' });
    expect(opensAnswer('request', noted)).toBe(true);
    expect(opensAnswer('request', BOUNDARY_DEFAULTS)).toBe(false);
    expect(opensAnswer('message', noted)).toBe(false);
    expect(policyReplyNote('message', noted)).toMatch(/don't answer messages/);
    expect(policyReplyNote('message', BOUNDARY_DEFAULTS)).toBeUndefined();
    expect(policyReplyNote('request', noted)).toBeUndefined();
  });
});

describe('versions', () => {
  it('number themselves, keep their date, and record what changed since the one before', () => {
    const first = nextVersion(undefined, draftOf(DEFAULT_CHOICES), MARCH_14);
    expect(first).toMatchObject({ number: 1, savedAt: MARCH_14, edited: [], changes: [], textChanged: [] });
    expect(first.texts.en).toContain('Social media policy: Harbour Lane Practice');
    expect(first.texts.es).toContain('Política de redes sociales');

    const changed = { ...DEFAULT_CHOICES, checkIns: 'ask-not' as const };
    const edited = `${generatedText(changed, PRACTICE, 'en')}\n\nA sentence of my own.`;
    const second = nextVersion(first, draftOf(changed, { en: edited }), MARCH_20);
    expect(second).toMatchObject({
      number: 2,
      savedAt: MARCH_20,
      edited: ['en'],
      changes: [{ key: 'checkIns', from: 'warn', to: 'ask-not' }],
      textChanged: ['en', 'es'],
    });
    expect(second.texts.en.endsWith('A sentence of my own.')).toBe(true);
  });

  it('see text edited by hand apart from text that merely follows new settings', () => {
    const first = nextVersion(undefined, draftOf(DEFAULT_CHOICES), MARCH_14);
    const newPhone = { ...PRACTICE, phone: '+44 20 7946 0999' };
    const generated = { en: generatedText(DEFAULT_CHOICES, newPhone, 'en'), es: generatedText(DEFAULT_CHOICES, newPhone, 'es') };
    const second = nextVersion(first, { choices: DEFAULT_CHOICES, generated, texts: generated }, MARCH_20);
    expect(second).toMatchObject({ edited: [], changes: [], textChanged: ['en', 'es'] });
  });

  it('know when a draft adds nothing to the last version (trailing spaces and CRLF aside)', () => {
    const first = nextVersion(undefined, draftOf(DEFAULT_CHOICES), MARCH_14);
    expect(sameAsVersion(undefined, draftOf(DEFAULT_CHOICES))).toBe(false);
    expect(sameAsVersion(first, draftOf(DEFAULT_CHOICES))).toBe(true);
    expect(sameAsVersion(first, draftOf(DEFAULT_CHOICES, { es: `${first.texts.es.replace(/\n/g, '\r\n')}  \n` }))).toBe(true);
    expect(sameAsVersion(first, draftOf({ ...DEFAULT_CHOICES, publicPage: true }))).toBe(false);
    expect(sameAsVersion(first, draftOf(DEFAULT_CHOICES, { es: 'Otra cosa.' }))).toBe(false);
  });

  it('read back from storage dropping what is malformed, oldest first, numbers distinct', () => {
    const good = nextVersion(undefined, draftOf(DEFAULT_CHOICES), MARCH_14);
    const later = { ...nextVersion(good, draftOf({ ...DEFAULT_CHOICES, searches: 'never' }), MARCH_20), edited: ['es', 'fr'] };
    const stored = [later, { ...good, texts: { en: 'only English' } }, 'junk', { ...good, number: 0 }, good, { ...good, choices: { messages: 'no-reply' } }];
    const read = normaliseVersions(stored);
    expect(read.map((v) => v.number)).toEqual([1, 2]);
    expect(read[0]).toEqual(good);
    expect(read[1]!.edited).toEqual(['es']);
    expect(read[1]!.changes).toEqual([{ key: 'searches', from: 'crisis', to: 'never' }]);
    expect(normaliseVersions({ not: 'a list' })).toEqual([]);
  });
});

describe('the versions in the database', () => {
  let db: BoundaryDb;
  let n = 0;
  beforeEach(() => {
    fakeBrowser.reset();
    db = new BoundaryDb(`policy-versions-${++n}`);
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('round-trip as one row each, and saving the same draft twice keeps one version', async () => {
    expect(await loadPolicyVersions(db)).toEqual([]);
    await savePolicyVersion(db, draftOf(DEFAULT_CHOICES), MARCH_14);
    const again = await savePolicyVersion(db, draftOf(DEFAULT_CHOICES), MARCH_20);
    expect(again).toHaveLength(1);
    const both = await savePolicyVersion(db, draftOf({ ...DEFAULT_CHOICES, changes: 'session' }), MARCH_20);
    expect(both.map((v) => v.number)).toEqual([1, 2]);
    expect(await loadPolicyVersions(db)).toEqual(both);
    expect((await db.policyVersions.toArray()).map((row) => row.number)).toEqual([1, 2]);
    // Nothing goes to storage.local any more.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('two saves at once number their versions one after the other', async () => {
    const [a, b] = await Promise.all([
      savePolicyVersion(db, draftOf({ ...DEFAULT_CHOICES, changes: 'session' }), MARCH_14),
      savePolicyVersion(db, draftOf({ ...DEFAULT_CHOICES, changes: 'website' }), MARCH_20),
    ]);
    expect([a!.length, b!.length].sort()).toEqual([1, 2]);
    expect((await loadPolicyVersions(db)).map((v) => [v.number, v.choices.changes])).toEqual([
      [1, 'session'],
      [2, 'website'],
    ]);
  });

  it('versions kept in storage.local by the release before move into the table as it opens, and the key goes', async () => {
    const first = nextVersion(undefined, draftOf(DEFAULT_CHOICES), MARCH_14);
    const second = nextVersion(first, draftOf({ ...DEFAULT_CHOICES, searches: 'never' }), MARCH_20);
    await fakeBrowser.storage.local.set({ [LEGACY_POLICY_KEY]: { shape: 1, versions: [first, second, { number: 'bad' }] } });
    expect(await loadPolicyVersions(db)).toEqual([first, second]);
    expect(await fakeBrowser.storage.local.get(LEGACY_POLICY_KEY)).toEqual({});
    // The next version follows on from them.
    const third = await savePolicyVersion(db, draftOf({ ...DEFAULT_CHOICES, changes: 'session' }), MARCH_20 + 1);
    expect(third.map((v) => v.number)).toEqual([1, 2, 3]);
    expect(third[2]!.changes.map((c) => c.key)).toEqual(['searches', 'changes']);
  });
});

describe('exports', () => {
  it('date a version in its own language and name the file after it', () => {
    const version = nextVersion(undefined, draftOf(DEFAULT_CHOICES), MARCH_14);
    expect(versionDate(MARCH_14, 'en')).toBe('14 March 2026');
    expect(versionDate(MARCH_14, 'es')).toBe('14 de marzo de 2026');
    expect(exportText(version, 'en')).toBe(`${version.texts.en}\n\nVersion of 14 March 2026\n`);
    expect(exportText(version, 'es').endsWith('Versión del 14 de marzo de 2026\n')).toBe(true);
    expect(exportFileName(version, 'es')).toBe('social-media-policy-v1-es-2026-03-14.txt');
    expect(printPath(version, 'en')).toBe('/policy-print.html?version=1&lang=en');
  });
});
