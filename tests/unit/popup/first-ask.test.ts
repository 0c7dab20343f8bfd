import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerOf, askFirst, takeFirstAsk, type Answer, type FirstAsk } from '@/entrypoints/popup/first-ask';
import type { PopupState } from '@/lib/messaging/messages';

// popup.html's first script asks the background before the popup's bundle loads, and the popup
// takes that answer, or asks itself when there is none. These drive both with a stand-in for the
// extension API, as each browser gives it.

type Listener = (changes: Record<string, unknown>, area: string) => void;

/** An extension API that records what was asked and answers `popup-state` with `reply`. */
function fakeApi(reply: (message: unknown) => Promise<unknown>, activeTab?: number) {
  const sent: unknown[] = [];
  const listeners = new Set<Listener>();
  const api = {
    runtime: {
      sendMessage: vi.fn((message: unknown) => {
        sent.push(message);
        return reply(message);
      }),
    },
    tabs: { query: vi.fn(async () => (activeTab === undefined ? [] : [{ id: activeTab }])) },
    storage: { onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) } },
  };
  return { api, sent, listeners };
}

const STATE = { detections: { supported: true, recognised: true, listSize: 3, detections: [] }, vault: 'off' } as unknown as PopupState;

/** A window of its own for each test: the slot the first script leaves its question in. */
const scope = () => ({}) as Record<string, unknown>;

function withApis({ browser, chrome, search = '' }: { browser?: unknown; chrome?: unknown; search?: string }) {
  vi.stubGlobal('browser', browser);
  vi.stubGlobal('chrome', chrome);
  vi.stubGlobal('location', { search });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the first script (askFirst)', () => {
  it('asks the background for the tab in ?tab= at once, and the popup takes that answer once', async () => {
    const { api, sent } = fakeApi(async () => STATE);
    withApis({ chrome: api, search: '?tab=42' });
    const slot = scope();
    askFirst(slot);
    const first = takeFirstAsk(slot);
    expect(first).toBeDefined();
    const { tabId, answer } = await first!;
    expect(tabId).toBe(42);
    expect(sent).toEqual([{ type: 'popup-state', tabId: 42 }]);
    expect(await answer).toBe(STATE);
    // Taken: a second refresh asks for itself.
    expect(takeFirstAsk(slot)).toBeUndefined();
    expect(api.tabs.query).not.toHaveBeenCalled();
  });

  it('asks about the active tab when the popup is opened from the toolbar', async () => {
    const { api, sent } = fakeApi(async () => STATE, 7);
    withApis({ chrome: api, search: '?tab=nope' });
    const slot = scope();
    askFirst(slot);
    expect((await takeFirstAsk(slot)!).tabId).toBe(7);
    expect(sent).toEqual([{ type: 'popup-state', tabId: 7 }]);
  });

  it('sends nothing when there is no tab, and says so', async () => {
    const { api, sent } = fakeApi(async () => STATE);
    withApis({ chrome: api });
    const slot = scope();
    askFirst(slot);
    const first = await takeFirstAsk(slot)!;
    expect(first.tabId).toBeUndefined();
    expect(first.answer).toBeUndefined();
    expect(sent).toEqual([]);
  });

  it("uses Firefox's browser namespace over its callback-only chrome", async () => {
    const firefox = fakeApi(async () => STATE);
    // Firefox's chrome in a Manifest V2 add-on returns nothing from sendMessage.
    const callbackOnly = fakeApi(() => undefined as unknown as Promise<unknown>);
    withApis({ browser: firefox.api, chrome: callbackOnly.api, search: '?tab=3' });
    const slot = scope();
    askFirst(slot);
    expect(await (await takeFirstAsk(slot)!).answer).toBe(STATE);
    expect(firefox.sent).toHaveLength(1);
    expect(callbackOnly.sent).toHaveLength(0);
  });

  it('leaves nothing to take where there is no extension API', () => {
    withApis({});
    const slot = scope();
    askFirst(slot);
    expect(takeFirstAsk(slot)).toBeUndefined();
  });

  it('notes the session keys that change until the popup listens itself', async () => {
    const { api, listeners } = fakeApi(async () => STATE);
    withApis({ chrome: api, search: '?tab=1' });
    const slot = scope();
    askFirst(slot);
    const first = await takeFirstAsk(slot)!;
    for (const listener of listeners) {
      listener({ 'tab:1': {} }, 'session');
      listener({ settings: {} }, 'local');
    }
    expect(first.changed).toEqual(['tab:1']);
    first.stopNoting();
    expect(listeners.size).toBe(0);
  });

  it('leaves a failed question to the popup, with no unhandled rejection', async () => {
    const { api } = fakeApi(() => Promise.reject(new Error('no background')));
    withApis({ chrome: api, search: '?tab=5' });
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const slot = scope();
      askFirst(slot);
      const first = await takeFirstAsk(slot)!;
      await expect(first.answer).rejects.toThrow('no background');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe("the popup's answer (answerOf)", () => {
  const first = (ask: Partial<FirstAsk>): Promise<FirstAsk> => Promise.resolve({ tabId: 9, answer: undefined, changed: [], stopNoting: () => undefined, ...ask });
  const asked: Answer = { tabId: 11, state: { ...STATE, vault: 'unlocked' } };

  it("takes the first script's answer without asking again", async () => {
    const askNow = vi.fn(async () => asked);
    expect(await answerOf(first({ answer: Promise.resolve(STATE) }), askNow)).toEqual({ tabId: 9, state: STATE });
    expect(askNow).not.toHaveBeenCalled();
  });

  it('asks now when the first script did not run', async () => {
    const askNow = vi.fn(async () => asked);
    expect(await answerOf(undefined, askNow)).toBe(asked);
    expect(askNow).toHaveBeenCalledTimes(1);
  });

  it("asks now when the first script's question failed", async () => {
    const askNow = vi.fn(async () => asked);
    expect(await answerOf(first({ answer: Promise.reject(new Error('gone')) }), askNow)).toBe(asked);
    expect(await answerOf(Promise.reject(new Error('no tabs')), askNow)).toBe(asked);
    expect(askNow).toHaveBeenCalledTimes(2);
  });

  it('reports no tab when the first script found none, without asking', async () => {
    const askNow = vi.fn(async () => asked);
    expect(await answerOf(first({ tabId: undefined }), askNow)).toEqual({ tabId: undefined });
    expect(askNow).not.toHaveBeenCalled();
  });

  it('fails as the popup would when asking now fails too', async () => {
    await expect(answerOf(undefined, () => Promise.reject(new Error('still no background')))).rejects.toThrow('still no background');
  });
});
