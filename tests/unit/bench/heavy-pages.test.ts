// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readClientCsv } from '@/lib/clients/client-csv';
import type { Client } from '@/lib/clients/model';
import { Matcher } from '@/lib/matching/matcher';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';
import type { SiteAdapter } from '@/lib/sites/types';
import { benchClientCsv, benchPages, type BenchSite } from '../../fixtures/bench';
import { loadReplicaHtml, setPageUrl } from '../sites/replica-dom';

// The bench (scripts/bench) streams these generated pages in Chromium and refuses to report
// figures unless the badge counts every client in the stream. Here, without a browser, the same
// pages read right: each streamed row is one candidate of its kind, and exactly the clients match.

const ADAPTERS: Record<BenchSite, SiteAdapter> = { facebook: facebookAdapter, instagram: instagramAdapter, linkedin: linkedinAdapter };
const ROWS = 120;
const pages = benchPages({ rows: ROWS, clientEvery: 10, arrivals: 3 });
const parsed = readClientCsv(benchClientCsv(pages, 400));
if (!parsed.ok) throw new Error(parsed.error);
const clients: Client[] = parsed.rows.map((row, i) => ({ ...row.draft, id: i + 1, createdAt: 0, updatedAt: 0 }));

describe('the bench’s heavy pages', () => {
  it('take every page’s clients in one list, none refused', () => {
    if (!parsed.ok) return;
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows).toHaveLength(400);
  });

  for (const page of pages) {
    it(`${page.site} ${page.kind}: every streamed row is a ${page.rowKind}, and only the clients match`, () => {
      loadReplicaHtml(page.html);
      setPageUrl(page.url);
      const list = document.querySelector('[data-heavy-list]')!;
      list.innerHTML = Array.from({ length: ROWS }, (_, i) => page.rowHtml(i)).join('');
      const url = new URL(page.url);
      const adapter = ADAPTERS[page.site];
      expect(adapter.pageKindOf(url)).toBe(page.kind === 'inbox' ? 'messages' : 'requests');

      const found = adapter.findCandidates(document, url);
      const rows = found.filter((candidate) => list.contains(candidate.element));
      expect(rows.map((c) => c.kind)).toEqual(Array(ROWS).fill(page.rowKind));
      expect(rows.map((c) => c.name)).toEqual(page.people.slice(0, ROWS).map(([, name]) => name));
      expect(rows.map((c) => c.identities)).toEqual(
        page.people.slice(0, ROWS).map((_, i) => {
          const identity = page.identityOf(i);
          return identity === null ? [] : [identity];
        }),
      );
      // Nothing outside the list is a client (suggestions, the open conversation, the clinician).
      const matcher = new Matcher(clients);
      const matched = found.filter((c) => matcher.match({ platform: c.platform, identities: c.identities, name: c.name }).match !== 'none');
      const expected = page.clientPeople.filter((index) => index < ROWS);
      expect(matched.map((c) => c.name)).toEqual(expected.map((index) => page.people[index]![1]));
    }, 30_000);
  }
});
