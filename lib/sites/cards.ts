import { CARD_WORDS, roleOfLabel, type CardWords, type ControlRole } from './card-words';
import type { ActionResult } from './types';

/**
 * Recognises people's cards from independent signals rather than one chain of structural
 * assumptions (design.md, "A card is recognised from several independent signals"):
 *
 * - a person: a profile link the site's identity parser reads, or an avatar / heading label that
 *   names them (each adapter says which of its marks are people, and who);
 * - a pair of controls whose labels read as taking the person in (accept, or add / follow /
 *   connect) and as turning them away (delete, ignore, remove, dismiss, ✕), in any language of
 *   card-words.ts;
 * - the smallest element that holds the pair and exactly one person is the card.
 *
 * Roles, sections, pagelets, list items and the page's address refine what the adapter makes of a
 * card; none of them is needed to find it. Everything here is a pure function of the DOM given.
 */

/** One mark on the page that names a person: a profile link, an avatar, a heading. */
export interface PersonMark {
  element: Element;
  /** The canonical identity (lib/identity), when the mark carries one (links, some avatars). */
  identity?: string;
  /** The displayed name, when the mark carries one itself (an avatar's label). */
  name?: string;
}

/** What cards are made of: what a control is, which words say what it does. */
export interface CardMarkup {
  /** Elements a person presses. Only these are ever clicked. */
  controls: string;
  words: CardWords;
}

/** Elements that can be clicked: real buttons, links, and elements the site gives the button role. */
export const PRESSABLE = 'button, a[href], [role="button"]';

export const DEFAULT_MARKUP: CardMarkup = { controls: PRESSABLE, words: CARD_WORDS };

/** What holds a card's pair: accept + turn away is a request; add + turn away is a suggestion. */
export type PairKind = 'request' | 'suggestion';

export interface FoundCard {
  kind: PairKind;
  card: Element;
  /** The person's identities on the card (one, unless the card has none and a name instead). */
  identities: string[];
  name: string;
  /** The control that takes the person in, and the one that turns them away. */
  positive: Element;
  /** Null only on a suggestion found with `loneAdds`, which has no control to turn away. */
  negative: Element | null;
  /**
   * False for a card found with `unreadPairs`: one person and two controls whose labels are in
   * no language Boundary knows. Its kind comes from the page, and nothing on it is pressed.
   */
  labelsRead: boolean;
}

export interface FindOptions {
  /**
   * On pages that exist to list requests (or suggestions), a card whose two controls say
   * nothing Boundary can read (a UI language without a word table) is still this kind of card:
   * detection does not depend on the language; pressing does (pressRole reads labels).
   */
  unreadPairs?: PairKind;
  /**
   * Where the site lists suggestions, a person with one control that would add them and nothing
   * else (Instagram's "Suggested for you" with Follow but no ✕) is a suggestion too. Nothing on
   * it can be removed; it is found so that the clinician knows.
   */
  loneAdds?: boolean;
}

const textOf = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * The label a person reads on a control: its aria-label, else its text, else its icon's label
 * (an `svg[aria-label]`, an `<svg><title>`, an `img[alt]`), as icon-only ✕ buttons have.
 */
export function controlLabel(control: Element): string {
  const aria = control.getAttribute('aria-label')?.trim();
  if (aria) return aria;
  const text = textOf(control);
  if (text) return text;
  const icon = control.querySelector('[aria-label], title, img[alt]');
  if (!icon) return '';
  return (icon.getAttribute('aria-label') ?? icon.getAttribute('alt') ?? icon.textContent ?? '').trim();
}

/** A control's role, read from its aria-label and its text: the two must not disagree. */
export function roleOf(control: Element, words: CardWords = CARD_WORDS): ControlRole | null {
  const aria = control.getAttribute('aria-label');
  const fromAria = aria ? roleOfLabel(aria, words) : null;
  const fromText = roleOfLabel(controlLabel(control) === aria ? textOf(control) : controlLabel(control), words);
  if (fromAria && fromText && fromAria !== fromText) return null;
  return fromAria ?? fromText;
}

const isDisabled = (control: Element) => control.matches(':disabled, [aria-disabled="true"]');

/** Counts kept for every ancestor of a control or a person's mark, so that each question about a box is a lookup. */
interface Tally {
  accept: number;
  add: number;
  negative: number;
  /** Controls whose labels read as nothing (another language, an unlabelled icon). */
  unread: number;
  /** The people in here, by identity (or by name for marks without one). */
  people: Set<string>;
  /** How many of `people` are identities, kept as they are added: big boxes are asked about once per mark. */
  ids: number;
  /** The marks in here, in page order, and the first control in here that turns away. */
  marks: PersonMark[];
  firstNegative?: Element;
  /** The first two controls in here that read as nothing, for cards found with `unreadPairs`. */
  firstUnread: Element[];
}

function tallies(
  scope: ParentNode,
  controls: readonly { element: Element; role: ControlRole | null }[],
  marks: readonly PersonMark[],
) {
  const map = new Map<Element, Tally>();
  const at = (element: Element) => {
    let tally = map.get(element);
    if (!tally) map.set(element, (tally = { accept: 0, add: 0, negative: 0, unread: 0, people: new Set(), ids: 0, marks: [], firstUnread: [] }));
    return tally;
  };
  const up = (from: Element, visit: (tally: Tally) => void) => {
    for (let node: Element | null = from; node; node = node === scope ? null : node.parentElement) visit(at(node));
  };
  for (const { element, role } of controls) {
    if (role === 'state') continue;
    up(element, (tally) => {
      tally[role ?? 'unread']++;
      if (role === 'negative') tally.firstNegative ??= element;
      if (role === null && tally.firstUnread.length < 2) tally.firstUnread.push(element);
    });
  }
  for (const mark of marks) {
    const key = mark.identity !== undefined ? `id:${mark.identity}` : mark.name ? `name:${mark.name.toLocaleLowerCase()}` : null;
    if (key) {
      up(mark.element, (tally) => {
        if (!tally.people.has(key) && key.startsWith('id:')) tally.ids++;
        tally.people.add(key);
        tally.marks.push(mark);
      });
    }
  }
  const none: Tally = { accept: 0, add: 0, negative: 0, unread: 0, people: new Set(), ids: 0, marks: [], firstUnread: [] };
  return (element: Element) => map.get(element) ?? none;
}

/** The people of a tally counted once each: a name is the same person as an identity on the same card. */
function distinctPeople(tally: Tally): number {
  return tally.ids > 0 ? tally.ids : tally.people.size;
}

/**
 * The displayed name on a card: the first mark's own name (an avatar's label), else the text of
 * the first mark that has text outside the card's controls and icons. `inside`: the card's marks
 * (its tally's, so that naming a card costs its own marks, not every mark on the page).
 */
function nameOn(inside: readonly PersonMark[], controls: ReadonlySet<Element>): string {
  for (const mark of inside) if (mark.name) return mark.name;
  for (const mark of inside) {
    const text = firstText(mark.element, controls);
    if (text) return text;
  }
  return '';
}

/** The first text in `element` that is not inside one of `controls`, an icon, a time or hidden text. */
export function firstText(element: Element, controls: ReadonlySet<Element> = new Set()): string {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('svg, time, abbr, [aria-hidden="true"], script, style')) continue;
    let inControl = false;
    for (let at: Element | null = parent; at && at !== element.parentElement; at = at.parentElement) {
      if (controls.has(at)) {
        inControl = true;
        break;
      }
    }
    if (!inControl) return text;
  }
  return '';
}

/**
 * Every card under `scope` that holds one person and a pair of controls, in page order. A pair
 * that shares its box with another pair before reaching a person (a toolbar's "Confirm all /
 * Delete all") makes no card; nor does a box that reaches two people at once.
 */
export function findCards(
  scope: ParentNode,
  marks: readonly PersonMark[],
  markup: CardMarkup = DEFAULT_MARKUP,
  options: FindOptions = {},
): FoundCard[] {
  const people = new Set(marks.map((mark) => mark.element));
  const controls: { element: Element; role: ControlRole | null }[] = [];
  for (const element of scope.querySelectorAll(markup.controls)) {
    // A person's link is the person, never a control (unless it is labelled as one).
    if (people.has(element) && !element.hasAttribute('aria-label')) continue;
    const role = roleOf(element, markup.words);
    // Links that read as nothing are navigation, not a card's controls.
    if (role || (options.unreadPairs && element.localName !== 'a')) controls.push({ element, role });
  }
  const tallyOf = tallies(scope, controls, marks);
  const controlSet = new Set(controls.map((c) => c.element));
  const seen = new Set<Element>();
  const found: FoundCard[] = [];

  for (const { element: positive, role } of controls) {
    if (role !== 'accept' && role !== 'add') continue;
    // The smallest box around the positive control that also holds a control turning away.
    let box: Element | null = positive.parentElement;
    while (box && tallyOf(box).negative === 0 && box !== scope) box = box.parentElement;
    if (!box || tallyOf(box).negative === 0) continue;
    // Grow it until it holds a person, but never past a second pair.
    let card: Element | null = box;
    while (card && distinctPeople(tallyOf(card)) === 0) {
      const tally = tallyOf(card);
      if (tally.accept + tally.add > 1 || tally.negative > 1) {
        card = null;
        break;
      }
      card = card === scope ? null : card.parentElement;
    }
    if (!card || seen.has(card)) continue;
    const tally = tallyOf(card);
    if (tally.accept + tally.add > 2 || tally.negative > 2) continue;
    // Two whole pairs and one person: a row without a person grew into its neighbour's row.
    if (tally.accept + tally.add > 1 && tally.negative > 1) continue;
    const negative = tally.firstNegative;
    if (!negative) continue;
    // Two people on one card (an invitation that also links a mutual connection): the one the
    // pair's own labels name ("Ignore an invitation to connect from Ana") is the card's person.
    const person = distinctPeople(tally) === 1 ? onlyPerson(tally, controlSet) : personNamedBy([positive, negative], tally, controlSet);
    if (!person) continue;
    seen.add(card);
    found.push({
      kind: role === 'accept' ? 'request' : 'suggestion',
      card,
      identities: person.identities,
      name: person.name,
      positive,
      negative,
      labelsRead: true,
    });
  }
  // Cards read from labels come in page order already; only those added after need sorting in.
  const unread = options.unreadPairs ? unreadCards(scope, marks, tallyOf, found, options.unreadPairs, controlSet) : [];
  const lone = options.loneAdds ? loneAddCards(scope, controls, tallyOf, found, controlSet) : [];
  if (unread.length === 0 && lone.length === 0) return found;
  return [...found, ...unread, ...lone].sort((a, b) => (a.card.compareDocumentPosition(b.card) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/**
 * Suggestions of one person and one add control, no pair: the smallest box around the add
 * control that holds a person, holding nothing else that acts on people.
 */
function loneAddCards(
  scope: ParentNode,
  controls: readonly { element: Element; role: ControlRole | null }[],
  tallyOf: (element: Element) => Tally,
  found: readonly FoundCard[],
  controlSet: ReadonlySet<Element>,
): FoundCard[] {
  const taken = new Set(found.map((f) => f.card));
  const cards: FoundCard[] = [];
  for (const { element: positive, role } of controls) {
    if (role !== 'add') continue;
    let box: Element | null = positive.parentElement;
    while (box && distinctPeople(tallyOf(box)) === 0) box = box === scope ? null : box.parentElement;
    if (!box || taken.has(box)) continue;
    const tally = tallyOf(box);
    if (tally.add !== 1 || tally.accept + tally.negative + tally.unread > 0 || distinctPeople(tally) !== 1) continue;
    taken.add(box);
    cards.push({ kind: 'suggestion', card: box, ...onlyPerson(tally, controlSet), positive, negative: null, labelsRead: true });
  }
  return cards;
}

/** A card's one person: their identities and the name shown. */
function onlyPerson(tally: Tally, controls: ReadonlySet<Element>): { identities: string[]; name: string } {
  const identities = [...tally.people].filter((key) => key.startsWith('id:')).map((key) => key.slice(3));
  return { identities, name: nameOn(tally.marks, controls) };
}

const foldText = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase();

/**
 * Of the people on a card, the one whose shown name the pair's labels hold, when exactly one
 * person's does; null otherwise. Names shorter than three letters are not read into labels.
 */
function personNamedBy(pair: readonly Element[], tally: Tally, controls: ReadonlySet<Element>): { identities: string[]; name: string } | null {
  const labels = pair.map((control) => foldText(control.getAttribute('aria-label') ?? '')).filter(Boolean);
  if (labels.length === 0) return null;
  const named = new Map<string, { identities: string[]; name: string }>();
  for (const mark of tally.marks) {
    const name = mark.name ?? firstText(mark.element, controls);
    const key = foldText(name);
    if (key.length < 3 || !labels.some((label) => label.includes(key))) continue;
    // One name linked two ways (a vanity address and a member id) is one person.
    const person = named.get(key) ?? { identities: [], name };
    if (mark.identity !== undefined && !person.identities.includes(mark.identity)) person.identities.push(mark.identity);
    named.set(key, person);
  }
  return named.size === 1 ? [...named.values()][0]! : null;
}

/**
 * Cards of one person and exactly two controls that read as nothing, around people on no card
 * found from labels: the smallest box around the person's mark that holds two controls.
 */
function unreadCards(
  scope: ParentNode,
  marks: readonly PersonMark[],
  tallyOf: (element: Element) => Tally,
  found: readonly FoundCard[],
  kind: PairKind,
  controlSet: ReadonlySet<Element>,
): FoundCard[] {
  const cardsFound = new Set(found.map((f) => f.card));
  // A mark inside a card already found belongs to it. (A box holding such a card also holds its
  // readable controls, and is refused below by its counts.)
  const onFoundCard = (element: Element) => {
    for (let at: Element | null = element; at; at = at === scope ? null : at.parentElement) if (cardsFound.has(at)) return true;
    return false;
  };
  const cards: FoundCard[] = [];
  const seen = new Set<Element>();
  for (const mark of marks) {
    if (onFoundCard(mark.element)) continue;
    let box: Element | null = mark.element;
    while (box) {
      const t = tallyOf(box);
      if (t.accept + t.add + t.negative + t.unread >= 2) break;
      box = box === scope ? null : box.parentElement;
    }
    if (!box || seen.has(box)) continue;
    seen.add(box);
    const tally = tallyOf(box);
    if (tally.unread !== 2 || tally.accept + tally.add + tally.negative > 0 || distinctPeople(tally) !== 1) continue;
    const [positive, negative] = tally.firstUnread as [Element, Element];
    cards.push({
      kind,
      card: box,
      identities: [...tally.people].filter((key) => key.startsWith('id:')).map((key) => key.slice(3)),
      name: nameOn(tally.marks, controlSet),
      positive,
      negative,
      labelsRead: false,
    });
  }
  return cards;
}

/**
 * For lists of people without pairs of controls (friends, followers, conversations): each mark's
 * row, the largest box around it that holds no other person, below `scope` and below any element
 * matching `stop` (a list, a column: a row never grows into one). Marks of the same person in
 * one row give one row.
 */
export function personRows(
  scope: ParentNode,
  marks: readonly PersonMark[],
  stop?: string,
): { row: Element; identities: string[]; name: string }[] {
  const tallyOf = tallies(scope, [], marks);
  const rows = new Map<Element, { row: Element; identities: string[]; name: string }>();
  const grows = (parent: Element | null): parent is Element =>
    !!parent && parent !== scope && distinctPeople(tallyOf(parent)) === 1 && !(stop && parent.matches(stop));
  for (const mark of marks) {
    let row = mark.element;
    while (grows(row.parentElement)) row = row.parentElement;
    if (rows.has(row)) continue;
    const identities = [...tallyOf(row).people].filter((key) => key.startsWith('id:')).map((key) => key.slice(3));
    rows.set(row, { row, identities, name: nameOn(tallyOf(row).marks, new Set()) });
  }
  return [...rows.values()];
}

/**
 * The one control on `card` whose role is `role`, to be pressed: a real `button`, `a` or
 * `[role=button]`, never a wrapper. A wrapper that matches (a div carrying the site's action
 * name) is passed for the one pressable control inside it. Null when there is none, or more than
 * one that disagree.
 */
export function controlToPress(card: Element, role: ControlRole, markup: CardMarkup = DEFAULT_MARKUP): HTMLElement | null {
  const candidates: HTMLElement[] = [];
  for (const element of card.querySelectorAll<HTMLElement>(markup.controls)) {
    if (roleOf(element, markup.words) !== role || isDisabled(element)) continue;
    // A pressable inside a pressable: the inner one is the real control.
    const inner = [...element.querySelectorAll<HTMLElement>(PRESSABLE)].filter((el) => roleOf(el, markup.words) === role);
    candidates.push(inner.length === 1 ? inner[0]! : element);
  }
  const unique = [...new Set(candidates)].filter((el) => el.matches(PRESSABLE));
  // Controls nested in one another count once: the innermost.
  const innermost = unique.filter((el) => !unique.some((other) => other !== el && el.contains(other)));
  return innermost.length === 1 ? innermost[0]! : null;
}

/** Presses the card's one control of `role`; refuses with a reason when there is not exactly one. */
export function pressRole(card: Element, role: ControlRole, markup: CardMarkup = DEFAULT_MARKUP): ActionResult {
  const control = controlToPress(card, role, markup);
  if (!control) return { ok: false, reason: 'Could not find the site’s own button on this card' };
  const label = controlLabel(control);
  control.click();
  return { ok: true, done: `Pressed “${label}” on the page` };
}
