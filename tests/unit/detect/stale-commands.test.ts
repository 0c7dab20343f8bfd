// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import { runOnReplica } from './content-harness';

/*
 * A command from the popup names a card by its token, and may arrive after the page changed the
 * card but before the watcher's batched scan saw the change: the sites reuse a row for the next
 * person. The command must be checked against the page as it is when it arrives.
 */
describe('a command that arrives after the page reused the row', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    vi.restoreAllMocks();
  });

  /** The replica with the content script running on it (content-harness.ts). */
  function start() {
    const run = runOnReplica('facebook/friend-requests.en.html', 'https://www.facebook.com/friends/requests/', facebookAdapter);
    stop = run.stop;
    return run;
  }

  /** Gives the row `row` the person of `person`, as React reuses an element: new link, name and marker. */
  function giveRow(row: Element, person: { marker: string; href: string; name: string }) {
    row.setAttribute('data-replica-person', person.marker);
    for (const link of row.querySelectorAll('a[href]')) link.setAttribute('href', person.href);
    row.querySelector('a span')!.textContent = person.name;
  }
  const row = (marker: string) => document.querySelector(`[data-replica-person="${marker}"]`)!;
  const shown = (marker: string) => ({ marker, href: row(marker).querySelector('a[href]')!.getAttribute('href')!, name: row(marker).querySelector('a span')!.textContent! });

  it('presses nothing when the row shows someone else now, and presses the row shown when asked for it', async () => {
    const { clicks, send, reported } = start();
    const lena = reported('Lena Fischbach');
    expect(lena?.kind).toBe('request');

    // The site gives Lena's row to Priya, and the popup's Decline for Lena arrives at once.
    giveRow(row('lena'), { marker: 'priya', href: 'https://www.facebook.com/profile.php?id=100089412300005', name: 'Priya Natarajan-Holt' });
    const stale = await send({ type: 'decline', token: lena!.token });
    expect(stale).toEqual({ ok: false, refusal: 'card-gone' });
    expect(clicks).toEqual([]);

    // The report that went out says who the row shows now, under a token of its own.
    const priya = reported('Priya Natarajan-Holt');
    expect(priya?.token).toBeDefined();
    expect(priya!.token).not.toBe(lena!.token);
    await send({ type: 'decline', token: priya!.token });
    expect(clicks).toEqual(['decline:priya']);
  });

  it('reaches the person it was meant for in the row the page moved them to', async () => {
    const { clicks, send, reported } = start();
    const lena = reported('Lena Fischbach')!;
    // Jonah's request went, and the list moved everyone up a row: his row shows Lena, hers Samir.
    const [lenaShown, samirShown] = [shown('lena'), shown('samir')];
    row('samir').remove();
    giveRow(row('lena'), samirShown);
    giveRow(row('jonah'), lenaShown);
    await send({ type: 'decline', token: lena.token });
    expect(clicks).toEqual(['decline:lena']);
  });

  it('presses nothing when two cards now show the person: it never guesses between them', async () => {
    const { clicks, send, reported } = start();
    const lena = reported('Lena Fischbach')!;
    const lenaShown = shown('lena');
    giveRow(row('lena'), shown('samir'));
    giveRow(row('jonah'), lenaShown);
    giveRow(row('ana'), lenaShown);
    expect(await send({ type: 'decline', token: lena.token })).toEqual({ ok: false, refusal: 'card-gone' });
    expect(clicks).toEqual([]);
  });
});
