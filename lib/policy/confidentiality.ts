/**
 * The confidentiality check: a lint over reply text, run on every template and on every reply
 * before it goes into a message box. Confidentiality means the clinician cannot tell anyone that
 * a person is a client, and a message on a social site is neither private nor the place for
 * care. So a reply is flagged when it
 *   - names the relationship (client, patient, therapist, counsellor, psychologist),
 *   - carries clinical content: care itself (therapy, session, appointment, treatment,
 *     diagnosis, a kind of therapy such as CBT or EMDR), a diagnosis or symptom (depression,
 *     panic attacks, PTSD), or medication (antidepressants, fluoxetine, Prozac), or
 *   - asks for likes, follows or reviews (the policy never asks clients to endorse the practice),
 * in English, Spanish, French, German, Portuguese or Italian, whatever the reply's language:
 * a clinician may write a template in any of them, and the words are flagged the same. The
 * words themselves are in ./lexicon.ts. The practice's own details (its name, channels and
 * crisis line: `ownTexts`) are set aside first: "Sam Hale Counselling" signing a reply says who
 * the clinician is, not who the person is.
 *
 * Words are matched as whole words (Unicode letters, any case, with or without accents), never
 * as parts of longer words, so ordinary words that merely contain a flagged one pass:
 *   - "disappointment", "patiently", "impatient", "appointed", "sessional", "determine" pass;
 *   - "clientele" passes: it speaks of a business's customers in general and says nothing about
 *     the person being written to;
 *   - "patient" is flagged even as an adjective ("thank you for being patient"): a word list
 *     cannot tell the two apart, and the cost of rewording is small;
 *   - "therapeutic" is flagged: it still says there is therapy between the two people.
 * German builds compounds ("Therapiesitzung", "Behandlungstermin", "Patientenakte"), so there a
 * flagged word is also found as the first or last part of a longer word.
 *
 * A flag is a warning, not a ban: the popup shows the reason and asks for a second click.
 */

import { t, type MessageKey } from '@/lib/i18n/t';
import { crisisLineFor, REPLY_LANGUAGES, type PracticeSettings } from '@/lib/settings/practice';
import { FOLDED_PHRASES, PHRASES, WORDS, type LintCategory } from './lexicon';

export type { LintCategory, LintLanguage } from './lexicon';

export interface LintFinding {
  category: LintCategory;
  /** What the flagged text means, in English (e.g. "session" for "séance"). */
  concept: string;
  /** The text as written in the reply. */
  text: string;
  /** Where it is in the reply, in UTF-16 offsets of its NFC form (end exclusive). */
  start: number;
  end: number;
  /** Why it is flagged, in one sentence the popup and options page show. */
  reason: string;
}

export interface LintResult {
  ok: boolean;
  findings: LintFinding[];
}

/** Letters, marks and digits make up a word; anything else separates words. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const EDGE_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const EDGE_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
/** Between the words of a folded phrase: spaces, hyphens, apostrophes ("self-harm", "de l'humeur"). */
const SEPARATOR = "[\\s\\-\u2010\u2011'\u2019]+";
const edged = (pattern: string, flags: string) => new RegExp(`${EDGE_BEFORE}(?:${pattern})${EDGE_AFTER}`, flags);
const COMPILED_PHRASES = PHRASES.map((rule) => ({ ...rule, regex: edged(rule.pattern, 'giu') }));
const COMPILED_FOLDED = FOLDED_PHRASES.map((rule) => ({ ...rule, regex: edged(rule.pattern.replaceAll(' ', SEPARATOR), 'gu') }));

/** Lower case, without accents: "Séance" and "seance" are the same word here. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The text folded character by character, keeping every offset: a character whose folded form
 * has another length (a rare ligature or a lone combining mark) is kept as it is.
 */
function foldInPlace(text: string): string {
  let folded = '';
  for (const char of text) {
    const f = foldWord(char);
    folded += f.length === char.length ? f : char;
  }
  return folded;
}

/**
 * The practice's own details, which a reply carries by design: its name ("Sam Hale
 * Counselling"), its channels and its crisis line. They never count against a reply: they say
 * who the clinician is, which the person writing to them already knows, not who the person is.
 */
export function ownTexts(settings: PracticeSettings): string[] {
  const texts = [settings.practiceName, settings.phone, settings.secureEmail, ...REPLY_LANGUAGES.map((language) => crisisLineFor(settings, language))];
  for (const address of [settings.portalUrl, settings.policyUrl]) {
    texts.push(address);
    // Written in a template by hand, an address often loses its scheme, or is just its host.
    const bare = address.replace(/^https?:\/\//i, '');
    texts.push(bare, bare.split('/')[0]!);
  }
  const domain = settings.secureEmail.split('@')[1];
  if (domain) texts.push(domain);
  return texts;
}

/**
 * `source` with every occurrence of the practice's own texts blanked out (same length, so the
 * offsets of what remains do not move). Matched in any case, with or without accents, with any
 * run of spaces; a text of fewer than three characters is ignored (it would blank ordinary words).
 */
function maskOwn(source: string, own: readonly string[]): string {
  const folded = foldInPlace(source);
  let masked = source;
  for (const text of own) {
    const needle = foldInPlace(text.normalize('NFC').trim());
    if (needle.length < 3) continue;
    const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    for (const match of folded.matchAll(edged(escaped, 'gu'))) {
      masked = masked.slice(0, match.index) + ' '.repeat(match[0].length) + masked.slice(match.index + match[0].length);
    }
  }
  return masked;
}

/** Concepts a reason glosses, in the reader's language, when the flagged word is another word for them. */
const MEANINGS: Partial<Record<string, MessageKey>> = {
  client: 'lint_concept_client',
  patient: 'lint_concept_patient',
  therapist: 'lint_concept_therapist',
  counsellor: 'lint_concept_counsellor',
  therapy: 'lint_concept_therapy',
  counselling: 'lint_concept_counselling',
  session: 'lint_concept_session',
  appointment: 'lint_concept_appointment',
  treatment: 'lint_concept_treatment',
  diagnosis: 'lint_concept_diagnosis',
  condition: 'lint_concept_condition',
  medication: 'lint_concept_medication',
  modality: 'lint_concept_modality',
  care: 'lint_concept_care',
};

function reasonFor(category: LintCategory, concept: string, text: string, phrase: boolean): string {
  const meaningKey = MEANINGS[concept];
  const meaning = meaningKey && t(meaningKey);
  const glossed = meaning !== undefined && foldWord(text) !== foldWord(meaning);
  switch (category) {
    case 'relationship':
      if (phrase) return t('lint_relationship_phrase', text);
      return glossed ? t('lint_relationship_meaning', text, meaning) : t('lint_relationship', text);
    case 'clinical':
      return glossed ? t('lint_clinical_meaning', text, meaning) : t('lint_clinical', text);
    case 'endorsement':
      return t('lint_endorsement', text);
  }
}

/**
 * Every flag in `text`, in order of position. Placeholders such as `{first_name}` are never
 * flagged, nor is any of `own`, the practice's own details (see `ownTexts`).
 */
export function lintReply(text: string, own: readonly string[] = []): LintResult {
  const source = maskOwn(text.normalize('NFC'), own);
  const findings: LintFinding[] = [];
  // A finding overlapping one already made adds nothing new: runs of words come first, so that
  // "ataques de pánico" is one finding rather than "pánico" alone.
  const add = (category: LintCategory, concept: string, found: string, start: number, phrase: boolean) => {
    const end = start + found.length;
    if (findings.some((f) => f.start < end && start < f.end)) return;
    findings.push({ category, concept, text: found, start, end, reason: reasonFor(category, concept, found, phrase) });
  };
  const folded = foldInPlace(source);
  for (const rule of COMPILED_FOLDED) {
    for (const match of folded.matchAll(rule.regex)) {
      add(rule.category, rule.concept, source.slice(match.index, match.index + match[0].length), match.index, false);
    }
  }
  for (const match of source.matchAll(WORD)) {
    const word = match[0];
    const foldedWord = foldWord(word);
    const rule = WORDS.find((r) => r.forms.test(r.cased ? word : foldedWord) && !r.unless?.test(foldedWord));
    if (rule) add(rule.category, rule.concept, word, match.index, false);
  }
  for (const rule of COMPILED_PHRASES) {
    for (const match of source.matchAll(rule.regex)) add(rule.category, rule.concept, match[0], match.index, true);
  }
  findings.sort((a, b) => a.start - b.start);
  return { ok: findings.length === 0, findings };
}

/** The findings as short distinct reasons, for a compact warning. */
export function lintSummary(result: LintResult): string[] {
  return [...new Set(result.findings.map((f) => f.reason))];
}
