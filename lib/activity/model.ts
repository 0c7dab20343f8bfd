import type { GuardedAction, PageKind } from '@/lib/sites/types';
import type { Sealed } from '@/lib/vault/crypto';
import type { DayRow } from '@/lib/vault/day-rows';

/**
 * The activity log: what Boundary did, or the clinician confirmed, that touches a client, kept
 * for the clinical record. An entry says what, where, when and who (by client id); never what
 * anyone wrote in a message. A welfare check carries the clinician's own reason for it.
 */
export const ACTIVITY_KINDS = [
  'declined',
  'suggestion-removed',
  'reply-inserted',
  'guard-confirmed',
  'guard-cancelled',
  'welfare-check',
  'profile-linked',
  'profile-rejected',
  // What the sites put in front of the clinician: a client among suggestions or among their own
  // friends, followers or connections (at most one entry per client, kind and site a day).
  'suggestion-seen',
  'connection-seen',
  // A person with a safety concern, each time a page showed them (once a page load, with the kind
  // of page), for a record of where they turned up; and the site's own Block flow opened for them.
  'safety-seen',
  'block-opened',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Where it happened: the three sites Boundary reads, and the optional search and review sites. */
export const ACTIVITY_PLACES = ['facebook', 'instagram', 'linkedin', 'google', 'bing', 'duckduckgo', 'google-business', 'yelp'] as const;
export type ActivityPlace = (typeof ACTIVITY_PLACES)[number];

/**
 * What kind of page a sighting was on: the page kinds Boundary reads (requests, conversations,
 * suggestions, connections), a person's own profile, or any other page of the site. Never the
 * address: the sites' addresses carry names and ids.
 */
export const ACTIVITY_PAGES = ['requests', 'messages', 'suggestions', 'connections', 'notifications', 'profile', 'other'] as const satisfies readonly (PageKind | 'profile' | 'other')[];
export type ActivityPage = (typeof ACTIVITY_PAGES)[number];
export const isActivityPage = (v: unknown): v is ActivityPage => (ACTIVITY_PAGES as readonly unknown[]).includes(v);

export const isActivityKind = (v: unknown): v is ActivityKind => (ACTIVITY_KINDS as readonly unknown[]).includes(v);
export const isActivityPlace = (v: unknown): v is ActivityPlace => (ACTIVITY_PLACES as readonly unknown[]).includes(v);

/** A welfare check's record, in the clinician's words. */
export interface WelfareNote {
  /** Why the clinician looked: required, it is what makes a look a welfare check. */
  reason: string;
  /** What was looked at (a profile, a search), as they describe it. */
  lookedAt: string;
}

export interface ActivityEntry {
  id?: number;
  /** When it happened, in ms since the epoch. */
  at: number;
  kind: ActivityKind;
  place: ActivityPlace;
  /** The client it concerns; absent when nobody on the list was sure (e.g. a shared name). */
  clientId?: number;
  /** For the profile guard: which control the clinician clicked. */
  action?: GuardedAction;
  note?: WelfareNote;
  /** For a sighting: the kind of page it was on. */
  page?: ActivityPage;
}

/**
 * An entry as the database holds it (lib/vault/day-rows.ts): the entry and its day, or with the
 * vault on the day and the whole entry sealed. Before schema version 5 only a welfare note was
 * sealed (`sealedNote`) and the rest stayed readable; such rows are sealed whole at the next unlock.
 */
export type ActivityRow = DayRow<Omit<ActivityEntry, 'id'>> | LegacyActivityRow;
export type LegacyActivityRow = Omit<ActivityEntry, 'note'> & { day: number; sealedNote: Sealed };

const GUARDED_ACTIONS: readonly unknown[] = ['follow', 'add-friend', 'connect', 'message'] satisfies GuardedAction[];
const ENTRY_KEYS = new Set(['at', 'kind', 'place', 'clientId', 'action', 'note', 'page']);
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
export const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * An entry's own fields from a value read back (a sealed row opened, a backup file), exactly as
 * logActivity would have stored them; undefined when it is anything else. The welfare note is
 * held to the same limits as when it was written.
 */
export function readActivityEntry(value: unknown): Omit<ActivityEntry, 'id'> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (!Object.keys(v).every((k) => ENTRY_KEYS.has(k))) return undefined;
  if (!isTime(v.at) || !isActivityKind(v.kind) || !isActivityPlace(v.place)) return undefined;
  if (v.clientId !== undefined && !isId(v.clientId)) return undefined;
  if (v.action !== undefined && !GUARDED_ACTIONS.includes(v.action)) return undefined;
  if (v.page !== undefined && !isActivityPage(v.page)) return undefined;
  if (v.note !== undefined) {
    const note = v.note as Record<string, unknown> | null;
    if (typeof note !== 'object' || note === null || Object.keys(note).length !== 2) return undefined;
    if (typeof note.reason !== 'string' || typeof note.lookedAt !== 'string') return undefined;
    if (Object.keys(welfareNoteProblems(note as unknown as WelfareNote)).length > 0) return undefined;
  }
  return v as unknown as Omit<ActivityEntry, 'id'>;
}

export const RETENTION_CHOICES = [30, 90, 180, 365, 730, 1825] as const;
export type RetentionDays = (typeof RETENTION_CHOICES)[number];
/** A year: long enough to bring events into the sessions that follow, short enough to hold little. */
export const DEFAULT_RETENTION_DAYS: RetentionDays = 365;
export const isRetentionDays = (v: unknown): v is RetentionDays => (RETENTION_CHOICES as readonly unknown[]).includes(v);

export const REASON_MAX = 2000;
export const LOOKED_AT_MAX = 500;

/** What is wrong with a welfare note, field by field; empty when it can be saved. */
export function welfareNoteProblems(note: WelfareNote): Partial<Record<keyof WelfareNote, 'required' | 'too-long'>> {
  const problems: Partial<Record<keyof WelfareNote, 'required' | 'too-long'>> = {};
  if (note.reason.trim() === '') problems.reason = 'required';
  else if (note.reason.length > REASON_MAX) problems.reason = 'too-long';
  if (note.lookedAt.length > LOOKED_AT_MAX) problems.lookedAt = 'too-long';
  return problems;
}

/** The filters of the options page's log view; every one optional. */
export interface ActivityFilter {
  clientId?: number;
  place?: ActivityPlace;
  kind?: ActivityKind;
  /** Inclusive bounds, ms since the epoch. */
  from?: number;
  to?: number;
}

export function matchesFilter(entry: ActivityEntry, filter: ActivityFilter): boolean {
  return (
    (filter.clientId === undefined || entry.clientId === filter.clientId) &&
    (filter.place === undefined || entry.place === filter.place) &&
    (filter.kind === undefined || entry.kind === filter.kind) &&
    (filter.from === undefined || entry.at >= filter.from) &&
    (filter.to === undefined || entry.at <= filter.to)
  );
}
