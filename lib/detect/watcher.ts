/**
 * One batched observer per page. A few elements added on a page whose scanner reads them alone
 * are read in the observer's callback: such a scan costs what was added, and the request shows on
 * the badge without waiting for the page's next frame. Otherwise the callback only notes what
 * changed, and the scan runs as a task of its own: the task right after the one that changed the
 * page, however many mutations that task made; added elements are read there at once. A change that
 * calls for a scan of the whole page waits for the next frame instead (or shortly after, in a
 * background tab where frames do not run), so that a page changing over several tasks costs one
 * full scan; it runs in a task after the frame rather than in it, where the page paints.
 */
export interface WatchOptions {
  /** Runs a scan of the page; `change` says what happened since the last one. */
  scan: (change: PageChange) => void;
  /** Whether an element is a reported candidate's (a change in or of it needs a rescan). */
  isTracked: (element: Element) => boolean;
  /** Aborts the watch: the observer disconnects and pending work is dropped. */
  signal: AbortSignal;
  /** Open shadow roots to observe as well (mutations there do not reach the document's observer). */
  shadowRoots?: () => ShadowRoot[];
  /**
   * Whether a scan of added elements is cheap here (the page's scanner reads them alone): only
   * then does it run in the next task; otherwise it waits for the frame, as a full scan does.
   */
  partialsCheap?: () => boolean;
}

/**
 * What changed since the last scan. `full`: something only a scan of the whole page can account
 * for (a reported card changed or left, a person's link left, an explicit request). Otherwise
 * only `added` happened: elements that may hold people were inserted, and a scanner may look at
 * them alone. On infinite lists that is what keeps a scan's cost to the new cards rather than to
 * every card on the page.
 */
export interface PageChange {
  full: boolean;
  added: readonly Element[];
}

const IGNORED = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE']);

/** What cards are told apart by besides people's links: links of any kind and buttons. */
const STRUCTURE = 'a[href], button, [role="button"]';

/**
 * Past this many added elements before a scan runs, a full scan is as cheap as looking at them
 * one by one, and keeping them would hold on to nodes the page may already have dropped.
 */
const MAX_ADDED = 1000;

/**
 * Up to this many nodes added (in all the records of one callback), they are read in the
 * observer's own callback; more (a batch of rows streaming in, a page being built) wait for a
 * task of their own, so that the page's task is never made much longer by us.
 */
const AT_ONCE_NODES = 8;

/** How many nodes the records add, counting up to `limit` and no further. */
function addedUpTo(records: readonly MutationRecord[], limit: number): number {
  let count = 0;
  for (const record of records) if ((count += record.addedNodes.length) > limit) break;
  return count;
}

/** Whether an added node can hold a person: only elements that are or contain a link or a text box. */
function mayHoldPeople(node: Element): boolean {
  return node.matches('a[href], [contenteditable], [role]') || node.querySelector('a[href], [contenteditable], [role="row"], [role="listitem"]') !== null;
}

export function watch(root: Node, options: WatchOptions): { schedule: (full?: boolean) => void } {
  let pending = false;
  let frame = 0;
  let timer = 0;
  let afterFrame = 0;
  // The task right after the page's: a task posted to the browser's scheduler where it has one
  // (its tasks are not clamped as nested timers are), else a timer. Never a message through
  // `window` or a channel: the page must hear nothing of Boundary (tests/e2e/hostile-page.spec.ts).
  const postTask = (globalThis as { scheduler?: { postTask?: (task: () => void) => Promise<void> } }).scheduler?.postTask;
  const nextTask = (task: () => void) => {
    if (postTask) postTask.call((globalThis as unknown as { scheduler: unknown }).scheduler, task).catch(() => undefined);
    else window.setTimeout(task, 0);
  };
  // What the records read so far call for: a scan at all, of the whole page, or of `added`.
  let wanted = false;
  let full = false;
  let added: Element[] = [];
  // Records not read yet. The observer's callback runs inside the page's own task (it is a
  // microtask of whatever changed the page), so beyond a few it only keeps them; they are read in ours.
  let records: MutationRecord[] = [];

  const run = (soon = false) => {
    if (!pending || options.signal.aborted) return;
    const batch = records;
    records = [];
    read(batch);
    // The whole page: after the frame (already asked for), with whatever else arrives until then.
    if (soon && wanted && (full || !options.partialsCheap?.())) return;
    fire();
  };
  /** The scan called for, now; nothing stays pending. */
  const fire = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(afterFrame);
    pending = false;
    if (!wanted) return;
    const change: PageChange = { full, added };
    wanted = false;
    full = false;
    added = [];
    options.scan(change);
    observeShadowRoots();
  };
  const wake = () => {
    if (pending || options.signal.aborted) return;
    pending = true;
    nextTask(() => run(true));
    // For a full scan; and should the message be late, the frame, or in a background tab the timer, still comes.
    frame = requestAnimationFrame(() => (afterFrame = window.setTimeout(() => run(), 0)));
    timer = window.setTimeout(() => run(), 100);
  };
  /**
   * Notes that the next scan, whenever something calls for one, must look at the whole page:
   * the change may alter what surrounds cards (their buttons, links, addresses), which a scan of
   * added elements alone would not see. It calls for no scan itself, exactly as before scans
   * could be partial: a page whose people do not change is not scanned for it.
   */
  const markFull = () => {
    full = true;
    added = [];
  };
  /** Calls for a scan: of the whole page, or (`needsFull` false) of what was added. */
  const schedule = (needsFull = true) => {
    if (options.signal.aborted) return;
    want(needsFull);
    wake();
  };
  /** Notes that a scan is called for, leaving when it runs to whoever read the records. */
  const want = (needsFull = true) => {
    wanted = true;
    if (needsFull) markFull();
  };

  /** Whether a node is, or sits inside, a reported card: its buttons going means it was acted on. */
  const insideTracked = (node: Node | null): boolean => {
    for (let n = node; n && n !== root; n = n.parentNode) if (n instanceof Element && options.isTracked(n)) return true;
    return false;
  };

  /** Reads records into what they call for. */
  const read = (batch: readonly MutationRecord[]) => {
    for (const record of batch) {
      // A full scan is called for: nothing more to learn.
      if (wanted && full) return;
      if (record.type === 'attributes') {
        // A link now pointing at someone else (lists that reuse their rows do this).
        markFull();
        continue;
      }
      if (record.type === 'characterData') {
        // A reported card's text (its name) changed in place.
        if (!full && insideTracked(record.target)) markFull();
        continue;
      }
      if (insideTracked(record.target)) {
        want();
        continue;
      }
      for (const node of record.removedNodes) {
        if (!(node instanceof Element)) continue;
        if (options.isTracked(node) || node.querySelector('a[href]')) want();
        else if (!full && (node.matches(STRUCTURE) || node.querySelector(STRUCTURE))) markFull();
      }
      for (const node of record.addedNodes) {
        if (!(node instanceof Element) || IGNORED.has(node.tagName)) continue;
        const people = mayHoldPeople(node);
        if (!full && (people || node.matches(STRUCTURE) || node.querySelector(STRUCTURE))) {
          // Buttons arriving on their own call for no scan, but the next scan must see them.
          if (added.length < MAX_ADDED) added.push(node);
          else markFull();
        }
        if (people) want(false);
      }
    }
  };

  const observer = new MutationObserver((batch) => {
    if (wanted && full) return;
    for (const record of batch) records.push(record);
    // A few insertions on a page whose scanner reads them alone, nothing else waiting: read now,
    // in this microtask. The next task may come only after a frame, the page laying out what it
    // just inserted (10–40 ms on a long list), and the badge with it; reading a few rows costs a
    // fraction of a millisecond.
    if (!pending && !options.signal.aborted && options.partialsCheap?.() && addedUpTo(records, AT_ONCE_NODES) <= AT_ONCE_NODES) {
      const now = records;
      records = [];
      read(now);
      if (!wanted) return;
      if (!full) return fire();
      // The whole page after all: after the frame, as below.
    }
    wake();
  });
  const config: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: ['href'] };
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
    clearTimeout(afterFrame);
  });
  return { schedule };
}
