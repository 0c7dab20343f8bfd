import type { ControlRole } from './card-words';
import type { PersonMark } from './cards';

/**
 * The bookkeeping behind findCards (cards.ts): counts kept for every ancestor of a control or a
 * person's mark, so that each question about a box is a lookup. Kept between scans by a page's
 * scanner, an element added to the page adds its controls and marks to its ancestors' counts,
 * and only the boxes those counts changed on are asked again (CardIndex).
 */
export interface Tally {
  accept: number;
  add: number;
  negative: number;
  /** Controls whose labels read as nothing (another language, an unlabelled icon). */
  unread: number;
  /** The people in here, by identity (or by name for marks without one). */
  people: Set<string>;
  /** How many of `people` are identities, kept as they are added: big boxes are asked about once per mark. */
  ids: number;
  /** The marks in here, in the order of the scan's marks (`sorted` false: to be put in it when read). */
  marks: PersonMark[];
  sorted: boolean;
  /** The first control in here that turns away, and the first two that read as nothing, in page order. */
  firstNegative?: Element;
  firstUnread: Element[];
}

const blank = (): Tally => ({ accept: 0, add: 0, negative: 0, unread: 0, people: new Set(), ids: 0, marks: [], sorted: true, firstUnread: [] });
/** The tally of a box holding nothing: shared, never written. */
const NONE = blank();

/** Whether `a` comes before `b` in the page. */
export const precedes = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
export const inPageOrder = (a: Element, b: Element) => (a === b ? 0 : precedes(a, b) ? -1 : 1);

/**
 * `items` in page order of their elements (an element before those inside it), without comparing
 * them two by two: comparing two elements walks their ancestors and the siblings between them, so
 * sorting a long flat list that way costs about n² log n. Here each item's ancestors are walked
 * up once, until one already walked, and a walk down reads the children of those ancestors only,
 * once each. Items of separate trees (detached) come tree by tree, in the order first met.
 */
export function inDocumentOrder<T>(items: readonly T[], elementOf: (item: T) => Element): T[] {
  const at = new Map<Node, T>();
  const onPath = new Set<Node>();
  const roots: Node[] = [];
  for (const item of items) {
    let node: Node | null = elementOf(item);
    at.set(node, item);
    for (; node && !onPath.has(node); node = node.parentNode) {
      onPath.add(node);
      if (!node.parentNode) roots.push(node);
    }
  }
  const ordered: T[] = [];
  const stack = roots.reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    const item = at.get(node);
    if (item !== undefined) ordered.push(item);
    // Pushed last child first, so that the first is walked first.
    for (let child = (node as ParentNode).lastElementChild; child; child = child.previousElementSibling) if (onPath.has(child)) stack.push(child);
  }
  return ordered;
}

/** The order of a scan's marks: page order unless an adapter lists its marks otherwise. */
export type MarkOrder = (a: PersonMark, b: PersonMark) => number;
export const marksInPageOrder: MarkOrder = (a, b) => inPageOrder(a.element, b.element);

const keyOf = (mark: PersonMark) =>
  mark.identity !== undefined ? `id:${mark.identity}` : mark.name ? `name:${mark.name.toLowerCase()}` : null;

export class Tallies {
  private map = new Map<Element, Tally>();
  constructor(
    readonly scope: ParentNode,
    private order: MarkOrder = marksInPageOrder,
  ) {}

  of = (element: Element): Tally => this.map.get(element) ?? NONE;
  /** Whether anything is counted on `element` (a control or a mark in it). */
  holds = (element: Element): boolean => this.map.has(element);

  /** The next box up from `node` within the scope; null past it. */
  parent = (node: Element): Element | null => (node === this.scope ? null : node.parentElement);

  private at(element: Element): Tally {
    let tally = this.map.get(element);
    if (!tally) this.map.set(element, (tally = blank()));
    return tally;
  }

  /** Counts a control on `from` and its ancestors, up to `until` (included) or the scope. Controls come in page order. */
  control(element: Element, role: ControlRole | null, until?: Element): void {
    if (role === 'state') return;
    for (let node: Element | null = element; node; node = node === until ? null : this.parent(node)) {
      const tally = this.at(node);
      tally[role ?? 'unread']++;
      if (role === 'negative') tally.firstNegative ??= element;
      if (role === null && tally.firstUnread.length < 2) tally.firstUnread.push(element);
    }
  }

  /** Counts a mark the same way. Marks come in the scan's order. */
  mark(mark: PersonMark, until?: Element): void {
    const key = keyOf(mark);
    if (!key) return;
    for (let node: Element | null = mark.element; node; node = node === until ? null : this.parent(node)) {
      const tally = this.at(node);
      if (!tally.people.has(key) && key.startsWith('id:')) tally.ids++;
      tally.people.add(key);
      tally.marks.push(mark);
    }
  }

  /**
   * Adds what elements just inserted side by side hold (their own tallies, complete) to each of
   * their ancestors, returning them: a list's new rows walk up the page once, not once each.
   * `later`: elements inserted with them, not added yet. While the element comes
   * after everything an ancestor held (a list's new last row), its first controls stay first and
   * its marks go last with no comparing; otherwise first controls are compared only until one
   * ancestor keeps its own: every box above holds that one too, which comes first.
   */
  insert(run: readonly Element[], later: ReadonlySet<Element> = new Set()): Element[] {
    const from = this.together(run);
    const ancestors: Element[] = [];
    const marks = from.marks;
    const root = run[run.length - 1]!;
    let negative = from.firstNegative;
    let unread = from.firstUnread.length > 0;
    let last = true;
    let child = root;
    for (let node = this.parent(root); node; child = node, node = this.parent(node)) {
      ancestors.push(node);
      if (from === NONE) continue;
      for (let next = child.nextElementSibling; last && next; next = next.nextElementSibling) if (!later.has(next)) last = false;
      const tally = this.at(node);
      addCounts(tally, from);
      if (marks.length > 0) {
        if (tally.marks.length > 0 && !last) tally.sorted = false;
        for (const mark of marks) tally.marks.push(mark);
      }
      if (negative) {
        if (!tally.firstNegative) tally.firstNegative = negative;
        else if (!last && precedes(negative, tally.firstNegative)) tally.firstNegative = negative;
        else negative = undefined;
      }
      if (unread) {
        const [, second] = tally.firstUnread;
        if (second && (last || precedes(second, from.firstUnread[0]!))) unread = false;
        else if (last) tally.firstUnread = [...tally.firstUnread, ...from.firstUnread].slice(0, 2);
        else tally.firstUnread = [...tally.firstUnread, ...from.firstUnread].sort(inPageOrder).slice(0, 2);
      }
    }
    return ancestors;
  }

  /** The tallies of elements side by side, in page order, as one (NONE when they hold nothing). */
  private together(run: readonly Element[]): Tally {
    const tallies = run.map(this.of).filter((tally) => tally !== NONE);
    if (tallies.length <= 1) return tallies[0] ? { ...tallies[0], marks: this.marksOf(tallies[0]) } : NONE;
    const sum = blank();
    for (const tally of tallies) {
      addCounts(sum, tally);
      for (const mark of this.marksOf(tally)) sum.marks.push(mark);
      sum.firstNegative ??= tally.firstNegative;
      if (sum.firstUnread.length < 2) sum.firstUnread = [...sum.firstUnread, ...tally.firstUnread].slice(0, 2);
    }
    return sum;
  }

  /** A tally's marks in the scan's order. */
  marksOf(tally: Tally): PersonMark[] {
    if (!tally.sorted) {
      tally.marks.sort(this.order);
      tally.sorted = true;
    }
    return tally.marks;
  }
}

/** Adds the controls and people `from` holds to `into` (a box around it, or a run's sum). */
function addCounts(into: Tally, from: Tally): void {
  into.accept += from.accept;
  into.add += from.add;
  into.negative += from.negative;
  into.unread += from.unread;
  for (const key of from.people) {
    if (into.people.has(key)) continue;
    if (key.startsWith('id:')) into.ids++;
    into.people.add(key);
  }
}

/** The people of a tally counted once each: a name is the same person as an identity on the same card. */
export function distinctPeople(tally: Tally): number {
  return tally.ids > 0 ? tally.ids : tally.people.size;
}

/**
 * Where the walk from one control or mark ended (its terminal box; null: past the scope), by
 * item and by box: an insertion changes the counts of its ancestors only, so the items whose
 * walk ended on one of them are the only ones whose answer can change.
 */
export class Ends<T> {
  private end = new Map<T, Element | null>();
  private at = new Map<Element | null, Set<T>>();

  set(item: T, box: Element | null): void {
    this.drop(item);
    this.end.set(item, box);
    let items = this.at.get(box);
    if (!items) this.at.set(box, (items = new Set()));
    items.add(item);
  }

  get(item: T): Element | null | undefined {
    return this.end.get(item);
  }

  drop(item: T): void {
    if (!this.end.has(item)) return;
    this.at.get(this.end.get(item)!)?.delete(item);
    this.end.delete(item);
  }

  /** The items whose walk ended on one of `boxes`. */
  endingAt(boxes: Iterable<Element | null>): T[] {
    const items: T[] = [];
    for (const box of boxes) for (const item of this.at.get(box) ?? []) items.push(item);
    return items;
  }
}

/** Puts `item` into `list` (kept in `order`), from the end: items added to a page mostly come last. */
export function insertInOrder<T>(list: T[], item: T, order: (a: T, b: T) => number): void {
  let low = 0;
  let high = list.length;
  if (high === 0 || order(list[high - 1]!, item) < 0) {
    list.push(item);
    return;
  }
  while (low < high) {
    const mid = (low + high) >> 1;
    if (order(list[mid]!, item) < 0) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, item);
}

