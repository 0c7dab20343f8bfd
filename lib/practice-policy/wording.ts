/**
 * What a policy's wording in one language provides. The policy's paragraphs are not in the
 * locale catalogues: those follow the browser's language, while a practice writes its policy in
 * English and in Spanish whatever language its browser speaks. Each language is a module of its
 * own (wording-en.ts, wording-es.ts) that must provide every section; tests/unit/practice-policy
 * checks that they say the same things, choice for choice.
 */

import type { Platform } from '@/lib/identity/platform';
import type { PolicyChoices } from './choices';

/** The sections of a policy, in the order it reads. */
export const SECTION_IDS = ['about', 'requests', 'following', 'messages', 'searches', 'reviews', 'endorsements', 'check-ins', 'changes'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** Everything a policy's text is written from: the choices, and the practice's own details. */
export interface PolicyFacts {
  choices: PolicyChoices;
  practiceName: string;
  phone: string;
  portalUrl: string;
  secureEmail: string;
  /** Where the practice publishes its policy; blank when it does not say. */
  policyUrl: string;
  /** The crisis line in this language, worded to follow "contact". */
  crisisLine: string;
}

export interface PolicyWording {
  title(practiceName: string): string;
  sections: Record<SectionId, { heading: string; paragraphs(facts: PolicyFacts): string[] }>;
  /** The line an exported version ends with. */
  versionLine(date: string): string;
  /** One sentence for the `{policy_text}` placeholder, read by anyone a reply goes to. */
  summary(choices: PolicyChoices): string;
}

/** Brand names, the same in every language. */
export const SITE_NAMES: Record<Platform, string> = { facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn' };

/** "A, B and C" with the language's own last joining word. */
export function listOf(items: readonly string[], and: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** A list line in the plain text; the print page shows these as a bulleted list. */
export const BULLET = '• ';
