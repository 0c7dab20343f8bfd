import type { Platform } from '@/lib/identity/platform';
import type { MessageKey } from '@/lib/i18n/t';

/**
 * The sites' own settings that make a client less likely to be shown to the clinician (and the
 * clinician to them). Each is a plain link the clinician follows in a new tab: Boundary never
 * opens, reads or fetches these pages. The addresses are the ones public help pages and guides
 * gave in 2025–2026; sites move their settings, so the list carries the month it was checked.
 */
export const CHECKLIST_CHECKED = { year: 2026, month: 12 } as const;

/** After this long a setting ticked as done asks to be looked at again: site updates reset settings. */
export const LOOK_AGAIN_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CheckItem {
  id: string;
  platform: Platform;
  /** The site's own settings page. */
  url: string;
  title: MessageKey;
  why: MessageKey;
}

export const CHECKLIST: readonly CheckItem[] = [
  // Facebook's "How people find and contact you" settings, where both of the next two sit.
  {
    id: 'facebook-friend-requests',
    platform: 'facebook',
    url: 'https://www.facebook.com/settings/?tab=how_people_find_and_contact_you',
    title: 'checkup_fb_requests_title',
    why: 'checkup_fb_requests_why',
  },
  {
    id: 'facebook-look-up',
    platform: 'facebook',
    url: 'https://www.facebook.com/settings/?tab=how_people_find_and_contact_you',
    title: 'checkup_fb_lookup_title',
    why: 'checkup_fb_lookup_why',
  },
  // Facebook's "Manage invites and imported contacts" page, which has "Delete all".
  {
    id: 'facebook-contacts',
    platform: 'facebook',
    url: 'https://www.facebook.com/mobile/facebook/contacts/',
    title: 'checkup_fb_contacts_title',
    why: 'checkup_fb_contacts_why',
  },
  // Instagram on the web: Settings › "Who can see your content" (Account privacy).
  {
    id: 'instagram-private',
    platform: 'instagram',
    url: 'https://www.instagram.com/accounts/who_can_see_your_content/',
    title: 'checkup_ig_private_title',
    why: 'checkup_ig_private_why',
  },
  // Instagram on the web: Edit profile, whose "Show account suggestions on profiles" is this setting.
  {
    id: 'instagram-suggest',
    platform: 'instagram',
    url: 'https://www.instagram.com/accounts/edit/',
    title: 'checkup_ig_suggest_title',
    why: 'checkup_ig_suggest_why',
  },
  // LinkedIn: Settings & Privacy › Visibility › Profile viewing options.
  {
    id: 'linkedin-viewing',
    platform: 'linkedin',
    url: 'https://www.linkedin.com/mypreferences/d/profile-viewing-options',
    title: 'checkup_li_viewing_title',
    why: 'checkup_li_viewing_why',
  },
  // LinkedIn: Settings & Privacy › Visibility › Connections.
  {
    id: 'linkedin-connections',
    platform: 'linkedin',
    url: 'https://www.linkedin.com/mypreferences/d/connections-visibility',
    title: 'checkup_li_connections_title',
    why: 'checkup_li_connections_why',
  },
  // LinkedIn: My Network › Manage synced and imported contacts.
  {
    id: 'linkedin-contacts',
    platform: 'linkedin',
    url: 'https://www.linkedin.com/mynetwork/import-contacts/saved-contacts/',
    title: 'checkup_li_contacts_title',
    why: 'checkup_li_contacts_why',
  },
];

export type CheckState = 'todo' | 'done' | 'look-again';

/** Where an item stands, from when it was ticked (if it was): done, until LOOK_AGAIN_DAYS have passed. */
export function checkState(tickedAt: number | undefined, now: number): CheckState {
  if (tickedAt === undefined) return 'todo';
  return now - tickedAt >= LOOK_AGAIN_DAYS * DAY_MS ? 'look-again' : 'done';
}
