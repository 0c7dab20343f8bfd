import { crisisLineFor, type PracticeSettings, type ReplyLanguage } from '@/lib/settings/practice';
import type { PolicyChoices } from './choices';
import { ENGLISH } from './wording-en';
import { SPANISH } from './wording-es';
import { SECTION_IDS, type PolicyFacts, type PolicyWording, type SectionId } from './wording';

export const WORDINGS: Record<ReplyLanguage, PolicyWording> = { en: ENGLISH, es: SPANISH };

export interface PolicySection {
  id: SectionId;
  heading: string;
  paragraphs: string[];
}

export interface PolicyDocument {
  language: ReplyLanguage;
  title: string;
  sections: PolicySection[];
}

/** The facts a policy in `language` is written from: the choices and the practice's settings. */
export function policyFacts(choices: PolicyChoices, settings: PracticeSettings, language: ReplyLanguage): PolicyFacts {
  return {
    choices,
    practiceName: settings.practiceName,
    phone: settings.phone,
    portalUrl: settings.portalUrl,
    secureEmail: settings.secureEmail,
    policyUrl: settings.policyUrl,
    crisisLine: crisisLineFor(settings, language),
  };
}

export function generatePolicy(choices: PolicyChoices, settings: PracticeSettings, language: ReplyLanguage): PolicyDocument {
  const wording = WORDINGS[language];
  const facts = policyFacts(choices, settings, language);
  return {
    language,
    title: wording.title(settings.practiceName),
    sections: SECTION_IDS.map((id) => ({ id, heading: wording.sections[id].heading, paragraphs: wording.sections[id].paragraphs(facts) })),
  };
}

/**
 * The document as the plain text the clinician edits and saves: the title, then each heading
 * and paragraph, one blank line between blocks (lib/practice-policy/layout.ts reads it back).
 */
export function documentText(document: PolicyDocument): string {
  return [document.title, ...document.sections.flatMap((section) => [section.heading, ...section.paragraphs])].join('\n\n');
}

export function generatedText(choices: PolicyChoices, settings: PracticeSettings, language: ReplyLanguage): string {
  return documentText(generatePolicy(choices, settings, language));
}

/** The `{policy_text}` line for replies in `language`. */
export function policySummary(choices: PolicyChoices, language: ReplyLanguage): string {
  return WORDINGS[language].summary(choices);
}
