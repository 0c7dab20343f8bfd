import { outlineOf } from '@/lib/outline/outline';

/**
 * The anonymised page outline, injected into a site's tab only when the clinician asks for one
 * (popup or options), so that its word lists are not carried by every content script on every
 * page. Its return value is what executeScript hands back to the background.
 */
export default defineUnlistedScript(() => outlineOf(document));
