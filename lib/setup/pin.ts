import { browser } from 'wxt/browser';

/**
 * Whether Boundary's icon is pinned to the toolbar. Chrome says so through
 * action.getUserSettings().isOnToolbar (Chrome 91+), Firefox through the same call on
 * browserAction in its MV2 build (Mozilla bug 1814905; MDN browserAction/getUserSettings). Where
 * the call or the field is missing (older browsers; Firefox for Android answers {}), the answer
 * is undefined and the clinician says it themselves.
 */
type UserSettings = { isOnToolbar?: boolean };
type ActionApi = {
  getUserSettings?: () => Promise<UserSettings>;
  onUserSettingsChanged?: { addListener(listener: () => void): void; removeListener(listener: () => void): void };
};

function actionApi(): ActionApi | undefined {
  const api = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return api.action?.getUserSettings ? api.action : api.browserAction?.getUserSettings ? api.browserAction : undefined;
}

export async function toolbarPinned(): Promise<boolean | undefined> {
  try {
    const settings = await actionApi()?.getUserSettings?.();
    return typeof settings?.isOnToolbar === 'boolean' ? settings.isOnToolbar : undefined;
  } catch {
    return undefined;
  }
}

/** Calls `listener` when the browser says the toolbar changed (Chrome 130+); a no-op elsewhere. */
export function onPinChanged(listener: () => void): () => void {
  const event = actionApi()?.onUserSettingsChanged;
  if (!event) return () => undefined;
  event.addListener(listener);
  return () => event.removeListener(listener);
}

/**
 * "I pinned it" or "Leave it off the toolbar": kept in storage.local, which says nothing about
 * any client.
 */
const PIN_KEY = 'setup-pin-set-aside';

export async function pinSetAside(): Promise<boolean> {
  return (await browser.storage.local.get(PIN_KEY))[PIN_KEY] === true;
}

export async function setPinSetAside(value: boolean): Promise<void> {
  if (value) await browser.storage.local.set({ [PIN_KEY]: true });
  else await browser.storage.local.remove(PIN_KEY);
}
