import { askFirst } from './popup/first-ask';

/**
 * popup.html's first script, a classic one run as the parser reaches it: it asks the background
 * for the tab's state before the popup's bundle has even been fetched (./popup/first-ask.ts says why).
 */
export default defineUnlistedScript(() => askFirst());
