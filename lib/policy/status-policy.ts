import { CLIENT_STATUSES, type ClientStatus } from '@/lib/clients/model';
import { DEFAULT_CHOICES, MAX_FORMER_YEARS, MIN_FORMER_YEARS, policyDefaults, type PolicyChoices } from '@/lib/practice-policy/choices';

/**
 * What the popup suggests for a listed person, by where they stand with the practice: each status
 * (enquiry, waiting list, current, former), people related to a client, and young people. The
 * practice chooses per group in the options page; what it leaves unchosen follows its written
 * policy (lib/practice-policy/choices: policyDefaults), so the policy clients read and what the
 * popup suggests say the same thing. Young people's rules are fixed and stricter. Pure: the
 * stored choices are read and written in lib/settings/status-policy.ts.
 */

/** For a request: the site's own quiet decline, leave it pending to raise in session, or answer with a template. */
export type RequestAdvice = 'decline' | 'pending' | 'answer';
export const REQUEST_ADVICE: readonly RequestAdvice[] = ['decline', 'pending', 'answer'];

/** For a message: one reply pointing to the secure channels, or no reply (a note for the record instead). */
export type MessageAdvice = 'redirect' | 'no-reply';
export const MESSAGE_ADVICE: readonly MessageAdvice[] = ['redirect', 'no-reply'];

/** Whom a rule is for: a status, a person related to a client, or a young person. */
export type PolicyGroup = ClientStatus | 'related' | 'minor';
export const POLICY_GROUPS: readonly PolicyGroup[] = [...CLIENT_STATUSES, 'related', 'minor'];

/** The groups the practice chooses for; young people's rules are fixed. */
export type EditableGroup = Exclude<PolicyGroup, 'minor'>;
export const EDITABLE_GROUPS: readonly EditableGroup[] = [...CLIENT_STATUSES, 'related'];

export interface GroupAdvice {
  request: RequestAdvice;
  message: MessageAdvice;
}

/**
 * Young people: every request declined, no reply on social media at all (a reply would be contact
 * with a child on a personal channel; the guardians and the practice's own channels are the way).
 */
export const MINOR_ADVICE: Readonly<GroupAdvice> = Object.freeze({ request: 'decline', message: 'no-reply' });

/** What the practice chose, as stored: only what it set. */
export interface StatusPolicyChoices {
  groups: Partial<Record<EditableGroup, Partial<GroupAdvice>>>;
  /**
   * Years after a former client's end date past which Boundary treats them as a stranger: a
   * number, null for never (chosen), or absent to follow the written policy (its "not for some
   * years after the work ends", else never).
   */
  strangerAfterYears?: number | null;
}

/** The policy in force: every group's advice and the cut-off, once choices and the written policy are combined. */
export interface StatusPolicy {
  groups: Readonly<Record<PolicyGroup, GroupAdvice>>;
  strangerAfterYears: number | null;
}

export const MIN_STRANGER_YEARS = MIN_FORMER_YEARS;
export const MAX_STRANGER_YEARS = MAX_FORMER_YEARS;

/**
 * What Boundary suggests for each group when the practice chose nothing here: its written policy's
 * request and message handling for every status (both published policies treat current and
 * former clients alike, and an enquiry or someone waiting is owed the same care); a person related
 * to a client is declined quietly whatever the policy says of notes, since a note could tell them
 * who the clinician sees. With no written policy, Boundary's own defaults (the default choices).
 */
export function defaultStatusPolicy(choices?: PolicyChoices): StatusPolicy {
  const written = choices ?? DEFAULT_CHOICES;
  const defaults = policyDefaults(written);
  const request: RequestAdvice = defaults.requestReply === 'answer' ? 'answer' : 'decline';
  const message: MessageAdvice = defaults.messageReply === 'none' ? 'no-reply' : 'redirect';
  return {
    groups: {
      enquiry: { request, message },
      waitlist: { request, message },
      current: { request, message },
      former: { request, message },
      related: { request: 'decline', message },
      minor: { ...MINOR_ADVICE },
    },
    strangerAfterYears: written.formerClients === 'after-years' ? written.formerYears : null,
  };
}

/** The policy in force: the practice's choices over the defaults its written policy gives. */
export function resolveStatusPolicy(stored: StatusPolicyChoices, choices?: PolicyChoices): StatusPolicy {
  const base = defaultStatusPolicy(choices);
  const groups = { ...base.groups };
  for (const group of EDITABLE_GROUPS) groups[group] = { ...base.groups[group], ...stored.groups[group] };
  return {
    groups,
    strangerAfterYears: stored.strangerAfterYears === undefined ? base.strangerAfterYears : stored.strangerAfterYears,
  };
}

const isYears = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= MIN_STRANGER_YEARS && v <= MAX_STRANGER_YEARS;

/**
 * Choices as read back from storage or a form: anything unknown or malformed is left out (and so
 * follows the written policy), so a damaged or older record still gives a policy.
 */
export function normaliseStatusChoices(stored: unknown): StatusPolicyChoices {
  const raw = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const rawGroups = typeof raw.groups === 'object' && raw.groups !== null ? (raw.groups as Record<string, unknown>) : {};
  const groups: StatusPolicyChoices['groups'] = {};
  for (const group of EDITABLE_GROUPS) {
    const entry = rawGroups[group];
    if (typeof entry !== 'object' || entry === null) continue;
    const { request, message } = entry as Record<string, unknown>;
    const advice: Partial<GroupAdvice> = {
      ...((REQUEST_ADVICE as readonly unknown[]).includes(request) && { request: request as RequestAdvice }),
      ...((MESSAGE_ADVICE as readonly unknown[]).includes(message) && { message: message as MessageAdvice }),
    };
    if (Object.keys(advice).length > 0) groups[group] = advice;
  }
  const years = raw.strangerAfterYears;
  return { groups, ...((years === null || isYears(years)) && { strangerAfterYears: years }) };
}

// --- a person's group and what the popup offers --------------------------------------------------

/** What the policy needs to know of a matched record. */
export interface PolicySubject {
  status: ClientStatus;
  minor?: boolean;
  safety?: boolean;
  /** Set for a related person (the client's id, or the client as the popup names them). */
  relatedTo?: unknown;
  related?: unknown;
}

/** A young person's rules come first, then a related person's, then the status's. */
export function groupOf(subject: PolicySubject): PolicyGroup {
  if (subject.minor) return 'minor';
  if (subject.relatedTo !== undefined || subject.related !== undefined) return 'related';
  return subject.status;
}

/** From least to most reserved: of several people sharing a name, the most reserved rule stands. */
const REQUEST_RESERVE: readonly RequestAdvice[] = ['answer', 'pending', 'decline'];
const MESSAGE_RESERVE: readonly MessageAdvice[] = ['redirect', 'no-reply'];

/** Why the popup offers no reply to put into the page, when it offers none. */
export type NoReplyReason = 'minor' | 'safety';

export interface DetectionAdvice {
  /** The group whose rule applies (for a shared name, the first in the order minor, related, status). */
  group: PolicyGroup;
  request: RequestAdvice;
  message: MessageAdvice;
  /** A safety concern: the site's own Block comes first, and the person is shown before anyone else. */
  block: boolean;
  /** Set when no reply is offered at all: never to a young person, never to someone the clinician fears. */
  noReply?: NoReplyReason;
}

/**
 * What the popup suggests for a detection of `subjects` (usually one; several for a shared name,
 * where the most reserved rule of theirs applies, since it may be any of them).
 */
export function adviceFor(subjects: readonly PolicySubject[], policy: StatusPolicy): DetectionAdvice {
  const groups = subjects.map(groupOf);
  const rules = groups.map((group) => policy.groups[group]);
  const most = <T>(order: readonly T[], values: readonly T[], fallback: T) =>
    values.reduce((a, b) => (order.indexOf(b) > order.indexOf(a) ? b : a), values[0] ?? fallback);
  const block = subjects.some((s) => s.safety === true);
  const minor = groups.includes('minor');
  return {
    group: (['minor', 'related'] as const).find((g) => groups.includes(g)) ?? groups[0] ?? 'current',
    request: most(REQUEST_RESERVE, rules.map((r) => r.request), 'decline'),
    message: most(MESSAGE_RESERVE, rules.map((r) => r.message), 'no-reply'),
    block,
    ...(minor ? { noReply: 'minor' as const } : block ? { noReply: 'safety' as const } : {}),
  };
}

/** The one button a request's card leads with: the site's Block, leaving it pending, or the site's decline. */
export type RequestPrimary = 'block' | 'leave-pending' | 'decline';

/**
 * A safety concern leads with Block; a rule to leave requests pending leads with that; anything
 * else (decline, or answer, where the reply is the alternative offered below) with the decline.
 * The popup's "Decline all" takes only requests whose card leads with the decline.
 */
export function requestPrimary(advice: Pick<DetectionAdvice, 'block' | 'request'>): RequestPrimary {
  if (advice.block) return 'block';
  return advice.request === 'pending' ? 'leave-pending' : 'decline';
}

/**
 * What a "to discuss" note is for this person: the next session for a current client, else the
 * record (a former client has no next session, an enquiry or someone waiting has not begun, and a
 * related person is not the one in the sessions).
 */
export function discussPurpose(subject: Pick<PolicySubject, 'status' | 'relatedTo' | 'related'>): 'session' | 'record' {
  return subject.status === 'current' && subject.relatedTo === undefined && subject.related === undefined ? 'session' : 'record';
}

// --- the cut-off ---------------------------------------------------------------------------------

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day `years` after an ISO day, as an ISO day; 29 February goes to 1 March in a common year. Null for no real day. */
export function yearsAfter(day: string, years: number): string | null {
  const match = ISO_DAY.exec(day);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(Date.UTC(y, m - 1, d));
  if (start.getUTCFullYear() !== y || start.getUTCMonth() !== m - 1 || start.getUTCDate() !== d) return null;
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** Today in the computer's own calendar, as an ISO day: the end date is a day the clinician wrote in theirs. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What the cut-off needs to know of a record. */
export interface CutOffSubject {
  id: number;
  status: ClientStatus;
  endDate?: string;
  minor?: boolean;
  safety?: boolean;
  relatedTo?: number;
}

/**
 * Whether a former client is past the cut-off on `today`: more than `years` after their end date
 * (on the anniversary itself they are still a former client). Never for a record without a real end
 * date (nobody can tell), a young person, or anyone with a safety concern: those stay on the list
 * whatever the years.
 */
export function pastCutOff(subject: Omit<CutOffSubject, 'id' | 'relatedTo'>, years: number | null, today: string): boolean {
  if (years === null || subject.status !== 'former' || subject.minor || subject.safety || !subject.endDate) return false;
  const until = yearsAfter(subject.endDate, years);
  return until !== null && today > until;
}

/**
 * The records Boundary treats as strangers on `today`: former clients past the cut-off, and the
 * people related to them (who were on the list because of that client), unless flagged themselves.
 */
export function strangerIds(records: readonly CutOffSubject[], years: number | null, today: string): Set<number> {
  const past = new Set(records.filter((r) => pastCutOff(r, years, today)).map((r) => r.id));
  const strangers = new Set(past);
  for (const record of records) {
    if (record.relatedTo !== undefined && past.has(record.relatedTo) && !record.minor && !record.safety) strangers.add(record.id);
  }
  return strangers;
}
