import { REPLY_LANGUAGES, type ReplyLanguage } from '@/lib/settings/practice';
import { CHOICE_KEYS, diffChoices, normaliseChoices, type ChoiceChange, type PolicyChoices } from './choices';

/**
 * Saved versions of the practice's policy. Each keeps the date it was saved, the choices it was
 * written from, its text in every language, and what changed since the version before, so the
 * practice can tell clients what is new (policy rule 13).
 */
export interface PolicyVersion {
  /** 1 for the first version, then counting up. */
  number: number;
  savedAt: number;
  choices: PolicyChoices;
  texts: Record<ReplyLanguage, string>;
  /** Languages whose text was edited by hand rather than saved as Boundary wrote it. */
  edited: ReplyLanguage[];
  /** Choices that differ from the version before (none for the first). */
  changes: ChoiceChange[];
  /** Languages whose text differs from the version before, for whatever reason. */
  textChanged: ReplyLanguage[];
}

/** What the form holds when the clinician saves: the choices, the text in each language, and Boundary's own text for them. */
export interface PolicyDraft {
  choices: PolicyChoices;
  texts: Record<ReplyLanguage, string>;
  generated: Record<ReplyLanguage, string>;
}

export const MAX_POLICY_CHARS = 20_000;

const tidy = (text: string) => text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim().slice(0, MAX_POLICY_CHARS);

export function nextVersion(previous: PolicyVersion | undefined, draft: PolicyDraft, savedAt: number): PolicyVersion {
  const texts = { en: tidy(draft.texts.en), es: tidy(draft.texts.es) };
  return {
    number: (previous?.number ?? 0) + 1,
    savedAt,
    choices: draft.choices,
    texts,
    edited: REPLY_LANGUAGES.filter((language) => texts[language] !== tidy(draft.generated[language])),
    changes: previous ? diffChoices(previous.choices, draft.choices) : [],
    textChanged: previous ? REPLY_LANGUAGES.filter((language) => texts[language] !== previous.texts[language]) : [],
  };
}

/** Whether saving `draft` would add nothing to the last version. */
export function sameAsVersion(version: PolicyVersion | undefined, draft: PolicyDraft): boolean {
  if (!version) return false;
  return diffChoices(version.choices, draft.choices).length === 0 && REPLY_LANGUAGES.every((language) => tidy(draft.texts[language]) === version.texts[language]);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const languages = (value: unknown) => (Array.isArray(value) ? REPLY_LANGUAGES.filter((l) => value.includes(l)) : []);

/**
 * Versions as read back from storage: malformed entries are dropped, choices take their
 * defaults where missing, and the list comes back oldest first with distinct numbers.
 */
export function normaliseVersions(stored: unknown): PolicyVersion[] {
  if (!Array.isArray(stored)) return [];
  const versions: PolicyVersion[] = [];
  for (const raw of stored) {
    if (!isRecord(raw) || !isRecord(raw.texts)) continue;
    const { number, savedAt, texts } = raw;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) continue;
    if (typeof savedAt !== 'number' || !Number.isFinite(savedAt)) continue;
    if (!REPLY_LANGUAGES.every((language) => typeof texts[language] === 'string')) continue;
    const changes = Array.isArray(raw.changes) ? raw.changes.filter((c): c is ChoiceChange => isRecord(c) && typeof c.key === 'string' && 'from' in c && 'to' in c) : [];
    versions.push({
      number,
      savedAt,
      choices: normaliseChoices(raw.choices),
      texts: { en: tidy(texts.en as string), es: tidy(texts.es as string) },
      edited: languages(raw.edited),
      changes: changes.filter((c) => (CHOICE_KEYS as readonly string[]).includes(c.key)),
      textChanged: languages(raw.textChanged),
    });
  }
  versions.sort((a, b) => a.number - b.number);
  return versions.filter((version, index) => index === 0 || version.number !== versions[index - 1]!.number);
}
