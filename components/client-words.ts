import type { ClientStatus, Relationship } from '@/lib/clients/model';
import { t, type MessageKey } from '@/lib/i18n/t';

/** How the pages name a status and a relationship, in the clinician's language: each form where it stands. */

const STATUS_LABELS: Record<ClientStatus, MessageKey> = {
  enquiry: 'client_status_enquiry',
  waitlist: 'client_status_waitlist',
  current: 'client_status_current',
  former: 'client_status_former',
};
/** As the status menu offers it: "Current client". */
export const statusLabel = (status: ClientStatus): string => t(STATUS_LABELS[status]);

const STATUS_PHRASES: Record<ClientStatus, MessageKey> = {
  enquiry: 'status_enquiry_person',
  waitlist: 'status_waitlist_person',
  current: 'status_current_client',
  former: 'status_former_client',
};
/** As a line about a person says it, in the popup and "To discuss": "current client", "on the waiting list". */
export const statusWord = (status: ClientStatus): string => t(STATUS_PHRASES[status]);

const STATE_LABELS: Record<ClientStatus, MessageKey> = {
  enquiry: 'client_state_enquiry',
  waitlist: 'client_state_waitlist',
  current: 'client_state_current',
  former: 'client_state_former',
};
/** As the list's status column shows it: "current". */
export const stateLabel = (status: ClientStatus): string => t(STATE_LABELS[status]);

const RELATIONSHIP_LABELS: Record<Relationship, MessageKey> = {
  parent: 'client_relationship_parent',
  guardian: 'client_relationship_guardian',
  partner: 'client_relationship_partner',
  family: 'client_relationship_family',
  carer: 'client_relationship_carer',
};
/**
 * As the form's menu offers it and the list shows it: "Parent". Its own keys: the popup names a
 * relationship inside a sentence, in lower case (relationship_*, entrypoints/popup/item-parts.tsx).
 */
export const relationshipLabel = (relationship: Relationship): string => t(RELATIONSHIP_LABELS[relationship]);

/** A stored day (YYYY-MM-DD) as the browser's language writes dates; the day itself, in no time zone. */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
