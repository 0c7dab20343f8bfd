import type { Candidate } from './types';

/**
 * Helpers for the sites' page scanners (PageScanner): what an element added to the page holds,
 * and whether a candidate found again is the one found before.
 */

/** `root` itself when it matches `selector`, then what matches inside it, in page order. */
export function within(root: Element, selector: string): Element[] {
  const inside = [...root.querySelectorAll(selector)];
  return root.matches(selector) ? [root, ...inside] : inside;
}

/** Whether `root` is, holds or sits inside an element matching `selector`. */
export const touches = (root: Element, selector: string): boolean => root.closest(selector) !== null || root.querySelector(selector) !== null;

/** Elements in page order. */
export const sortedInPage = (elements: readonly Element[]): Element[] =>
  [...elements].sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));

/** Whether two candidates say the same thing about the same element. */
export function sameCandidate(a: Candidate, b: Candidate): boolean {
  return (
    a.kind === b.kind &&
    a.platform === b.platform &&
    a.element === b.element &&
    a.name === b.name &&
    a.thread === b.thread &&
    a.open === b.open &&
    a.identities.length === b.identities.length &&
    a.identities.every((id, i) => id === b.identities[i])
  );
}

/** `found` itself, or `before` when it says the same: a candidate found again stays the same object. */
export const keepSame = <C extends Candidate | null>(before: C | undefined, found: C): C =>
  before && found && sameCandidate(before, found) ? before : found;

/** What a site reads of one page at one address: its candidates now, and an update for added elements. */
export interface PageReading {
  found: Candidate[];
  /** The candidates after `added` were inserted; null when it cannot be sure without a full scan. */
  update(added: readonly Element[], url: URL): Candidate[] | null;
}

/**
 * A PageScanner from a site's readings: `read` starts one for the page at `url`, or gives null
 * where the site reads nothing alone (then `full` scans, and every update asks for a full scan).
 * A reading is kept only for its address, and dropped once it refuses: past a refusal what it
 * keeps may be half updated, and only a new scan starts again.
 */
export function scannerOf(read: (url: URL) => PageReading | null, full: (url: URL) => Candidate[]): { scan(url: URL): Candidate[]; update(added: readonly Element[], url: URL): Candidate[] | null } {
  let reading: { href: string; update: PageReading['update'] } | null = null;
  return {
    scan(url) {
      const started = read(url);
      reading = started && { href: url.href, update: started.update };
      return started ? started.found : full(url);
    },
    update(added, url) {
      const found = reading && reading.href === url.href ? reading.update(added, url) : null;
      if (!found) reading = null;
      return found;
    },
  };
}
