import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { GuardedAction, SiteAdapter } from '@/lib/sites/types';
import { askToProceed } from './confirm-dialog';

/**
 * The profile guard: on the profile of someone on the list, a click (or Enter / Space) on the
 * profile's Follow, Add friend, Connect or Message control is held back and the clinician is
 * asked first. Going ahead clicks the same control again, so the site does exactly what it would
 * have; going back leaves the page as it was. Nothing is added to the page until such a click.
 *
 * The listeners sit on `window` in the capture phase, before any of the page's own, and do
 * nothing but read the event unless this profile is guarded and the target is a guarded control.
 */
export function installProfileGuard(
  ctx: ContentScriptContext,
  adapter: SiteAdapter,
  /** The token of the profile on this page when the background said to guard it. */
  guardedToken: () => string | undefined,
  decided: (token: string, action: GuardedAction, confirmed: boolean) => void,
): void {
  const guardedActionAt = adapter.guardedActionAt?.bind(adapter);
  if (!guardedActionAt) return;
  // Set while the guard itself clicks the control after a yes, so that click goes through.
  let passing = false;
  let asking = false;

  const onActivate = (event: Event) => {
    if (passing) return;
    if (event instanceof KeyboardEvent && event.key !== 'Enter' && event.key !== ' ') return;
    const token = guardedToken();
    if (!token) return;
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return;
    const hit = guardedActionAt(target, new URL(location.href));
    if (!hit) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (asking) return;
    asking = true;
    void askToProceed(hit.action).then((proceed) => {
      asking = false;
      decided(token, hit.action, proceed);
      const control = hit.control as HTMLElement;
      if (!control.isConnected) return;
      if (!proceed) return control.focus({ preventScroll: true });
      passing = true;
      try {
        control.click();
      } finally {
        passing = false;
      }
    });
  };
  ctx.addEventListener(window, 'click', onActivate, { capture: true });
  ctx.addEventListener(window, 'keydown', onActivate, { capture: true });
}
