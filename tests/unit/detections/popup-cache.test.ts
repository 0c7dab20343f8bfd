import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyIdentities } from '@/lib/clients/model';
import { addClient, clientsById, updateClient } from '@/lib/clients/store';
import { database } from '@/lib/db';
import { onPageCandidates, onPageRequest, onVaultChanged } from '@/lib/detections/handlers';
import { cachedClientsById, forgetOnLock, keptNow } from '@/lib/detections/popup-cache';
import { invalidateMatcher } from '@/lib/matching/matcher-cache';
import type { PopupState } from '@/lib/messaging/messages';
import { loadReplyContext } from '@/lib/replies/context';
import { saveTemplate } from '@/lib/replies/store';
import { loadSettings, saveSettings } from '@/lib/settings/store';
import { currentCipher } from '@/lib/vault/cipher';
import { forgetSessionKey } from '@/lib/vault/session';
import { enableVault } from '@/lib/vault/vault';
import { requestsReport } from '../support/report';

// The background keeps what popup-state reads between popups (lib/detections/popup-cache.ts):
// what it answers from memory must be what it would read, and no write or lock may be missed.
const TAB = 31;
const PASS = 'correct horse battery staple';
const NAME = 'Ana Ruiz-Calder';
let clientId = 0;

const report = requestsReport([{ token: 'tok1', kind: 'request', platform: 'facebook', identities: ['100089412300001'], name: NAME }]);

const state = () => onPageRequest({ type: 'popup-state', tabId: TAB }) as Promise<PopupState>;
const names = (shown: PopupState) => shown.detections.detections.flatMap((d) => d.clients.map((c) => c.name));

beforeEach(async () => {
  fakeBrowser.reset();
  invalidateMatcher();
  forgetOnLock();
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => ({ ok: true }));
  const db = database();
  await Promise.all(db.tables.map((table) => table.clear()));
  clientId = await addClient(db, { name: NAME, aliases: [], status: 'current', identities: { ...emptyIdentities(), facebook: ['100089412300001'] } });
});
afterEach(() => vi.restoreAllMocks());

describe('what popup-state keeps', () => {
  it.each([
    ['no vault', false],
    ['an unlocked vault', true],
  ])('with %s, the kept answer is the one read, and the next popup reads neither the records nor the library again', async (_label, vaultOn) => {
    const db = database();
    if (vaultOn) await enableVault(db, PASS);
    await onPageCandidates(TAB, report);
    const first = await state();
    expect(names(first)).toEqual([NAME]);
    expect(first.vault).toBe(vaultOn ? 'unlocked' : 'off');
    expect(keptNow()).toEqual({ records: 1, replies: true });
    const records = vi.spyOn(db.clients, 'bulkGet');
    const templates = vi.spyOn(db.replyTemplates, 'toArray');
    const vaultRows = vi.spyOn(db.vault, 'get');
    const second = await state();
    expect(records).not.toHaveBeenCalled();
    expect(templates).not.toHaveBeenCalled();
    // The vault's row once for the key and once for the matcher's: its state comes from that key, not a read of its own.
    expect(vaultRows.mock.calls.length).toBeLessThanOrEqual(2);
    expect(second).toEqual(first);
    // And what it would read now, uncached.
    vi.restoreAllMocks();
    expect(second.replies).toEqual(await loadReplyContext(db));
    expect(second.detections.detections[0]!.clients[0]!.name).toBe((await clientsById(db, [clientId])).get(clientId)!.name);
  });
});

describe('a write is seen by the next popup', () => {
  beforeEach(async () => {
    await onPageCandidates(TAB, report);
    await state();
    expect(keptNow()).toEqual({ records: 1, replies: true });
  });

  it('settings', async () => {
    const db = database();
    await saveSettings(db, { ...(await loadSettings(db)), practiceName: 'Harbour Counselling' });
    expect((await state()).replies.settings.practiceName).toBe('Harbour Counselling');
  });

  it('reply templates', async () => {
    const [builtin] = (await state()).replies.library.templates;
    await saveTemplate(database(), { name: 'Our own redirect', situation: builtin!.situation, language: builtin!.language, platforms: ['facebook'], body: 'Please write to us through the portal.' });
    expect((await state()).replies.library.templates.map((template) => template.name)).toContain('Our own redirect');
  });

  it('the client list', async () => {
    const db = database();
    const [client] = (await clientsById(db, [clientId])).values();
    await updateClient(db, clientId, { ...client!, name: 'Ana Ruiz' }, client);
    expect(names(await state())).toEqual(['Ana Ruiz']);
  });
});

describe('a lock', () => {
  beforeEach(async () => {
    await enableVault(database(), PASS);
    await onPageCandidates(TAB, report);
    expect(names(await state())).toEqual([NAME]);
    expect(keptNow().records).toBe(1);
  });

  it('from the popup: nothing opened is kept, and the answer names nobody', async () => {
    await onPageRequest({ type: 'lock-vault' });
    expect(keptNow().records).toBe(0);
    const shown = await state();
    expect(shown.vault).toBe('locked');
    expect(JSON.stringify(shown)).not.toContain('Ana');
  });

  it('from elsewhere (the key gone from session storage), once the background hears of it', async () => {
    await forgetSessionKey();
    await onVaultChanged();
    expect(keptNow().records).toBe(0);
  });

  it('landing while the records were opened with the key from before it: nothing opened is kept', async () => {
    forgetOnLock();
    const db = database();
    const cipher = await currentCipher(db);
    // The lock comes between the popup's cipher and its read of the records, as another page's would.
    await forgetSessionKey();
    const opened = await cachedClientsById(db, [clientId], cipher);
    expect(opened.size).toBe(1);
    expect(keptNow().records).toBe(0);
  });

  it('found by the popup’s own question before the background heard of it', async () => {
    await forgetSessionKey();
    const shown = await state();
    expect(keptNow().records).toBe(0);
    expect(shown.vault).toBe('locked');
    expect(JSON.stringify(shown)).not.toContain('Ana');
  });
});
