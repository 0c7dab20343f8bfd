/**
 * One batched observer per page. The MutationObserver callback only notes that something
 * relevant changed; the scan runs once on the next frame (or shortly after, in a background tab
 * where frames do not run), however many mutations arrived in between.
 */
export interface WatchOptions {
  /** Runs a scan of the page. */
  scan: () => void;
  /** Whether an element is a reported candidate's (a change in or of it needs a rescan). */
  isTracked: (element: Element) => boolean;
  /** Aborts the watch: the observer disconnects and pending work is dropped. */
  signal: AbortSignal;
  /** Open shadow roots to observe as well (mutations there do not reach the document's observer). */
  shadowRoots?: () => ShadowRoot[];
}

const IGNORED = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE']);

/** Whether an added node can hold a person: only elements that are or contain a link or a text box. */
function mayHoldPeople(node: Node): boolean {
  if (!(node instanceof Element) || IGNORED.has(node.tagName)) return false;
  return node.matches('a[href], [contenteditable], [role]') || node.querySelector('a[href], [contenteditable], [role="row"], [role="listitem"]') !== null;
}

export function watch(root: Node, options: WatchOptions): { schedule: () => void } {
  let pending = false;
  let frame = 0;
  let timer = 0;

  const run = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    pending = false;
    if (!options.signal.aborted) {
      options.scan();
      observeShadowRoots();
    }
  };
  const schedule = () => {
    if (pending || options.signal.aborted) return;
    pending = true;
    frame = requestAnimationFrame(run);
    timer = window.setTimeout(run, 100);
  };

  /** Whether a node is, or sits inside, a reported card: its buttons going means it was acted on. */
  const insideTracked = (node: Node | null): boolean => {
    for (let n = node; n && n !== root; n = n.parentNode) if (n instanceof Element && options.isTracked(n)) return true;
    return false;
  };

  const observer = new MutationObserver((records) => {
    if (pending) return;
    for (const record of records) {
      if (insideTracked(record.target)) return schedule();
      for (const node of record.addedNodes) if (mayHoldPeople(node)) return schedule();
      for (const node of record.removedNodes) {
        if (node instanceof Element && (options.isTracked(node) || node.querySelector('a[href]'))) return schedule();
      }
    }
  });
  const config: MutationObserverInit = { childList: true, subtree: true };
  observer.observe(root, config);

  const observed = new WeakSet<ShadowRoot>();
  function observeShadowRoots() {
    for (const shadow of options.shadowRoots?.() ?? []) {
      if (observed.has(shadow)) continue;
      observed.add(shadow);
      observer.observe(shadow, config);
    }
  }
  observeShadowRoots();

  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  });
  return { schedule };
}
