/**
 * The practice's own details that replies point to. Every field is optional: an unconfigured
 * install still produces a sensible reply, because lines whose details are missing are left out
 * (lib/replies/placeholders.ts) and the crisis line falls back to a generic one.
 */

import { t, type MessageKey } from '@/lib/i18n/t';

export const REPLY_LANGUAGES = ['en', 'es'] as const;
export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<ReplyLanguage, MessageKey> = { en: 'language_en', es: 'language_es' };

export function isReplyLanguage(value: unknown): value is ReplyLanguage {
  return typeof value === 'string' && (REPLY_LANGUAGES as readonly string[]).includes(value);
}

/**
 * Where the practice is, which decides the crisis line replies name. Numbers as the services
 * publish them (2026): 988 Suicide & Crisis Lifeline (US, call or text), Samaritans 116 123
 * (free in the UK and Ireland), 9-8-8 Suicide Crisis Helpline (Canada, call or text), Lifeline
 * 13 11 14 (Australia), 1737 "Need to talk?" (New Zealand, call or text), 024 (Spain's line for
 * suicidal crisis), Línea de la Vida 800 911 2000 (Mexico). Each is worded to follow "contact".
 * "Elsewhere" names no number: a wrong number is worse than none.
 */
export const REGIONS = {
  us: { label: 'region_us', crisisLine: { en: 'the 988 Lifeline (call or text 988)', es: 'la línea 988 (llamada o texto al 988; atiende en español)' } },
  'uk-ie': { label: 'region_uk_ie', crisisLine: { en: 'Samaritans on 116 123', es: 'Samaritans en el 116 123' } },
  ca: { label: 'region_ca', crisisLine: { en: 'the 9-8-8 helpline (call or text 9-8-8)', es: 'la línea 9-8-8 (llamada o texto al 9-8-8)' } },
  au: { label: 'region_au', crisisLine: { en: 'Lifeline on 13 11 14', es: 'Lifeline en el 13 11 14' } },
  nz: { label: 'region_nz', crisisLine: { en: 'the 1737 helpline (call or text 1737)', es: 'la línea 1737 (llamada o texto al 1737)' } },
  es: { label: 'region_es', crisisLine: { en: 'the 024 helpline', es: 'la línea 024' } },
  mx: { label: 'region_mx', crisisLine: { en: 'Línea de la Vida on 800 911 2000', es: 'la Línea de la Vida en el 800 911 2000' } },
  other: { label: 'region_other', crisisLine: { en: 'a local crisis line', es: 'una línea de crisis local' } },
} as const satisfies Record<string, { label: MessageKey; crisisLine: Record<ReplyLanguage, string> }>;
export type RegionId = keyof typeof REGIONS;
export const REGION_IDS = Object.keys(REGIONS) as RegionId[];

export function isRegion(value: unknown): value is RegionId {
  return typeof value === 'string' && Object.hasOwn(REGIONS, value);
}

export interface PracticeSettings {
  /** Practice or clinician name, as the reply signs off. */
  practiceName: string;
  phone: string;
  /** https address of the secure client portal. */
  portalUrl: string;
  secureEmail: string;
  /** https address where the practice publishes its social-media policy. */
  policyUrl: string;
  region: RegionId;
  /** The practice's own wording for the crisis line; blank means the region's. */
  crisisLine: string;
  /** The language of the replies offered first. */
  language: ReplyLanguage;
}

export const DEFAULT_SETTINGS: Readonly<PracticeSettings> = {
  practiceName: '',
  phone: '',
  portalUrl: '',
  secureEmail: '',
  policyUrl: '',
  region: 'other',
  crisisLine: '',
  language: 'en',
};

export type SettingsField = keyof PracticeSettings;
export type SettingsErrors = Partial<Record<SettingsField, string>>;

const MAX = { practiceName: 80, phone: 30, portalUrl: 300, secureEmail: 120, policyUrl: 300, crisisLine: 120 };

/** Why each field is not acceptable; empty when all are. Blank optional fields are fine. */
export function validateSettings(settings: PracticeSettings): SettingsErrors {
  const errors: SettingsErrors = {};
  const { practiceName, phone, portalUrl, secureEmail, policyUrl, crisisLine } = trimmed(settings);
  if (practiceName.length > MAX.practiceName) errors.practiceName = t('common_at_most_chars', MAX.practiceName);
  if (phone) {
    const digits = phone.replace(/\D/g, '').length;
    if (phone.length > MAX.phone || !/^\+?[\d\s().\-/]+(?:\s*(?:ext\.?|x)\s*\d+)?$/i.test(phone)) {
      errors.phone = t('settings_error_phone_format');
    } else if (digits < 3 || digits > 17) {
      errors.phone = t('settings_error_phone_digits');
    }
  }
  const portalError = addressError(portalUrl, MAX.portalUrl);
  if (portalError) errors.portalUrl = portalError;
  const policyError = addressError(policyUrl, MAX.policyUrl);
  if (policyError) errors.policyUrl = policyError;
  if (secureEmail && (secureEmail.length > MAX.secureEmail || !/^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]{2,}$/.test(secureEmail))) {
    errors.secureEmail = t('settings_error_email');
  }
  if (crisisLine.length > MAX.crisisLine) errors.crisisLine = t('common_at_most_chars', MAX.crisisLine);
  if (!isRegion(settings.region)) errors.region = t('settings_error_region');
  if (!isReplyLanguage(settings.language)) errors.language = t('settings_error_language');
  return errors;
}

/** Why an https address the replies will carry is not acceptable; blank is fine. */
function addressError(text: string, max: number): string | undefined {
  if (!text) return undefined;
  const url = parseUrl(text);
  if (!url || text.length > max) return t('settings_error_url');
  if (url.protocol !== 'https:') return t('settings_error_https');
  if (!url.hostname.includes('.') || url.username || url.password) return t('settings_error_url');
  return undefined;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Every text field trimmed and on one line, as it is stored. */
export function trimmed(settings: PracticeSettings): PracticeSettings {
  const line = (v: string) => v.replace(/\s+/g, ' ').trim();
  return {
    ...settings,
    practiceName: line(settings.practiceName),
    phone: line(settings.phone),
    portalUrl: line(settings.portalUrl),
    secureEmail: line(settings.secureEmail),
    policyUrl: line(settings.policyUrl),
    crisisLine: line(settings.crisisLine),
  };
}

/**
 * Settings as read back from storage, whatever was stored: a missing or malformed field takes its
 * default, so a partly written or older record never breaks the replies.
 */
export function normaliseSettings(stored: unknown): PracticeSettings {
  const raw = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const text = (key: keyof typeof MAX) => (typeof raw[key] === 'string' ? (raw[key] as string).slice(0, MAX[key]) : DEFAULT_SETTINGS[key]);
  return trimmed({
    practiceName: text('practiceName'),
    phone: text('phone'),
    portalUrl: text('portalUrl'),
    secureEmail: text('secureEmail'),
    policyUrl: text('policyUrl'),
    crisisLine: text('crisisLine'),
    region: isRegion(raw.region) ? raw.region : DEFAULT_SETTINGS.region,
    language: isReplyLanguage(raw.language) ? raw.language : DEFAULT_SETTINGS.language,
  });
}

/** The crisis line a reply in `language` names: the practice's own wording, else the region's. */
export function crisisLineFor(settings: PracticeSettings, language: ReplyLanguage): string {
  return settings.crisisLine.trim() || REGIONS[settings.region].crisisLine[language];
}
