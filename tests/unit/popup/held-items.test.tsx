// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Body } from '@/entrypoints/popup/App';
import type { DetectionView, TabDetections } from '@/lib/messaging/messages';
import { defaultStatusPolicy } from '@/lib/policy/status-policy';
import { BOUNDARY_DEFAULTS } from '@/lib/practice-policy/choices';
import type { ReplyContext } from '@/lib/replies/context';
import { mergeLibrary } from '@/lib/replies/library';
import { DEFAULT_SETTINGS } from '@/lib/settings/practice';
import type { ActionResult } from '@/lib/sites/types';

const TAB = 7;
const replies: ReplyContext = { settings: { ...DEFAULT_SETTINGS }, library: mergeLibrary([]), defaults: BOUNDARY_DEFAULTS, status: defaultStatusPolicy(), fallback: false };

const request = (token: string, name: string): DetectionView => ({
  token,
  kind: 'request',
  platform: 'instagram',
  match: 'exact',
  clients: [{ id: Number(token.slice(1)), name, status: 'current' }],
  pageName: name,
  identity: `instagram:${name.toLowerCase().replace(/\s+/g, '')}`,
});
const nina = request('t1', 'Nina Arruda');
const caio = request('t2', 'Caio Barros');

const tab = (detections: DetectionView[]): TabDetections => ({ supported: true, recognised: true, platform: 'instagram', listSize: 3, detections });

/** The background's answers to the popup's declines, held until the test lets each go. */
let declines: { token: string; answer: (result: ActionResult) => void }[] = [];
let root: HTMLElement;

function show(detections: DetectionView[]) {
  render(<Body load={{ state: 'ready', tabId: TAB, data: tab(detections), replies, vault: 'off' }} onChanged={() => undefined} />, root);
}
const card = (name: string) => [...root.querySelectorAll<HTMLElement>('[data-testid="detection"]')].find((li) => li.textContent?.includes(name));
const flush = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 0))));

beforeEach(() => {
  fakeBrowser.reset();
  // What fake-browser leaves out and the popup's cards read.
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  fakeBrowser.commands.getAll = async () => [];
  declines = [];
  // fake-browser answers through sendResponse, kept here for the test to call.
  fakeBrowser.runtime.onMessage.addListener((message: { type: string; token?: string }, _sender: unknown, answer: (result: ActionResult) => void) => {
    if (message.type !== 'decline') return undefined;
    declines.push({ token: message.token!, answer });
    return true;
  });
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('a declined item while the page reports first', () => {
  for (const [label, before] of [
    ['the last card on the page', [caio]],
    ['a card after one already declined', [nina, caio]],
  ] as const) {
    it(`${label}: it stays, busy, and shows the decline's answer when it comes`, async () => {
      show([...before]);
      if (before.length > 1) {
        // Nina first, answered at once.
        await act(() => card('Nina')!.querySelector<HTMLButtonElement>('[data-testid="decline"]')!.click());
        await flush();
        declines.shift()!.answer({ ok: true, done: 'Declined.' });
        await flush();
        show([caio]);
      }
      await act(() => card('Caio')!.querySelector<HTMLButtonElement>('[data-testid="decline"]')!.click());
      await flush();
      expect(declines.map((d) => d.token)).toEqual(['t2']);

      // The page has dropped Caio's card and says so before the decline's answer is back.
      await act(() => show([]));
      const waiting = card('Caio');
      expect(waiting, 'the item is still shown').toBeDefined();
      expect(waiting!.querySelector<HTMLButtonElement>('[data-testid="decline"]')!.disabled).toBe(true);

      declines.shift()!.answer({ ok: true, done: 'Declined on Instagram.' });
      await flush();
      const after = card('Caio')!;
      expect(after, 'the same item, not a new one').toBe(waiting);
      expect(after.querySelector('[data-testid="action-result"]')?.getAttribute('data-ok')).toBe('true');
      expect(after.querySelector('[data-testid="action-result"]')?.textContent).toBe('Declined on Instagram.');
      expect(after.querySelector<HTMLButtonElement>('[data-testid="decline"]')!.disabled).toBe(true);
      expect(root.querySelector('[data-testid="popup-empty"]')).toBeNull();
    });
  }

  it('a held card the page no longer has is not in "Decline all"', async () => {
    const jude = request('t3', 'Jude Lima');
    show([nina, caio, jude]);
    await act(() => card('Caio')!.querySelector<HTMLButtonElement>('[data-testid="decline"]')!.click());
    await flush();
    await act(() => show([nina, jude]));
    const all = root.querySelector<HTMLButtonElement>('[data-testid="decline-all"]');
    expect(all?.dataset.count, 'offered for the two still on the page').toBe('2');
    await act(() => all!.click());
    await act(() => root.querySelector<HTMLButtonElement>('[data-testid="decline-all-confirm"]')!.click());
    await flush();
    // Caio's own decline, then Decline all's first: Nina, never Caio again.
    expect(declines.map((d) => d.token)).toEqual(['t2', 't1']);
  });
});
