/**
 * The confidentiality check: a lint over reply text, run on every template and on every reply
 * before it goes into a message box. Confidentiality means the clinician cannot tell anyone that
 * a person is a client, and a message on a social site is neither private nor the place for
 * care. So a reply is flagged when it
 *   - names the relationship (client, patient, therapist, counsellor),
 *   - carries clinical content (therapy, session, appointment, treatment, diagnosis), or
 *   - asks for likes, follows or reviews (the policy never asks clients to endorse the practice),
 * in English, Spanish, French, German, Portuguese or Italian, whatever the reply's language:
 * a clinician may write a template in any of them, and the words are flagged the same.
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

export type LintCategory = 'relationship' | 'clinical' | 'endorsement';
export type LintLanguage = 'en' | 'es' | 'fr' | 'de' | 'pt' | 'it';

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

/** A flagged word: `forms` is tested against the whole word, lower-cased and without accents. */
interface WordRule {
  category: Exclude<LintCategory, 'endorsement'>;
  concept: string;
  languages: readonly LintLanguage[];
  forms: RegExp;
  /** Words the forms would catch that mean something else. */
  unless?: RegExp;
}

const L = '\\p{L}';
/** A German compound's other part: at least three letters, so short prefixes ("de-") never count. */
const PART = `${L}{3,}`;

const WORDS: readonly WordRule[] = [
  // --- who the person is to the clinician --------------------------------------------------
  { category: 'relationship', concept: 'client', languages: ['en', 'fr', 'es', 'pt', 'it'], forms: /^client(s|e|es|a|as|i)?$/u },
  { category: 'relationship', concept: 'client', languages: ['de'], forms: /^klient(in|innen|en)?$/u },
  { category: 'relationship', concept: 'client', languages: ['de'], forms: new RegExp(`^klient(en|innen)${PART}$`, 'u') },
  { category: 'relationship', concept: 'patient', languages: ['en', 'fr', 'de'], forms: /^patient(s|e|es|in|innen|en)?$/u },
  { category: 'relationship', concept: 'patient', languages: ['de'], forms: new RegExp(`^patienten${PART}$`, 'u') },
  { category: 'relationship', concept: 'patient', languages: ['es', 'pt', 'it'], forms: /^(paciente|pacientes|paziente|pazienti)$/u },
  {
    category: 'relationship',
    concept: 'therapist',
    languages: ['en', 'es', 'fr', 'de', 'pt', 'it'],
    // therapist, psychotherapist, terapeuta, thérapeute, Therapeut(in), terapeuti …
    forms: new RegExp(`^${L}*(therapist|therapists|terapeuta|terapeutas|terapeute|terapeuti|therapeute|therapeutes|therapeut|therapeutin|therapeutinnen|therapeuten)$`, 'u'),
  },
  {
    category: 'relationship',
    concept: 'counsellor',
    languages: ['en'],
    forms: /^counsel(l)?ors?$/u,
  },
  // --- clinical content ----------------------------------------------------------------------
  {
    category: 'clinical',
    concept: 'therapy',
    languages: ['en', 'es', 'fr', 'de', 'pt', 'it'],
    // therapy, psychotherapy, therapeutic, terapia, thérapie, Therapie(n), therapeutisch …
    forms: new RegExp(
      `^${L}*(therapy|therapies|therapeutic|therapeutics|therapeutically|terapia|terapias|terapie|terapeutico|terapeutica|terapeuticos|terapeuticas|terapeutici|terapeutiche|therapie|therapies|therapien|therapeutique|therapeutiques|therapeutisch|therapeutische|therapeutischen|therapeutischer|therapeutisches|therapeutischem)$`,
      'u',
    ),
  },
  { category: 'clinical', concept: 'therapy', languages: ['de'], forms: new RegExp(`^therapie${PART}$`, 'u') },
  { category: 'clinical', concept: 'counselling', languages: ['en'], forms: /^counsel(l)?ing$/u },
  { category: 'clinical', concept: 'session', languages: ['en', 'fr'], forms: /^sessions?$/u },
  { category: 'clinical', concept: 'session', languages: ['es'], forms: /^sesion(es)?$/u },
  { category: 'clinical', concept: 'session', languages: ['pt'], forms: /^sess(ao|oes)$/u },
  { category: 'clinical', concept: 'session', languages: ['it'], forms: /^(sessione|sessioni|seduta|sedute)$/u },
  { category: 'clinical', concept: 'session', languages: ['fr'], forms: /^seances?$/u },
  { category: 'clinical', concept: 'session', languages: ['de'], forms: new RegExp(`^(${PART})?sitzung(en)?$`, 'u') },
  { category: 'clinical', concept: 'session', languages: ['de'], forms: new RegExp(`^sitzungs${PART}$`, 'u') },
  { category: 'clinical', concept: 'appointment', languages: ['en'], forms: /^appointments?$/u },
  { category: 'clinical', concept: 'appointment', languages: ['es'], forms: /^citas?$/u },
  { category: 'clinical', concept: 'appointment', languages: ['es', 'pt'], forms: /^consultas?$/u },
  { category: 'clinical', concept: 'appointment', languages: ['en', 'fr'], forms: /^consultations?$/u },
  { category: 'clinical', concept: 'appointment', languages: ['fr'], forms: /^rdv$/u },
  { category: 'clinical', concept: 'appointment', languages: ['it'], forms: /^appuntament(o|i)$/u },
  {
    category: 'clinical',
    concept: 'appointment',
    languages: ['de'],
    forms: new RegExp(`^(${PART})?termin(e|en|s)?$`, 'u'),
    // "predetermine" ends in "termine" but is English for something else entirely.
    unless: /determin/u,
  },
  { category: 'clinical', concept: 'treatment', languages: ['en'], forms: /^treatments?$/u },
  { category: 'clinical', concept: 'treatment', languages: ['es', 'pt', 'it'], forms: /^(tratamiento|tratamientos|tratamento|tratamentos|trattamento|trattamenti)$/u },
  { category: 'clinical', concept: 'treatment', languages: ['fr'], forms: /^traitements?$/u },
  { category: 'clinical', concept: 'treatment', languages: ['de'], forms: new RegExp(`^${L}*behandlung(en)?$`, 'u') },
  { category: 'clinical', concept: 'treatment', languages: ['de'], forms: new RegExp(`^behandlungs${PART}$`, 'u') },
  {
    category: 'clinical',
    concept: 'diagnosis',
    languages: ['en', 'es', 'fr', 'pt', 'it'],
    // diagnosis, diagnosed, diagnóstico, diagnostiqué, diagnosi, diagnosticato …
    forms: /^(diagnosis|diagnoses|diagnose|diagnosed|diagnosing|diagnostic|diagnostics|diagnostico|diagnosticos|diagnosticar|diagnosticado|diagnosticada|diagnosticados|diagnosticadas|diagnostique|diagnostiques|diagnostiquee|diagnostiquees|diagnostiquer|diagnostics|diagnosi|diagnosticato|diagnosticata|diagnosticati|diagnosticate)$/u,
  },
  { category: 'clinical', concept: 'diagnosis', languages: ['de'], forms: new RegExp(`^(${PART})?diagnose(n)?$`, 'u') },
  { category: 'clinical', concept: 'diagnosis', languages: ['de'], forms: new RegExp(`^diagnose${PART}$`, 'u') },
];

/**
 * Phrases rather than words: asking for likes, follows and reviews (each word alone is
 * ordinary: "follow the link", "I'd like to"), and phrases that confirm a relationship without
 * a flagged word. Each pattern runs case-insensitively on the text as written; accents are
 * written into the patterns, optional where people drop them.
 */
interface PhraseRule {
  category: LintCategory;
  concept: string;
  pattern: string;
}

const PHRASES: readonly PhraseRule[] = [
  // English
  // "like" alone is too common ("someone like me"): only "like us on …" asks for a like.
  { category: 'endorsement', concept: 'like or follow', pattern: '(?:follow|subscribe\\s+to)\\s+(?:us|me)|like\\s+us\\s+(?:on|at|here)' },
  {
    category: 'endorsement',
    concept: 'like or follow',
    pattern: '(?:like|follow|share|subscribe to)\\s+(?:my|our|the|this)\\s+(?:page|account|profile|feed|channel|practice)',
  },
  {
    category: 'endorsement',
    concept: 'review',
    pattern:
      '(?:leave|write|post|give|send)\\s+(?:us\\s+|me\\s+)?(?:a\\s+|an\\s+)?(?:\\p{L}+\\s+)?(?:\\d[\\s-]?star\\s+)?(?:review|rating|recommendation|endorsement|testimonial)s?',
  },
  { category: 'endorsement', concept: 'review', pattern: '(?:rate|review|recommend|endorse)\\s+(?:us|me|my|our)' },
  { category: 'endorsement', concept: 'review', pattern: '(?:testimonials?|\\d[\\s-]?stars?)' },
  { category: 'relationship', concept: 'our work together', pattern: 'our\\s+(?:work|time)\\s+together' },
  { category: 'relationship', concept: 'seeing them', pattern: 'see\\s+you\\s+(?:next|on\\s+\\p{L}+day|at\\s+(?:your|our|the)\\s+next)' },
  // Spanish
  { category: 'endorsement', concept: 'like or follow', pattern: '(?:dale|den|dar|danos|dame|d[eé]nos)\\s+(?:un\\s+)?(?:like|me\\s+gusta)' },
  { category: 'endorsement', concept: 'like or follow', pattern: 's[ií]g(?:ue|an)(?:me|nos)|seguir(?:me|nos)' },
  {
    category: 'endorsement',
    concept: 'review',
    pattern:
      '(?:deja|dejar|deje|d[eé]j(?:a|e)(?:nos|me)|escribe|escriba|escribir)\\s+(?:una\\s+)?(?:\\p{L}+\\s+)?(?:rese[nñ]a|opini[oó]n|valoraci[oó]n|recomendaci[oó]n)',
  },
  { category: 'endorsement', concept: 'review', pattern: 'rese[nñ]as?|val[oó]r(?:a|e|en)(?:nos|me)|calif[ií](?:ca|que|quen)(?:nos|me)|recomi[eé]nd(?:a|e|en)(?:nos|me)' },
  { category: 'relationship', concept: 'our work together', pattern: 'nuestro\\s+trabajo\\s+(?:juntos|conjunto)' },
  // French
  { category: 'endorsement', concept: 'like or follow', pattern: '(?:aimez|likez|liker|aimer)\\s+(?:notre|ma|la)\\s+page' },
  { category: 'endorsement', concept: 'like or follow', pattern: 'suivez[-\\s](?:nous|moi)|abonnez[-\\s]vous|(?:nous|me)\\s+suivre' },
  {
    category: 'endorsement',
    concept: 'review',
    pattern: '(?:laissez|laisser|laisse|donnez|[ée]crivez)(?:[-\\s](?:nous|moi))?\\s+(?:un|une)\\s+(?:\\p{L}+\\s+)?(?:avis|note|recommandation)',
  },
  { category: 'endorsement', concept: 'review', pattern: '(?:notez|recommandez)[-\\s](?:nous|moi)' },
  { category: 'clinical', concept: 'appointment', pattern: 'rendez[-\\s‐]vous' },
  { category: 'relationship', concept: 'our work together', pattern: 'notre\\s+travail\\s+ensemble' },
  // German
  { category: 'endorsement', concept: 'like or follow', pattern: 'folg(?:en\\s+sie|e|t)\\s+(?:uns|mir)' },
  { category: 'endorsement', concept: 'like or follow', pattern: '(?:liken|liken\\s+sie|like)\\s+(?:unsere|meine|die)\\s+seite' },
  { category: 'endorsement', concept: 'review', pattern: '(?:bewertung|rezension|empfehlung)(?:en)?\\s+(?:abgeben|hinterlassen|schreiben)' },
  { category: 'endorsement', concept: 'review', pattern: '(?:hinterlassen|schreiben|geben)\\s+sie\\s+(?:uns\\s+|mir\\s+)?(?:eine\\s+)?(?:bewertung|rezension|empfehlung)' },
  { category: 'endorsement', concept: 'review', pattern: '(?:bewerten|empfehlen)\\s+sie\\s+(?:uns|mich)|rezensionen?' },
  { category: 'relationship', concept: 'our work together', pattern: 'unsere\\s+gemeinsame\\s+arbeit' },
  // Portuguese
  { category: 'endorsement', concept: 'like or follow', pattern: 'curt(?:a|e|am)\\s+(?:a\\s+)?(?:nossa|minha)\\s+p[aá]gina' },
  { category: 'endorsement', concept: 'like or follow', pattern: 'sig(?:a|am)[-\\s](?:nos|me)|(?:nos|me)\\s+sig(?:a|am)' },
  {
    category: 'endorsement',
    concept: 'review',
    pattern: '(?:deixe|deixar|escreva)\\s+(?:uma\\s+)?(?:\\p{L}+\\s+)?(?:avalia[cç][aã]o|resenha|recomenda[cç][aã]o)',
  },
  { category: 'endorsement', concept: 'review', pattern: 'avali(?:e|em)[-\\s](?:nos|me)' },
  { category: 'relationship', concept: 'our work together', pattern: 'nosso\\s+trabalho\\s+juntos' },
  // Italian
  { category: 'endorsement', concept: 'like or follow', pattern: 'mett(?:i|ete)\\s+(?:un\\s+)?mi\\s+piace|segui(?:ci|mi|teci)' },
  { category: 'endorsement', concept: 'review', pattern: '(?:lascia|lasciate|lasciare|scrivi)(?:ci|mi)?\\s+(?:una\\s+)?(?:\\p{L}+\\s+)?(?:recensione|valutazione)|recension[ei]' },
  { category: 'relationship', concept: 'our work together', pattern: 'il\\s+nostro\\s+lavoro\\s+insieme' },
];

/** Letters, marks and digits make up a word; anything else separates words. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const EDGE_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const EDGE_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
const COMPILED_PHRASES = PHRASES.map((rule) => ({
  ...rule,
  regex: new RegExp(`${EDGE_BEFORE}(?:${rule.pattern})${EDGE_AFTER}`, 'giu'),
}));

/** Lower case, without accents: "Séance" and "seance" are the same word here. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
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

/** Every flag in `text`, in order of position. Placeholders such as `{first_name}` are never flagged. */
export function lintReply(text: string): LintResult {
  const source = text.normalize('NFC');
  const findings: LintFinding[] = [];
  for (const match of source.matchAll(WORD)) {
    const word = match[0];
    const folded = foldWord(word);
    const rule = WORDS.find((r) => r.forms.test(folded) && !r.unless?.test(folded));
    if (!rule) continue;
    const start = match.index;
    findings.push({
      category: rule.category,
      concept: rule.concept,
      text: word,
      start,
      end: start + word.length,
      reason: reasonFor(rule.category, rule.concept, word, false),
    });
  }
  for (const rule of COMPILED_PHRASES) {
    for (const match of source.matchAll(rule.regex)) {
      const start = match.index;
      const end = start + match[0].length;
      // A phrase overlapping something already flagged adds nothing new.
      if (findings.some((f) => f.start < end && start < f.end)) continue;
      findings.push({
        category: rule.category,
        concept: rule.concept,
        text: match[0],
        start,
        end,
        reason: reasonFor(rule.category, rule.concept, match[0], true),
      });
    }
  }
  findings.sort((a, b) => a.start - b.start);
  return { ok: findings.length === 0, findings };
}

/** The findings as short distinct reasons, for a compact warning. */
export function lintSummary(result: LintResult): string[] {
  return [...new Set(result.findings.map((f) => f.reason))];
}
