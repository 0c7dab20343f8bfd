// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runContentScript } from '@/lib/detect/content-main';
import { QuietContext } from '@/lib/detect/quiet-context';
import type { ContentReply, PageCandidates } from '@/lib/messaging/messages';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import { loadReplica, setPageUrl } from '../sites/replica-dom';

/*
 * A command from the popup names a card by its token, and may arrive after the page changed the
 * card but before the watcher's batched scan saw the change: the sites reuse a row for the next
 * person. The command must be checked against the page as it is when it arrives.
 */
describe('a command that arrives after the page reused the row', () => {
  let ctx: QuietContext | undefined;
  afterEach(() => {
    // Ends the script's observer and listeners: the fake browser has no runtime id.
    (ctx as unknown as { controller: AbortController } | undefined)?.controller.abort();
    vi.restoreAllMocks();
  });

  it('presses nothing when the row shows someone else now, and presses the row shown when asked for it', async () => {
    loadReplica('facebook/friend-requests.en.html');
    setPageUrl('https://www.facebook.com/friends/requests/');
    const reports: PageCandidates[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      reports.push(message as PageCandidates);
      return undefined;
    });
    fakeBrowser.runtime.id = 'boundary-test';
    ctx = new QuietContext();
    runContentScript(ctx, facebookAdapter);
    const lena = reports.at(-1)!.candidates.find((c) => c.name === 'Lena Fischbach');
    expect(lena?.kind).toBe('request');

    const clicks: string[] = [];
    document.addEventListener('click', (event) => {
      const target = event.target as Element;
      clicks.push(`${target.closest('[data-replica-action]')?.getAttribute('data-replica-action')}:${target.closest('[data-replica-person]')?.getAttribute('data-replica-person')}`);
    }, true);
    const send = (message: unknown) =>
      new Promise<ContentReply | undefined>((resolve) => void fakeBrowser.runtime.onMessage.trigger(message, {}, resolve));

    // The site gives Lena's row to Priya, and the popup's Decline for Lena arrives at once.
    const row = document.querySelector('[data-replica-person="lena"]')!;
    row.setAttribute('data-replica-person', 'priya');
    for (const link of row.querySelectorAll('a[href]')) link.setAttribute('href', 'https://www.facebook.com/profile.php?id=100089412300005');
    row.querySelector('a span')!.textContent = 'Priya Natarajan-Holt';
    const stale = await send({ type: 'decline', token: lena!.token });
    expect(stale).toEqual({ ok: false, refusal: 'card-gone' });
    expect(clicks).toEqual([]);

    // The report that went out says who the row shows now, under a token of its own.
    const priya = reports.at(-1)!.candidates.find((c) => c.name === 'Priya Natarajan-Holt');
    expect(priya?.token).toBeDefined();
    expect(priya!.token).not.toBe(lena!.token);
    await send({ type: 'decline', token: priya!.token });
    expect(clicks).toEqual(['decline:priya']);
  });
});
