import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoundaryDb } from '@/lib/db';
import { crisisLineFor, DEFAULT_SETTINGS, normaliseSettings, validateSettings, type PracticeSettings } from '@/lib/settings/practice';
import { InvalidSettingsError, loadSettings, saveSettings } from '@/lib/settings/store';

const withField = (over: Partial<PracticeSettings>) => ({ ...DEFAULT_SETTINGS, ...over });

describe('practice settings', () => {
  it('unconfigured is valid, and names a generic crisis line rather than a wrong number', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({});
    expect(crisisLineFor(DEFAULT_SETTINGS, 'en')).toBe('a local crisis line');
    expect(crisisLineFor(DEFAULT_SETTINGS, 'es')).toBe('una línea de crisis local');
  });

  it.each([
    ['uk-ie', 'Samaritans on 116 123'],
    ['us', 'the 988 Lifeline (call or text 988)'],
    ['ca', 'the 9-8-8 helpline (call or text 9-8-8)'],
    ['au', 'Lifeline on 13 11 14'],
  ] as const)('region %s names %s', (region, line) => {
    expect(crisisLineFor(withField({ region }), 'en')).toBe(line);
  });

  it.each([
    ['phone', '+44 20 7946 0321', true],
    ['phone', '(555) 010-0199 ext. 12', true],
    ['phone', '116 123', true],
    ['phone', 'call me', false],
    ['phone', '12', false],
    ['portalUrl', 'https://portal.example.com/login', true],
    ['portalUrl', 'http://portal.example.com', false],
    ['portalUrl', 'portal.example.com', false],
    ['portalUrl', 'https://localhost', false],
    ['portalUrl', 'javascript:alert(1)', false],
    ['secureEmail', 'secure@harbourlane.example', true],
    ['secureEmail', 'secure@', false],
    ['secureEmail', 'a b@example.com', false],
    ['practiceName', 'x'.repeat(81), false],
    ['crisisLine', 'x'.repeat(121), false],
  ] as const)('%s “%s” valid: %s', (field, value, valid) => {
    const errors = validateSettings(withField({ [field]: value }));
    expect(errors[field] === undefined).toBe(valid);
  });

  it('reads whatever was stored: missing or malformed fields take their defaults', () => {
    expect(normaliseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normaliseSettings({ phone: ' 0161  496 0000 ', region: 'atlantis', language: 'xx', practiceName: 42 })).toEqual({
      ...DEFAULT_SETTINGS,
      phone: '0161 496 0000',
    });
  });
});

describe('settings store', () => {
  let db: BoundaryDb;
  let n = 0;
  beforeEach(() => {
    db = new BoundaryDb(`settings-${++n}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('defaults until saved, then what was saved, trimmed', async () => {
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
    await saveSettings(db, withField({ practiceName: '  Harbour Lane  ', region: 'uk-ie', language: 'es' }));
    expect(await loadSettings(db)).toEqual(withField({ practiceName: 'Harbour Lane', region: 'uk-ie', language: 'es' }));
  });

  it('refuses invalid settings and keeps the old ones', async () => {
    await saveSettings(db, withField({ phone: '0161 496 0000' }));
    await expect(saveSettings(db, withField({ portalUrl: 'http://insecure.example' }))).rejects.toBeInstanceOf(InvalidSettingsError);
    expect((await loadSettings(db)).phone).toBe('0161 496 0000');
  });
});
