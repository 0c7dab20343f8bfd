import { browser } from 'wxt/browser';
import { PLATFORMS, type Platform } from '@/lib/identity/platform';
import type { PageKind } from '@/lib/sites/types';

/**
 * When Boundary last read a page of each site and kind (requests, conversations, suggestions,
 * connections) and recognised people on it, so the options page can show that reading still
 * works on each. Kept in storage.local: a site and a kind with a time, never a name or an address.
 */
export type SiteReads = Partial<Record<`${Platform}:${PageKind}`, number>>;

const KEY = 'site-reads';
export const PAGE_KINDS: readonly PageKind[] = ['requests', 'messages', 'suggestions', 'connections', 'notifications'];

/** A read is written at most this often per site and kind: pages report on every change. */
const WRITE_EVERY_MS = 60_000;
const written = new Map<string, number>();

export async function recordSiteRead(platform: Platform, kind: PageKind, at = Date.now()): Promise<void> {
  const key = `${platform}:${kind}` as const;
  if (at - (written.get(key) ?? -Infinity) < WRITE_EVERY_MS) return;
  written.set(key, at);
  const reads = await readSiteReads();
  await browser.storage.local.set({ [KEY]: { ...reads, [key]: at } });
}

export async function readSiteReads(): Promise<SiteReads> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  if (typeof stored !== 'object' || stored === null) return {};
  const reads: SiteReads = {};
  for (const platform of PLATFORMS) {
    for (const kind of PAGE_KINDS) {
      const at = (stored as Record<string, unknown>)[`${platform}:${kind}`];
      if (typeof at === 'number' && Number.isFinite(at)) reads[`${platform}:${kind}`] = at;
    }
  }
  return reads;
}
