import type { ClientStatus, Relationship } from '@/lib/clients/model';
import { t, type MessageKey } from '@/lib/i18n/t';

/** How the options page names a status and a relationship, in the clinician's language. */

const STATUS_LABELS: Record<ClientStatus, MessageKey> = {
  enquiry: 'client_status_enquiry',
  waitlist: 'client_status_waitlist',
  current: 'client_status_current',
  former: 'client_status_former',
};
/** As the status menu offers it: "Current client". */
export const statusLabel = (status: ClientStatus): string => t(STATUS_LABELS[status]);

const STATE_LABELS: Record<ClientStatus, MessageKey> = {
  enquiry: 'client_state_enquiry',
  waitlist: 'client_state_waitlist',
  current: 'client_state_current',
  former: 'client_state_former',
};
/** As the list's status column shows it: "current". */
export const stateLabel = (status: ClientStatus): string => t(STATE_LABELS[status]);

const RELATIONSHIP_LABELS: Record<Relationship, MessageKey> = {
  parent: 'relationship_parent',
  guardian: 'relationship_guardian',
  partner: 'relationship_partner',
  family: 'relationship_family',
  carer: 'relationship_carer',
};
export const relationshipLabel = (relationship: Relationship): string => t(RELATIONSHIP_LABELS[relationship]);

/** A stored day (YYYY-MM-DD) as the browser's language writes dates; the day itself, in no time zone. */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
