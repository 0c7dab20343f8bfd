import type { QuietContext } from '@/lib/detect/quiet-context';
import type { GuardedAction, SiteAdapter } from '@/lib/sites/types';
import { askToProceed, type Answer } from './confirm-dialog';

/**
 * The profile guard: on the profile of someone on the list, a click (or Enter / Space) on the
 * profile's Follow, Add friend, Connect or Message control is held back and the clinician is
 * asked first. Going ahead clicks the same control again, so the site does exactly what it would
 * have; going back leaves the page as it was. Nothing is added to the page until such a click.
 *
 * The listeners sit on `window` in the capture phase and look only at the browser's own events
 * (`isTrusted`): the clinician's input. An event the page dispatches itself passes untouched,
 * before anything is read or decided, so it costs the same on every profile and cannot be used
 * to ask whether someone is on the list. The guard's own click after "go ahead" is such an
 * event too (`element.click()` is untrusted), and passes the same way.
 */
export function installProfileGuard(
  ctx: QuietContext,
  adapter: SiteAdapter,
  /** The token of the profile on this page when the background said to guard it. */
  guardedToken: () => string | undefined,
  decided: (token: string, action: GuardedAction, confirmed: boolean) => void,
): void {
  const guardedActionAt = adapter.guardedActionAt?.bind(adapter);
  if (!guardedActionAt) return;
  let asking = false;
  // After "go ahead", the clinician's next real activation of that control goes through unasked:
  // a site that ignores untrusted clicks ignores our re-click, and the clinician's own second
  // click must then do what they already agreed to rather than ask again.
  let agreed: { token: string; control: Element; until: number } | undefined;

  const onActivate = (event: Event) => {
    if (!event.isTrusted) return;
    if (event instanceof KeyboardEvent && event.key !== 'Enter' && event.key !== ' ') return;
    const token = guardedToken();
    if (!token) return;
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return;
    const hit = guardedActionAt(target, new URL(location.href));
    if (!hit) return;
    if (agreed?.token === token && agreed.control === hit.control && performance.now() < agreed.until) {
      agreed = undefined;
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    if (asking) return;
    asking = true;
    askToProceed(hit.action)
      .catch((): Answer => 'gone')
      .then((answer) => {
        asking = false;
        // `gone`: the page took the question away. The clinician chose nothing, so nothing is
        // logged, and the guard is free for the next click.
        if (answer !== 'gone') decided(token, hit.action, answer === 'proceed');
        const control = hit.control as HTMLElement;
        if (!control.isConnected) return;
        if (answer !== 'proceed') return control.focus({ preventScroll: true });
        agreed = { token, control, until: performance.now() + AGREED_MS };
        control.click();
      });
  };
  ctx.addEventListener(window, 'click', onActivate, { capture: true });
  ctx.addEventListener(window, 'keydown', onActivate, { capture: true });
}

/** How long a "go ahead" stands for the clinician's own click on the same control. */
const AGREED_MS = 15_000;
