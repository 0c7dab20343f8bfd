import { stripInvisible } from '../../lib/clients/invisible';
import { identityUrl } from '../../lib/identity/parse';
import { UNSEEN_PAGES, type UnseenPerson } from '../fixtures/unseen';
import { expect, replicaState, shownDetections, test } from './support/test';

// The replicas written independently of the others (tests/fixtures/unseen.ts: other UI languages,
// other markup), each opened in Chromium with the built extension, its people on the client
// list: the popup lists each person once, the page sees no change, and the first request's
// Decline presses the site's own Delete / Ignore and nothing else. The adapters' own reading
// of these pages is tests/unit/sites/unseen-layouts.test.ts; this is the whole extension on them.

const PLATFORMS = ['facebook', 'instagram', 'linkedin'] as const;

/** One client per name shown on the pages, with every profile the pages link them by. */
function clientCsv(): string {
  const clients = new Map<string, Record<(typeof PLATFORMS)[number], Set<string>>>();
  for (const page of UNSEEN_PAGES) {
    for (const person of page.people) {
      const client = clients.get(person.name) ?? { facebook: new Set<string>(), instagram: new Set<string>(), linkedin: new Set<string>() };
      for (const identity of person.identities) client[page.platform].add(identityUrl(page.platform, identity));
      clients.set(person.name, client);
    }
  }
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const rows = [...clients].map(([name, ids]) => [name, 'current', '', ...PLATFORMS.map((p) => [...ids[p]].join(';'))].map(cell).join(','));
  return ['name,status,aliases,facebook,instagram,linkedin', ...rows].join('\n');
}

/**
 * A name as the client list keeps it, and so as the popup shows it: without the invisible
 * formatting characters the list takes out on import (a Persian name's zero-width non-joiner
 * between its letters stays).
 */
const asListed = (name: string) => stripInvisible(name).text.trim();

/** Each name once: the popup shows one item per person (a conversation's row and its open header are one). */
const namesOf = (people: readonly UnseenPerson[]) => [...new Set(people.map((person) => person.name))].sort();

// One walk per site: each round adds pages, and three walks share the workers (one walk over
// every page had grown to over a minute on an idle machine, the run's longest test).
for (const platform of PLATFORMS) {
  test(`each unseen ${platform} replica: every person on the list is shown once in the popup, the page sees no change, and a request is declined with the site’s own control`, async ({ boundary, context, replicas }) => {
    test.setTimeout(180_000);
    const csv = clientCsv();
    const { imported, rejected } = await boundary.importCsv(csv);
    expect({ imported, rejected }).toEqual({ imported: csv.trim().split('\n').length - 1, rejected: 0 });

    const pages = UNSEEN_PAGES.filter((page) => page.platform === platform);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const site = await context.newPage();
      await site.goto(replicas.serve(page.url, page.fixture));
      const expected = namesOf(page.people);
      await expect.poll(() => boundary.badgeText(site), { message: page.fixture }).toBe(String(expected.length));
      const popup = await boundary.openPopup(site);
      await expect(popup.getByTestId('detection'), page.fixture).toHaveCount(page.popupItems ?? expected.length);
      const shown = await shownDetections(popup);
      expect(shown.every((d) => d.platform === page.platform), page.fixture).toBe(true);
      // textContent, not innerText: cards scrolled out of view are not rendered (content-visibility).
      const texts = await popup.getByTestId('detection').evaluateAll((items) => items.map((item) => item.textContent ?? ''));
      for (const name of expected) expect(texts.filter((text) => text.includes(asListed(name))).length, `${page.fixture}: ${name}`).toBeGreaterThan(0);
      expect((await replicaState(site)).foreignMutations, page.fixture).toEqual([]);
      // One request declined from the popup: the site's own Delete / Ignore is pressed, nothing else.
      // Where no label on the page can be read, the popup says it could not press it, and nothing is pressed.
      const request = page.people.find((person) => person.kind === 'request');
      if (request) {
        const card = popup.getByTestId('detection').filter({ hasText: request.name });
        await card.getByTestId('decline').click();
        if (page.unreadLabels) {
          await expect(card.getByTestId('action-result'), page.fixture).toHaveAttribute('data-ok', 'false');
          expect((await replicaState(site)).actions, page.fixture).toEqual([]);
        } else {
          // A requester's profile with Respond's menu closed: Respond is pressed, then Delete request in the menu it renders.
          const pressed = [...(page.respondMenu ? ['respond-menu'] : []), 'decline'].map((action) => ({ action, person: request.person }));
          await expect.poll(async () => (await replicaState(site)).actions, { message: page.fixture }).toEqual(pressed);
        }
      }
      await popup.close();
      await site.close();
    }
    expect(replicas.unexpected.filter((url) => !url.endsWith('/favicon.ico'))).toEqual([]);
  });
}
