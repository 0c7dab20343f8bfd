import { t } from '@/lib/i18n/t';
import { ENGINE_NAMES } from '@/lib/searches/engines';
import type { ActivityPlace } from './model';

/** A place's name for people: brand names stay as they are; the two business sites have names per language. */
export function placeName(place: ActivityPlace): string {
  switch (place) {
    case 'facebook':
      return 'Facebook';
    case 'instagram':
      return 'Instagram';
    case 'linkedin':
      return 'LinkedIn';
    case 'google-business':
      return t('review_site_google_business');
    case 'yelp':
      return t('review_site_yelp');
    default:
      return ENGINE_NAMES[place];
  }
}
