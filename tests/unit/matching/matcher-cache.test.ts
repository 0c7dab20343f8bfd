import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '@/lib/db';
import { ClientLimitError } from '@/lib/clients/limits';
import type { ClientDraft, ClientStatus } from '@/lib/clients/model';
import { addClient, deleteClient, forgetNotThem, listClients, notThemKeys, rememberNotThem, updateClient } from '@/lib/clients/store';
import { PLATFORMS, type Platform } from '@/lib/identity/platform';
import { Matcher } from '@/lib/matching/matcher';
import { currentMatcher, dropMatcher, invalidateMatcher, matcherReady, onListChange, peopleIndex, type MatcherState } from '@/lib/matching/matcher-cache';
import { localDay, strangerIds, yearsAfter } from '@/lib/policy/status-policy';
import { loadStatusPolicy, saveStatusChoices } from '@/lib/settings/status-policy';
import * as store from '@/lib/clients/store';
import { enableVault } from '@/lib/vault/vault';


type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;
/**
 * The background's matcher follows the list's changes in place (lib/matching/matcher-cache.ts):
 * after any sequence of adds, edits, deletes, "not them" said and taken back, and the status
 * policy's cut-off moved, it must be what a build from scratch of the stored list gives, and its
 * people index and list size too, while the matcher itself is never built again.
 */

const NAMES = ['Ana Souza', 'Chidi Okoro', 'Zoë Dubois', 'Sam Lee', 'Okoro, Chidi', 'Inês Duarte'];
const IDS: Record<Platform, string[]> = {
  facebook: ['100012345678901', 'janedoe71', 'samlee9'],
  instagram: ['ana.souza_', 'chidi.o', 'sam_lee'],
  linkedin: ['zoë-dubois', 'sam-lee', 'chidi-okoro'],
};
const longAgo = yearsAfter(localDay(new Date()), -5)!;

const drafted = fc.record({
  name: fc.constantFrom(...NAMES),
  aliases: fc.subarray(NAMES, { maxLength: 2 }),
  status: fc.constantFrom<ClientStatus>('current', 'former'),
  ended: fc.boolean(),
  facebook: fc.subarray(IDS.facebook, { maxLength: 2 }),
  instagram: fc.subarray(IDS.instagram, { maxLength: 1 }),
  linkedin: fc.subarray(IDS.linkedin, { maxLength: 1 }),
  minor: fc.boolean(),
  safety: fc.boolean(),
  relatedTo: fc.option(fc.nat(), { nil: undefined }),
});
type Drafted = ValueOf<typeof drafted>;

function draftOf(d: Drafted, ids: readonly number[]): ClientDraft {
  const related = d.relatedTo !== undefined && ids.length > 0 ? ids[d.relatedTo % ids.length] : undefined;
  return {
    name: d.name,
    aliases: d.aliases,
    status: d.status,
    identities: { facebook: d.facebook, instagram: d.instagram, linkedin: d.linkedin },
    ...(d.status === 'former' && d.ended && { endDate: longAgo }),
    ...(d.minor && { minor: true }),
    ...(d.safety && { safety: true }),
    ...(related !== undefined && { relatedTo: related, relationship: 'parent' as const }),
  };
}

type Step =
  | { kind: 'add'; d: Drafted }
  | { kind: 'edit'; pick: number; d: Drafted }
  | { kind: 'delete'; pick: number }
  | { kind: 'not-them' | 'undo-not-them'; pick: number; platform: Platform; which: number }
  | { kind: 'cut-off'; years: number | null };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('add' as const), d: drafted }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), d: drafted }), weight: 2 },
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constantFrom('not-them' as const, 'undo-not-them' as const), pick: fc.nat(), platform: fc.constantFrom(...PLATFORMS), which: fc.nat(2) }),
  { arbitrary: fc.record({ kind: fc.constant('cut-off' as const), years: fc.constantFrom(2, null) }), weight: 2 },
);

async function apply(s: Step): Promise<void> {
  const db = database();
  const ids = (await listClients(db)).map((c) => c.id);
  try {
    if (s.kind === 'add') await addClient(db, draftOf(s.d, ids));
    else if (s.kind === 'cut-off') await saveStatusChoices(db, { groups: {}, strangerAfterYears: s.years });
    else if (ids.length === 0) return;
    else if (s.kind === 'edit') await updateClient(db, ids[s.pick % ids.length]!, draftOf(s.d, ids));
    else if (s.kind === 'delete') await deleteClient(db, ids[s.pick % ids.length]!);
    else if (s.kind === 'not-them') await rememberNotThem(db, ids[s.pick % ids.length]!, s.platform, IDS[s.platform][s.which]!);
    else await forgetNotThem(db, ids[s.pick % ids.length]!, s.platform, IDS[s.platform][s.which]!);
  } catch (error) {
    // A relation the list's rules refuse (a related person's own related people): nothing was written.
    if (!(error instanceof ClientLimitError)) throw error;
  }
}

/** The matcher, people and size a build from scratch of the stored list gives. */
async function fromScratch(): Promise<Pick<MatcherState, 'listSize' | 'people'> & { contents: ReturnType<Matcher['contents']> }> {
  const db = database();
  const [clients, notThem, policy] = await Promise.all([listClients(db), notThemKeys(db), loadStatusPolicy(db)]);
  const strangers = strangerIds(clients, policy.strangerAfterYears, localDay(new Date()));
  const matcher = new Matcher(clients.filter((c) => !strangers.has(c.id)), notThem);
  return { contents: matcher.contents(), listSize: clients.length, people: peopleIndex(clients) };
}

async function expectSameAsScratch(live: MatcherState): Promise<void> {
  const scratch = await fromScratch();
  expect(live.matcher.contents()).toEqual(scratch.contents);
  expect(live.listSize).toBe(scratch.listSize);
  expect([...live.people.safety].sort()).toEqual([...scratch.people.safety].sort());
  expect(new Map([...live.people.guardians].sort(([a], [b]) => a - b))).toEqual(new Map([...scratch.people.guardians].sort(([a], [b]) => a - b)));
}

beforeEach(async () => {
  fakeBrowser.reset();
  dropMatcher();
  vi.restoreAllMocks();
  const db = database();
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe("the background's matcher, changed in place", () => {
  it('equals a build from scratch after any sequence of list changes, and is never built again (randomised)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        fakeBrowser.reset();
        dropMatcher();
        const db = database();
        await Promise.all(db.tables.map((table) => table.clear()));
        const first = await currentMatcher();
        for (const s of steps) {
          await apply(s);
          invalidateMatcher();
          const live = await currentMatcher();
          expect(live.matcher).toBe(first.matcher);
          await expectSameAsScratch(live);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a former client past the cut-off comes back, unchanged, when the cut-off is lifted', async () => {
    const db = database();
    const lena = await addClient(db, { name: 'Lena Fischbach', aliases: [], status: 'former', endDate: longAgo, identities: { facebook: ['lenafischbach'], instagram: [], linkedin: [] } });
    const query = { platform: 'facebook' as const, identities: ['lenafischbach'], name: '' };
    await saveStatusChoices(db, { groups: {}, strangerAfterYears: 2 });
    invalidateMatcher();
    expect((await currentMatcher()).matcher.match(query)).toEqual({ match: 'none' });
    await saveStatusChoices(db, { groups: {}, strangerAfterYears: null });
    invalidateMatcher();
    const live = await currentMatcher();
    expect(live.matcher.match(query)).toMatchObject({ match: 'exact', clientIds: [lena] });
    await expectSameAsScratch(live);
  });

  it('opens only the rows that changed', async () => {
    const db = database();
    for (const name of NAMES) await addClient(db, { name, aliases: [], status: 'current', identities: { facebook: [], instagram: [], linkedin: [] } });
    await currentMatcher();
    const [, second] = await listClients(db);
    await updateClient(db, second!.id, { name: 'Sam Okafor', aliases: ['Sammy Okafor'], status: 'current', identities: { facebook: ['samokafor'], instagram: [], linkedin: [] } });
    const opened = vi.spyOn(store, 'openRows');
    invalidateMatcher();
    const live = await currentMatcher();
    expect(opened.mock.calls.map(([, rows]) => rows.map((row) => row.id))).toEqual([[second!.id]]);
    expect(live.matcher.match({ platform: 'facebook', identities: ['samokafor'], name: '' })).toMatchObject({ clientIds: [second!.id] });
    expect(live.matcher.match({ platform: 'facebook', identities: [], name: 'okafor sammy' })).toMatchObject({ clientIds: [second!.id] });
    expect(live.matcher.match({ platform: 'facebook', identities: [], name: 'Chidi Okoro' })).toMatchObject({ match: 'name' });
    await expectSameAsScratch(live);
  });

  it('under the vault, only the changed sealed row is opened, and applied', async () => {
    const db = database();
    await enableVault(db, 'correct horse battery staple');
    const ana = await addClient(db, { name: 'Ana Souza', aliases: [], status: 'current', identities: { facebook: ['100012345678901'], instagram: [], linkedin: [] } });
    await addClient(db, { name: 'Chidi Okoro', aliases: [], status: 'current', identities: { facebook: [], instagram: [], linkedin: [] } });
    const first = await currentMatcher();
    // Each write starts a refresh of its own as it commits: across them, the one changed row is opened, once.
    const opened = vi.spyOn(store, 'openRows');
    await updateClient(db, ana, { name: 'Ana Souza', aliases: ['Ana S. Lima'], status: 'current', identities: { facebook: ['100012345678902'], instagram: [], linkedin: [] } });
    await rememberNotThem(db, ana, 'instagram', 'ana.souza_');
    invalidateMatcher();
    const live = await currentMatcher();
    expect(live.matcher).toBe(first.matcher);
    expect(opened.mock.calls.flatMap(([, rows]) => rows.map((row) => row.id))).toEqual([ana]);
    expect(live.matcher.match({ platform: 'facebook', identities: ['100012345678901'], name: '' })).toEqual({ match: 'none' });
    expect(live.matcher.match({ platform: 'instagram', identities: ['ana.souza_'], name: 'Lima, Ana S.' })).toEqual({ match: 'none' });
    await expectSameAsScratch(live);
  });
});

describe('a write to the list, with nobody saying the list changed', () => {
  const draft = (name: string, facebook: string): ClientDraft => ({ name, aliases: [], status: 'current', identities: { facebook: [facebook], instagram: [], linkedin: [] } });
  const ana = { platform: 'facebook' as const, identities: ['100012345678901'], name: 'Ana Souza' };

  // The options page said so only after showing the new list, and not at all when it was closed
  // first: the background went on matching an import's clients against the list from before it.
  it('an import is in the next answer, and the matcher is brought up to date without waiting for one', async () => {
    const db = database();
    await addClient(db, draft('Sam Lee', 'samlee9'));
    const first = await currentMatcher();
    expect(first.matcher.match(ana)).toEqual({ match: 'none' });
    const opened = vi.spyOn(store, 'openRows');
    await store.importDrafts(db, [draft('Ana Souza', '100012345678901'), draft('Chidi Okoro', 'chidi.o')]);
    // Nobody asks: the write alone starts the refresh.
    await vi.waitFor(() => expect(opened).toHaveBeenCalled());
    await vi.waitFor(() => expect(matcherReady()).toBe(true));
    const live = await currentMatcher();
    expect(live.matcher).toBe(first.matcher);
    expect(live.listSize).toBe(3);
    expect(live.matcher.match(ana)).toMatchObject({ match: 'exact' });
    await expectSameAsScratch(live);
  });

  /** Long enough for every commit so far to be heard (the notice goes on a timer after the commit). */
  const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('edits, deletes and "not them" are followed too, and whoever listens hears of each once it commits', async () => {
    const db = database();
    const heard = vi.fn();
    const stop = onListChange(heard);
    try {
      const id = await addClient(db, draft('Ana Souza', '100012345678901'));
      await currentMatcher();
      await vi.waitFor(() => expect(heard).toHaveBeenCalled());
      // One write may commit in more than one transaction, each heard when it commits: what counts
      // is that each is heard, and that the matcher is up to date by then.
      const heardMore = async (before: number) => vi.waitFor(() => expect(heard.mock.calls.length).toBeGreaterThan(before));
      await settled();
      let calls = heard.mock.calls.length;
      await updateClient(db, id, draft('Ana Souza', '100012345678902'));
      await heardMore(calls);
      expect((await currentMatcher()).matcher.match(ana)).toMatchObject({ match: 'name', clientIds: [id] });
      await settled();
      calls = heard.mock.calls.length;
      await rememberNotThem(db, id, 'facebook', '100012345678901');
      await heardMore(calls);
      expect((await currentMatcher()).matcher.match(ana)).toEqual({ match: 'none' });
      await settled();
      calls = heard.mock.calls.length;
      await deleteClient(db, id);
      await heardMore(calls);
      expect((await currentMatcher()).listSize).toBe(0);
      // Writes elsewhere (the activity log) are not the list's: no refresh, nobody told.
      await settled();
      calls = heard.mock.calls.length;
      await db.activity.add({ at: Date.now(), day: 1, kind: 'declined', place: 'facebook' } as never);
      await settled();
      expect(heard).toHaveBeenCalledTimes(calls);
    } finally {
      stop();
    }
  });
});
