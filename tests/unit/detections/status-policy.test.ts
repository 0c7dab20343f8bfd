import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listActivity } from '@/lib/activity/store';
import { database } from '@/lib/db';
import { emptyIdentities, type ClientDraft } from '@/lib/clients/model';
import { addClient, listClients } from '@/lib/clients/store';
import { onPageCandidates, onPageRequest, onTabGone } from '@/lib/detections/handlers';
import { invalidateMatcher } from '@/lib/matching/matcher-cache';
import type { PageCandidates, TabDetections, WireCandidate } from '@/lib/messaging/messages';
import { yearsAfter, localDay } from '@/lib/policy/status-policy';
import { DEFAULT_CHOICES } from '@/lib/practice-policy/choices';
import { savePolicyVersion } from '@/lib/practice-policy/store';
import { saveStatusChoices } from '@/lib/settings/status-policy';
import { enableVault } from '@/lib/vault/vault';

// The background with the per-status policy: the cut-off, related people, young people, and the
// sightings of people with a safety concern.
const TAB = 21;
const fb = (id: string) => ({ ...emptyIdentities(), facebook: [id] });
const person = (name: string, id: string, extra: Partial<ClientDraft> = {}): ClientDraft => ({ name, aliases: [], status: 'current', identities: fb(id), ...extra });
const request = (token: string, id: string, name: string): WireCandidate => ({ token, kind: 'request', platform: 'facebook', identities: [id], name });
const page = (candidates: WireCandidate[], url = 'https://www.facebook.com/friends/requests/'): PageCandidates => ({
  type: 'page-candidates',
  url,
  platform: 'facebook',
  pageKind: 'requests',
  recognised: true,
  connectionSteps: false,
  candidates,
});
const shown = () => onPageRequest({ type: 'get-detections', tabId: TAB }) as Promise<TabDetections>;
/** An ISO day `years` before today, less `days`. */
const yearsAgo = (years: number, days = 0) => {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return yearsAfter(localDay(d), -years)!;
};

beforeEach(async () => {
  fakeBrowser.reset();
  invalidateMatcher();
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => ({ ok: true }));
  const db = database();
  await Promise.all(db.tables.map((table) => table.clear()));
});
afterEach(() => vi.restoreAllMocks());

describe('the cut-off', () => {
  it('a former client past it is a stranger (not detected); the day before, and without a cut-off, they are shown', async () => {
    const db = database();
    await addClient(db, person('Lena Fischbach', '100000000000001', { status: 'former', endDate: yearsAgo(2, 1) }));
    await addClient(db, person('Samir Odell', '100000000000002', { status: 'former', endDate: yearsAgo(2) }));
    const report = page([request('t1', '100000000000001', 'Lena Fischbach'), request('t2', '100000000000002', 'Samir Odell')]);

    await onPageCandidates(TAB, report);
    expect((await shown()).detections.map((d) => d.clients[0]!.name)).toEqual(['Lena Fischbach', 'Samir Odell']);

    await saveStatusChoices(db, { groups: {}, strangerAfterYears: 2 });
    await onPageRequest({ type: 'clients-changed' });
    await onPageCandidates(TAB, report);
    // Lena's two years ended yesterday; Samir's end today, and he is still a former client.
    expect((await shown()).detections.map((d) => d.clients[0]!.name)).toEqual(['Samir Odell']);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('1');
    // Still on the list: only matching treats her as a stranger.
    expect((await shown()).listSize).toBe(2);
  });

  it('follows the written policy’s "not for some years after the work ends" when nothing is chosen here', async () => {
    await addClient(database(), person('Lena Fischbach', '100000000000001', { status: 'former', endDate: yearsAgo(5) }));
    const texts = { en: 'Policy', es: 'Política' };
    await savePolicyVersion(database(), { choices: { ...DEFAULT_CHOICES, formerClients: 'after-years', formerYears: 3 }, texts, generated: texts });
    await onPageCandidates(TAB, page([request('t1', '100000000000001', 'Lena Fischbach')]));
    expect((await shown()).detections).toEqual([]);
  });
});

describe('what the popup is told', () => {
  it('a related person, with the client they are related to; a young person, with their guardians; flags and dates', async () => {
    const db = database();
    const ana = await addClient(db, person('Ana Ruiz-Calder', '100000000000011', { minor: true }));
    const jonah = await addClient(db, person('Jonah Petrakis', '100000000000012', { relatedTo: ana, relationship: 'guardian' }));
    const kofi = await addClient(db, person('Kofi Baird', '100000000000013', { status: 'former', endDate: '2024-05-01', safety: true }));
    await onPageCandidates(TAB, page([request('a', '100000000000011', 'Ana'), request('j', '100000000000012', 'Jonah'), request('k', '100000000000013', 'Kofi')]));
    const clients = Object.fromEntries((await shown()).detections.map((d) => [d.token, d.clients[0]]));
    expect(clients.a).toMatchObject({ id: ana, minor: true, guardians: [{ clientId: jonah, name: 'Jonah Petrakis', relationship: 'guardian' }] });
    expect(clients.j).toMatchObject({ id: jonah, related: { clientId: ana, name: 'Ana Ruiz-Calder', relationship: 'guardian' } });
    expect(clients.k).toMatchObject({ id: kofi, status: 'former', endDate: '2024-05-01', safety: true });
    expect(clients.k!.related).toBeUndefined();
  });

  it('the new fields survive the passphrase vault', async () => {
    const db = database();
    const ana = await addClient(db, person('Ana Ruiz-Calder', '100000000000011', { status: 'waitlist', startDate: '2026-01-02', minor: true }));
    await addClient(db, person('Jonah Petrakis', '100000000000012', { relatedTo: ana, relationship: 'parent', safety: true }));
    await enableVault(db, 'correct horse battery staple');
    const byName = Object.fromEntries((await listClients(db)).map((c) => [c.name, c]));
    expect(byName['Ana Ruiz-Calder']).toMatchObject({ status: 'waitlist', startDate: '2026-01-02', minor: true });
    expect(byName['Jonah Petrakis']).toMatchObject({ relatedTo: ana, relationship: 'parent', safety: true });
  }, 60_000);
});

describe('sightings of a person with a safety concern', () => {
  it('are logged with the site and kind of page, once a page load, and again after a new load or another page', async () => {
    const db = database();
    const kofi = await addClient(db, person('Kofi Baird', '100000000000013', { safety: true }));
    await addClient(db, person('Ana Ruiz-Calder', '100000000000011'));
    const report = page([request('k', '100000000000013', 'Kofi'), request('a', '100000000000011', 'Ana')]);
    await onPageCandidates(TAB, report);
    await onPageCandidates(TAB, report);
    let seen = (await listActivity(db)).filter((e) => e.kind === 'safety-seen');
    expect(seen.map(({ clientId, place, page: kind }) => ({ clientId, place, kind }))).toEqual([{ clientId: kofi, place: 'facebook', kind: 'requests' }]);
    // Nothing about Ana, who has no such flag; nothing of the page's address.
    expect(JSON.stringify(await listActivity(db))).not.toContain('friends/requests');

    // Single-page navigation to the inbox: another page, another sighting.
    await onPageCandidates(TAB, { ...page([{ ...request('k2', '100000000000013', 'Kofi'), kind: 'message' }], 'https://www.facebook.com/messages/t/1/'), pageKind: 'messages' });
    // A new document loads (the browser says so), and the same page again: logged again.
    await onTabGone(TAB);
    await onPageCandidates(TAB, report);
    seen = (await listActivity(db)).filter((e) => e.kind === 'safety-seen');
    expect(seen.map((e) => e.page).sort()).toEqual(['messages', 'requests', 'requests']);
  });

  it('Block on their card is sent to the page as the site’s own Block step, and logged once it opened', async () => {
    const db = database();
    await addClient(db, person('Kofi Baird', '100000000000013', { safety: true }));
    await onPageCandidates(TAB, page([request('k', '100000000000013', 'Kofi')]));
    let answer: unknown = { ok: true, done: 'Pressed “More options” on the page' };
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => answer);
    expect(await onPageRequest({ type: 'block', tabId: TAB, token: 'k' })).toEqual({ ok: true, done: 'Facebook’s own Block is open on the page: check it is them, then confirm it there yourself, or leave it.' });
    expect(sent).toHaveBeenCalledWith(TAB, { type: 'block', token: 'k' });
    expect((await listActivity(db)).filter((e) => e.kind === 'block-opened')).toHaveLength(1);

    answer = { ok: false, refusal: 'unconfirmed' };
    const refused = await onPageRequest({ type: 'block', tabId: TAB, token: 'k' });
    expect(refused).toMatchObject({ ok: false });
    expect((refused as { reason: string }).reason).toMatch(/cannot confirm that the Block flow opened/);
    expect((await listActivity(db)).filter((e) => e.kind === 'block-opened')).toHaveLength(1);
  });
});
