/**
 * The screens where a practice answers reviews of itself. A public answer to a reviewer can say,
 * or let anyone infer, that the reviewer is a client; US regulators have fined practices for
 * exactly that. Boundary reads only the address of these pages, once the clinician turns the
 * feature on.
 */
export const REVIEW_SITES = ['google-business', 'yelp'] as const;
export type ReviewSite = (typeof REVIEW_SITES)[number];

/** Match patterns for the optional host permission the feature asks for. */
export const REVIEW_ORIGINS: readonly string[] = ['https://business.google.com/*', 'https://biz.yelp.com/*'];

/**
 * The review site whose reply screen this is, or null. Google Business Profile lists and answers
 * reviews under `/reviews` (also `/…/reviews` with a location id before it, and `/n/<id>/reviews`
 * in the newer manager); Yelp for Business under `/reviews` and its older `/r2r/` paths
 * ("reply to reviews").
 */
export function reviewSiteOf(href: string): ReviewSite | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const segments = url.pathname.split('/').filter(Boolean).map((s) => s.toLowerCase());
  const host = url.hostname.toLowerCase();
  if (host === 'business.google.com' && segments.includes('reviews')) return 'google-business';
  if (host === 'biz.yelp.com' && (segments.includes('reviews') || segments[0] === 'r2r')) return 'yelp';
  return null;
}
