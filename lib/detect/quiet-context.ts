import { browser } from 'wxt/browser';

/**
 * A content script's lifetime, kept to itself. WXT's own context announces each start to the
 * page (a `window.postMessage` and a document event, both named after the extension's id), stops
 * when the page dispatches that event, and reports address changes as window events the page can
 * hear and forge. This one sends the page nothing and takes no orders from it: it ends only when
 * the extension that started it is gone (reloaded, updated, disabled or removed), which the browser
 * tells a content script by taking `runtime.id` away.
 *
 * WXT's content-script entrypoint builds its context with `new ContentScriptContext(name)` from
 * 'wxt/utils/content-script-context'; wxt.config.ts points that import at this file, so WXT's own
 * context is never built, and `quietContext` proves at start-up that the swap took.
 */
export class QuietContext {
  private readonly controller = new AbortController();

  constructor() {
    // Orphaned scripts stay in the page until it unloads; the check lets them let go of the page
    // (observer, listeners) within seconds even when nothing happens to ask.
    const check = setInterval(() => this.isValid, ORPHAN_CHECK_MS);
    this.onInvalidated(() => clearInterval(check));
  }

  /** Aborted when the context ends. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isValid(): boolean {
    if (!this.signal.aborted && browser.runtime?.id == null) this.controller.abort();
    return !this.signal.aborted;
  }

  /** Runs `callback` when the context ends; returns a function that stops waiting. */
  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  /**
   * A listener removed when the context ends, and never run by an orphaned script: the
   * extension is gone, so whatever it would do (hold a click for a question, say) must not happen.
   */
  addEventListener<K extends keyof WindowEventMap>(
    target: Window,
    type: K,
    listener: (event: WindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(target: EventTarget, type: string, listener: (event: Event) => void, options?: AddEventListenerOptions): void;
  addEventListener(target: EventTarget, type: string, listener: (event: Event) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(type, (event) => this.isValid && listener(event), { ...options, signal: this.signal });
  }

  /**
   * Calls `callback` after the page's address changes without a new document (a single-page
   * app's navigation). Nothing is dispatched to the page, and an event the page forges on the
   * Navigation API's object is ignored: only a trusted event with a new address counts.
   * Without the Navigation API (older Firefox), the address is polled.
   */
  onLocationChange(callback: () => void): void {
    let last = location.href;
    const changed = () => {
      if (location.href === last) return;
      last = location.href;
      callback();
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      this.addEventListener(navigation, 'currententrychange', (event) => event.isTrusted && changed());
    } else {
      const poll = setInterval(() => this.isValid && changed(), LOCATION_POLL_MS);
      this.onInvalidated(() => clearInterval(poll));
    }
  }
}

/**
 * The context WXT hands a content script's `main`, as ours; it throws when WXT's own was built
 * instead (the alias in wxt.config.ts is missing), so that mistake cannot ship unnoticed.
 */
export function quietContext(ctx: unknown): QuietContext {
  if (ctx instanceof QuietContext) return ctx;
  throw new Error('Boundary: the content script was given WXT’s own context, which talks to the page');
}

// WXT's entrypoint imports the context under this name.
export { QuietContext as ContentScriptContext };

const ORPHAN_CHECK_MS = 5_000;
const LOCATION_POLL_MS = 1_000;
