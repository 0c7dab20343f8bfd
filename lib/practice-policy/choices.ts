/**
 * The choices a practice makes when it writes its social-media policy with Boundary. Each one
 * changes what the policy says (lib/practice-policy/generate.ts), and some also change what
 * Boundary suggests (policyDefaults below), so the policy clients read and what the extension
 * does say the same thing. Nothing here is about a person: no choice names anyone.
 */

import { PLATFORMS, isPlatform, type Platform } from '@/lib/identity/platform';

export interface PolicyChoices {
  /** The sites the policy names. */
  sites: Platform[];
  /** Whether it also covers every other network, blog or forum. */
  otherSites: boolean;
  /** A request from a current client is always declined; this is how. */
  requestReply: 'quiet' | 'note';
  /** Requests from former clients: never accepted, or not for some years after the work ends. */
  formerClients: 'never' | 'after-years';
  formerYears: number;
  /** Whether the practice keeps a public page people may follow (the clinician never follows back). */
  publicPage: boolean;
  /** Messages on social media: one reply pointing to the secure channels, or none. */
  messages: 'redirect' | 'no-reply';
  /** Searching for clients online: never, or only in a crisis, documented and discussed. */
  searches: 'never' | 'crisis';
  /** Whether clients are asked not to review the practice while the work goes on. */
  reviewsWhileWorking: 'ask-not' | 'free';
  /** Where someone can take a concern they cannot raise with the clinician; blank for a general line. */
  complaintsBody: string;
  /** Likes and endorsements are never asked for; 'decline' also hides those that arrive. */
  endorsements: 'never-ask' | 'decline';
  /** Location check-ins at the practice: a warning, or a request not to. */
  checkIns: 'warn' | 'ask-not';
  /** How clients hear of a new version. */
  changes: 'writing' | 'website' | 'session';
}

export type ChoiceKey = keyof PolicyChoices;

/** What a practice that has chosen nothing yet starts from: what both published policies say. */
export const DEFAULT_CHOICES: Readonly<PolicyChoices> = {
  sites: [...PLATFORMS],
  otherSites: true,
  requestReply: 'quiet',
  formerClients: 'never',
  formerYears: 2,
  publicPage: false,
  messages: 'redirect',
  searches: 'crisis',
  reviewsWhileWorking: 'ask-not',
  complaintsBody: '',
  endorsements: 'never-ask',
  checkIns: 'warn',
  changes: 'writing',
};

/** The values of each choice that takes one of a few, in the order the form shows them. */
export const CHOICE_OPTIONS = {
  requestReply: ['quiet', 'note'],
  formerClients: ['never', 'after-years'],
  messages: ['redirect', 'no-reply'],
  searches: ['crisis', 'never'],
  reviewsWhileWorking: ['ask-not', 'free'],
  endorsements: ['never-ask', 'decline'],
  checkIns: ['warn', 'ask-not'],
  changes: ['writing', 'website', 'session'],
} as const satisfies { [K in ChoiceKey]?: readonly PolicyChoices[K][] };
export type OptionChoice = keyof typeof CHOICE_OPTIONS;

/** Every choice, in the order the form and the history list them. */
export const CHOICE_KEYS: readonly ChoiceKey[] = [
  'sites',
  'otherSites',
  'requestReply',
  'formerClients',
  'formerYears',
  'publicPage',
  'messages',
  'searches',
  'reviewsWhileWorking',
  'complaintsBody',
  'endorsements',
  'checkIns',
  'changes',
];

export const MIN_FORMER_YEARS = 1;
export const MAX_FORMER_YEARS = 10;
export const MAX_COMPLAINTS_BODY = 120;

function oneOf<K extends OptionChoice>(key: K, value: unknown): PolicyChoices[K] {
  const options = CHOICE_OPTIONS[key] as readonly unknown[];
  return (options.includes(value) ? value : DEFAULT_CHOICES[key]) as PolicyChoices[K];
}

/**
 * Choices as read back from storage, or from a form: whatever was stored, a missing or
 * malformed field takes its default, so an older or damaged record still makes a policy.
 */
export function normaliseChoices(stored: unknown): PolicyChoices {
  const raw = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const sites = Array.isArray(raw.sites) ? PLATFORMS.filter((p) => (raw.sites as unknown[]).some((s) => isPlatform(s) && s === p)) : [...DEFAULT_CHOICES.sites];
  const years = typeof raw.formerYears === 'number' && Number.isFinite(raw.formerYears) ? Math.round(raw.formerYears) : DEFAULT_CHOICES.formerYears;
  const body = typeof raw.complaintsBody === 'string' ? raw.complaintsBody.replace(/\s+/g, ' ').trim().slice(0, MAX_COMPLAINTS_BODY) : '';
  return {
    sites,
    otherSites: typeof raw.otherSites === 'boolean' ? raw.otherSites : DEFAULT_CHOICES.otherSites,
    requestReply: oneOf('requestReply', raw.requestReply),
    formerClients: oneOf('formerClients', raw.formerClients),
    formerYears: Math.min(MAX_FORMER_YEARS, Math.max(MIN_FORMER_YEARS, years)),
    publicPage: typeof raw.publicPage === 'boolean' ? raw.publicPage : DEFAULT_CHOICES.publicPage,
    messages: oneOf('messages', raw.messages),
    searches: oneOf('searches', raw.searches),
    reviewsWhileWorking: oneOf('reviewsWhileWorking', raw.reviewsWhileWorking),
    complaintsBody: body,
    endorsements: oneOf('endorsements', raw.endorsements),
    checkIns: oneOf('checkIns', raw.checkIns),
    changes: oneOf('changes', raw.changes),
  };
}

/** One choice that differs between two versions, with its values before and after. */
export interface ChoiceChange<K extends ChoiceKey = ChoiceKey> {
  key: K;
  from: PolicyChoices[K];
  to: PolicyChoices[K];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What changed from one set of choices to the next, in the form's order. The number of years
 * counts only while it is in use: with "never", an edited number changes nothing in the policy.
 */
export function diffChoices(before: PolicyChoices, after: PolicyChoices): ChoiceChange[] {
  const yearsInUse = before.formerClients === 'after-years' || after.formerClients === 'after-years';
  return CHOICE_KEYS.filter((key) => !same(before[key], after[key]) && (key !== 'formerYears' || yearsInUse)).map(
    (key) => ({ key, from: before[key], to: after[key] }) as ChoiceChange,
  );
}

/** What Boundary suggests because of the policy. */
export interface PolicyDefaults {
  /** For a request from a listed person: the site's quiet decline first, or the short answer open beside it. */
  requestReply: 'decline' | 'answer';
  /** For a conversation: a reply that points to the secure channels, or a reminder that the policy sends none. */
  messageReply: 'redirect' | 'none';
}

export function policyDefaults(choices: PolicyChoices): PolicyDefaults {
  return {
    requestReply: choices.requestReply === 'note' ? 'answer' : 'decline',
    messageReply: choices.messages === 'no-reply' ? 'none' : 'redirect',
  };
}

/** What Boundary does before any policy is saved: the same as the default choices. */
export const BOUNDARY_DEFAULTS: Readonly<PolicyDefaults> = policyDefaults(DEFAULT_CHOICES);
