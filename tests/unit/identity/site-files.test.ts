import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Platform } from '@/lib/identity/platform';

/**
 * A content script imports its own site's identity file (lib/identity/facebook.ts …), never
 * lib/identity, so that it carries one site's rules rather than three. Each file alone must read
 * its own site exactly as lib/identity does, and nothing of the other sites.
 */
const LINKS: Record<Platform, { href: string; bare: string }> = {
  facebook: { href: 'https://www.facebook.com/profile.php?id=100012345678901', bare: 'Jane.Doe.71' },
  instagram: { href: 'https://www.instagram.com/ana.souza_/', bare: '@ana.souza_' },
  linkedin: { href: 'https://www.linkedin.com/in/zo%C3%AB-dubois/', bare: 'urn:li:fsd_profile:ACoAAB1x2YzQabc' },
};
const PLATFORMS = Object.keys(LINKS) as Platform[];

beforeEach(() => {
  vi.resetModules();
});

describe("each site's identity file on its own", () => {
  it.each(PLATFORMS)('%s: reads its own links and pastes as lib/identity does, and no other site', async (platform) => {
    const own = await import(`@/lib/identity/${platform}.ts`);
    for (const other of PLATFORMS.filter((p) => p !== platform)) {
      expect(own.identityFromHref(other, LINKS[other].href)).toBeNull();
      expect(own.parseIdentity(other, LINKS[other].bare).ok).toBe(false);
    }
    const { href, bare } = LINKS[platform];
    const read = own.identityFromHref(platform, href);
    const parsed = own.parseIdentity(platform, bare);
    // Now all three sites' rules, as the background has them: the same answers.
    const all = await import('@/lib/identity/parse');
    expect(read).not.toBeNull();
    // (Another spelling of the link, so that the answer is read again rather than remembered.)
    expect(read).toBe(all.identityFromHref(platform, `${href}${href.includes('?') ? '&' : '?'}from=test`));
    expect(parsed).toEqual(all.parseIdentity(platform, bare));
  });
});
