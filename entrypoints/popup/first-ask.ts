import type { PopupState } from '@/lib/messaging/messages';

/**
 * The popup's one question, asked before its bundle has loaded (issue 16). popup.html's first
 * script (entrypoints/popup-ask.ts, a few hundred bytes, run while the page is still being
 * parsed) asks the background for the tab's state; the background answers while Preact and the
 * popup's own code are fetched, compiled and run, and the popup renders the answer as soon as it
 * can. Before this, the question waited for the whole bundle and for Preact's first effect.
 *
 * This file is shared by that script and the popup, so it imports no code: the extension API is
 * the browser's own (the polyfill is in the popup's bundle, which this runs before).
 */

type StorageListener = (changes: Record<string, unknown>, area: string) => void;

/** The piece of the extension API this needs, as both browsers provide it (promises, no callback). */
interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(query: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]> };
  storage: { onChanged: { addListener(listener: StorageListener): void; removeListener(listener: StorageListener): void } };
}

/** What the first script leaves for the popup: the tab it asked about, the answer to come, and what changed meanwhile. */
export interface FirstAsk {
  tabId: number | undefined;
  answer: Promise<PopupState> | undefined;
  /** Session storage keys changed after the question was sent, until `stopNoting` (the popup listens itself then). */
  changed: string[];
  stopNoting(): void;
}

/** Where the first script leaves it: a property of the popup's own window, which no page can reach. */
const SLOT = '__boundaryFirstAsk';
type Slot = { [SLOT]?: Promise<FirstAsk> };

/**
 * Firefox's `browser` where there is one: Firefox has a `chrome` too, but in a Manifest V2 add-on
 * its calls take callbacks and return nothing. Else Chrome's `chrome` (the namespace the popup's
 * polyfill wraps, and the one the bench watches), which returns promises when given no callback.
 */
function extensionApi(): ExtensionApi | undefined {
  const scope = globalThis as { chrome?: ExtensionApi; browser?: ExtensionApi };
  if (scope.browser?.runtime?.sendMessage) return scope.browser;
  return scope.chrome?.runtime?.sendMessage ? scope.chrome : undefined;
}

/** The tab whose detections to show: `?tab=<id>` (how tests open it as a page), else the active tab. */
export async function targetTabId(api: Pick<ExtensionApi, 'tabs'>, search = location.search): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(search).get('tab');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [active] = await api.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/** Run by the first script: sends the question at once and notes what changes until the popup listens. */
export function askFirst(scope: Slot = globalThis as Slot): void {
  const api = extensionApi();
  if (!api) return;
  const changed: string[] = [];
  const note: StorageListener = (changes, area) => {
    if (area === 'session') changed.push(...Object.keys(changes));
  };
  api.storage.onChanged.addListener(note);
  const stopNoting = () => api.storage.onChanged.removeListener(note);
  scope[SLOT] = targetTabId(api).then((tabId) => {
    const answer = tabId === undefined ? undefined : (api.runtime.sendMessage({ type: 'popup-state', tabId }) as Promise<PopupState>);
    // A failure is the popup's to handle (it asks again itself), never an unhandled rejection here.
    answer?.catch(() => undefined);
    return { tabId, answer, changed, stopNoting };
  });
  scope[SLOT].catch(() => undefined);
}

/** Taken once by the popup: the first script's question, or none (it did not run, or was taken already). */
export function takeFirstAsk(scope: Slot = globalThis as Slot): Promise<FirstAsk> | undefined {
  const first = scope[SLOT];
  delete scope[SLOT];
  return first;
}

/** The tab the popup shows, and the background's answer for it (none when there is no tab). */
export interface Answer {
  tabId: number | undefined;
  state?: PopupState;
}

/**
 * The first script's tab and answer, when it ran and its question did not fail (the answer is
 * often here before the popup's bundle is); else `askNow`, the popup's own question. A first
 * script that found no tab is an answer too: there is none to ask about.
 */
export async function answerOf(first: Promise<FirstAsk> | undefined, askNow: () => Promise<Answer>): Promise<Answer> {
  if (first) {
    try {
      const { tabId, answer } = await first;
      if (tabId === undefined || !answer) return { tabId };
      return { tabId, state: await answer };
    } catch {
      // Asked again below: a failure now is reported as any other.
    }
  }
  return askNow();
}
