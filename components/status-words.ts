import type { ClientStatus } from '@/lib/clients/model';
import { t, type MessageKey } from '@/lib/i18n/t';

const STATUS_LABELS: Record<ClientStatus, MessageKey> = {
  enquiry: 'status_enquiry_person',
  waitlist: 'status_waitlist_person',
  current: 'status_current_client',
  former: 'status_former_client',
};

/** "current client", "on the waiting list" …: a status as the popup and the options page say it. */
export const statusWord = (status: ClientStatus): string => t(STATUS_LABELS[status]);
