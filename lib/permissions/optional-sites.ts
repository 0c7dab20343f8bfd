import { browser } from 'wxt/browser';
import { REVIEW_ORIGINS } from '@/lib/reviews/sites';
import { SEARCH_ORIGINS } from '@/lib/searches/engines';

/**
 * Features that read sites beyond the three social networks. Their hosts are optional
 * permissions: nothing is asked at install, the browser asks when the clinician turns a feature
 * on in the options page, and turning it off gives the permission back. Whether a feature is on
 * is whether its permission is granted, so there is no second setting to drift out of step.
 */
export const OPTIONAL_FEATURES = {
  searches: SEARCH_ORIGINS,
  reviews: REVIEW_ORIGINS,
} as const satisfies Record<string, readonly string[]>;
export type OptionalFeature = keyof typeof OPTIONAL_FEATURES;

export async function featureOn(feature: OptionalFeature): Promise<boolean> {
  return browser.permissions.contains({ origins: [...OPTIONAL_FEATURES[feature]] });
}

/** Asks the browser for the feature's hosts; it must run from the clinician's click (a user gesture). */
export async function turnFeatureOn(feature: OptionalFeature): Promise<boolean> {
  return browser.permissions.request({ origins: [...OPTIONAL_FEATURES[feature]] });
}

export async function turnFeatureOff(feature: OptionalFeature): Promise<void> {
  await browser.permissions.remove({ origins: [...OPTIONAL_FEATURES[feature]] });
}
