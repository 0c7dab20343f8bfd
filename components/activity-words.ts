import type { ActivityWords } from '@/lib/activity/csv';
import type { ActivityKind, ActivityPage } from '@/lib/activity/model';
import { placeName } from '@/lib/activity/places';
import { t, type MessageKey } from '@/lib/i18n/t';
import { statusLabel } from './client-words';
import type { GuardedAction } from '@/lib/sites/types';

const KIND_KEYS: Record<ActivityKind, MessageKey> = {
  declined: 'activity_kind_declined',
  'suggestion-removed': 'activity_kind_suggestion_removed',
  'reply-inserted': 'activity_kind_reply_inserted',
  'guard-confirmed': 'activity_kind_guard_confirmed',
  'guard-cancelled': 'activity_kind_guard_cancelled',
  'welfare-check': 'activity_kind_welfare_check',
  'profile-linked': 'activity_kind_profile_linked',
  'profile-rejected': 'activity_kind_profile_rejected',
  'suggestion-seen': 'activity_kind_suggestion_seen',
  'connection-seen': 'activity_kind_connection_seen',
  'safety-seen': 'activity_kind_safety_seen',
  'block-opened': 'activity_kind_block_opened',
};

const PAGE_KEYS: Record<ActivityPage, MessageKey> = {
  requests: 'activity_page_requests',
  messages: 'activity_page_messages',
  suggestions: 'activity_page_suggestions',
  connections: 'activity_page_connections',
  notifications: 'activity_page_notifications',
  profile: 'activity_page_profile',
  other: 'activity_page_other',
};

const ACTION_KEYS: Record<GuardedAction, MessageKey> = {
  follow: 'activity_action_follow',
  'add-friend': 'activity_action_add_friend',
  connect: 'activity_action_connect',
  message: 'activity_action_message',
};

/** The activity log's words in the browser's language, for the options page and its CSV. */
export const activityWords: ActivityWords = {
  kind: (kind) => t(KIND_KEYS[kind]),
  place: placeName,
  action: (action) => t(ACTION_KEYS[action]),
  status: statusLabel,
  relatedTo: (name, client) => t('activity_related_to', name, client),
  page: (page) => t(PAGE_KEYS[page]),
  removedClient: t('activity_removed_client'),
};
