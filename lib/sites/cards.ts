import { CARD_WORDS, roleOfLabel, type CardWords, type ControlRole } from './card-words';
import { distinctPeople, Ends, inDocumentOrder, inPageOrder, insertInOrder, precedes, Tallies, type MarkOrder, type Tally } from './card-index';
import { continuesRun, textRun } from './dom';
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
   * With `unreadPairs`: how many unread controls one person's card may hold (2 unless said).
   * LinkedIn's invitation that carries a message has a Reply beside Ignore and Accept.
   */
  unreadMost?: 2 | 3;
  /**
   * With `unreadPairs`: a card of one control that reads as accepting or adding and one that
   * reads as nothing is a card too, of the kind its read control says (a language whose Accept
   * shares a word with a known language's, Urdu's "قبول کریں" beside an Ignore in no table). It
   * is found, never pressed: no control on it reads as turning away.
   */
  halfRead?: true;
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
  // The label read once: it costs the control's whole text, and every control on a page is asked.
  const label = controlLabel(control);
  const fromText = roleOfLabel(label === aria ? textOf(control) : label, words);
  if (fromAria && fromText && fromAria !== fromText) return null;
  return fromAria ?? fromText;
}

/** "…more", "…lisää", "... अधिक": a toggle that shows the rest of a text, in any language. */
const SHOWS_MORE = /^\s*(?:…|\.{3})/u;

/**
 * Whether a control that reads as nothing can be one of a card's two actions: not a link away
 * (navigation), though a link to the page itself is a button drawn as a link (LinkedIn's Accept
 * on a "follows you and is inviting you to connect" card is `<a href=current URL>`,
 * site-evidence.md item 2 [S]); and not a "…more" toggle on the card's message.
 */
function isUnreadAction(control: Element): boolean {
  // Links first, by their address alone (`href` is absolute): most links on a page lead away.
  if (control.localName === 'a') {
    if (!isSelfLink((control as HTMLAnchorElement).href, control.ownerDocument.URL)) return false;
    // The page's own entry in a menu or tab bar ("Friends" on /friends/) is navigation still.
    if (control.hasAttribute('aria-current') || control.closest('nav, [role="navigation"], [role="tablist"], [role="menu"]')) return false;
  }
  return !SHOWS_MORE.test(control.textContent ?? '');
}

/**
 * Parameters the sites add to links to follow clicks, which say nothing of where a link goes:
 * Facebook's `__tn__`, `__cft__[0]`, `__xts__[0]`, `fref`, `hc_ref`, `ref`; LinkedIn's `trk`,
 * `trkInfo`, `lipi`; Instagram's `igsh`; `mibextid`, `utm_*` [G: names seen in shared links].
 */
const TRACKING_PARAM = /^(?:__tn__|__cft__|__xts__|fref|hc_ref|ref|refid|trk|trkInfo|lipi|igsh|igshid|mibextid|utm_[a-z]+)(?:\[|%5B|=|$)/i;

/**
 * The address without its fragment, its tracking parameters and a trailing slash of its path:
 * /friends/requests/?profile_id=… is a person, not the page. Plain string work: most links have no query.
 */
function pageOf(href: string): string {
  let page = href.replace(/#.*$/, '');
  const query = page.indexOf('?');
  if (query >= 0) {
    const kept = page.slice(query + 1).split('&').filter((param) => param !== '' && !TRACKING_PARAM.test(param));
    page = page.slice(0, query) + (kept.length > 0 ? `?${kept.join('&')}` : '');
  }
  return page.replace(/\/(?=\?|$)/, '');
}
const isSelfLink = (href: string, here: string) => href !== '' && pageOf(href) === pageOf(here);

const isDisabled = (control: Element) => control.matches(':disabled, [aria-disabled="true"]');

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

/**
 * Text only a screen reader gets, by the class names sites give it: LinkedIn's (public scripts
 * read its badges and names from `span.visually-hidden, span.visually-hidden-text, span.a11y-text`,
 * refs 68974477021, 5022121414) [E]; `sr-only` and `screen-reader-text`, the common names [G].
 */
const SCREEN_READER_ONLY = '.visually-hidden, .visually-hidden-text, .a11y-text, .sr-only, .screen-reader-text';

/**
 * The first text in `element` that is not inside one of `controls`, an icon, a time or hidden
 * text. A link written for both eyes and screen readers ("<span aria-hidden>Grace Kim</span>
 * <span class="visually-hidden">View Grace Kim’s profile</span>") shows the name in the hidden-
 * from-readers part: when nothing else is there, that is the name, before the readers' sentence.
 */
export function firstText(element: Element, controls: ReadonlySet<Element> = new Set()): string {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let shown = '';
  let forReaders = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (continuesRun(node)) continue;
    const text = textRun(node).replace(/\s+/g, ' ').trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('svg, time, abbr, script, style')) continue;
    let inControl = false;
    for (let at: Element | null = parent; at && at !== element.parentElement; at = at.parentElement) {
      if (controls.has(at)) {
        inControl = true;
        break;
      }
    }
    if (inControl) continue;
    // Hidden from readers by the mark itself or what is inside it; an aria-hidden page behind an
    // open modal (a dialog over My Network, round-14 Spanish replica [G]) hides the whole mark,
    // which is no "shown" half of a name written twice.
    const hidden = parent.closest('[aria-hidden="true"]');
    if (hidden && element.contains(hidden)) shown ||= text;
    else if (parent.closest(SCREEN_READER_ONLY)) forReaders ||= text;
    else return text;
  }
  return forReaders && shown ? shown : forReaders;
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
  return new CardIndex(scope, marks, markup, options).cards();
}

const sameCard = (a: FoundCard, b: FoundCard) =>
  a.kind === b.kind &&
  a.card === b.card &&
  a.name === b.name &&
  a.positive === b.positive &&
  a.negative === b.negative &&
  a.labelsRead === b.labelsRead &&
  a.identities.length === b.identities.length &&
  a.identities.every((id, i) => id === b.identities[i]);

const identitiesOf = (tally: Tally) => [...tally.people].filter((key) => key.startsWith('id:')).map((key) => key.slice(3));

/**
 * The cards of one scope, as findCards finds them, kept so that elements added later are read
 * alone (`insert`). Each card comes from a walk up from one control (or, for `unreadPairs`, one
 * mark) that reads the counts of the boxes it passes and stops at one, its terminal box. An
 * insertion changes the counts of the inserted element's ancestors only, so a walk that ended
 * below them passed none of them and gives the same answer: only the walks that ended on one of
 * those ancestors (or past the scope), and the new element's own, are walked again. A card found
 * again just as it was is the same object.
 */
export class CardIndex {
  private tallies: Tallies;
  private people = new Set<Element>();
  /** Every control read, with its role (a state's too: naming a card skips their text). */
  private controls = new Map<Element, ControlRole | null>();
  /** Cards from readable pairs, by card, and in the order of their positive controls (findCards' own). */
  private read = new Map<Element, FoundCard>();
  private readOrder: FoundCard[] = [];
  private readEnds = new Ends<Element>();
  /** The card each positive control made, as `read` holds it (an entry is stale when `read` holds another). */
  private byPositive = new Map<Element, FoundCard>();
  /** Cards of two unread controls, by box (null: the box makes none), and how many marks' walks ended on it. */
  private unread = new Map<Element, { marks: number; card: FoundCard | null }>();
  private unreadEnds = new Ends<PersonMark>();
  private lone = new Map<Element, FoundCard>();
  private loneEnds = new Ends<Element>();

  constructor(
    private scope: ParentNode,
    marks: readonly PersonMark[],
    private markup: CardMarkup = DEFAULT_MARKUP,
    private options: FindOptions = {},
    order?: MarkOrder,
  ) {
    this.tallies = new Tallies(scope, order);
    for (const mark of marks) this.people.add(mark.element);
    const controls = this.readControls(scope.querySelectorAll(markup.controls));
    for (const [element, role] of controls) this.tallies.control(element, role);
    for (const mark of marks) this.tallies.mark(mark);
    this.readOrder = this.walkPositives(controls.map(([element]) => element));
    if (options.unreadPairs) this.walkMarks(marks);
    if (options.loneAdds) this.walkLone(controls.map(([element]) => element));
  }

  /**
   * What the page holds after `root` was inserted into the scope, with `marks` the people marked
   * in it (in the scan's order); `root` holds nothing that was there before. False when `root`
   * went inside a control, which it changes the label of: only a new index can tell then. Once
   * every insertion is in, `settle` reads again what they changed.
   */
  insert(root: Element, marks: readonly PersonMark[]): boolean {
    // Inside a control, or a link, it changes what the control reads as: not an insertion alone.
    if (root.parentElement?.closest(this.markup.controls)) return false;
    for (const mark of marks) this.people.add(mark.element);
    const within = root.matches(this.markup.controls) ? [root, ...root.querySelectorAll(this.markup.controls)] : root.querySelectorAll(this.markup.controls);
    const controls = this.readControls(within);
    for (const [element, role] of controls) this.tallies.control(element, role, root);
    for (const mark of marks) this.tallies.mark(mark, root);
    this.added.push(...controls.map(([element]) => element));
    this.addedMarks.push(...marks);
    this.roots.push(root);
    return true;
  }

  private roots: Element[] = [];
  private added: Element[] = [];
  private addedMarks: PersonMark[] = [];

  /**
   * After `insert`s: adds them to their ancestors' counts, side by side ones together, and walks
   * again what that may have changed. Returns the boxes whose counts changed (their ancestors).
   */
  settle(): ReadonlySet<Element> {
    const roots = this.roots;
    this.roots = [];
    // The boxes around an insertion (returned), and those whose counts it changed: only walks that
    // ended on the latter can answer differently. An insertion holding no control and no mark (a
    // loading indicator) changes no count, and nothing is walked again for it.
    const around = new Set<Element>();
    const changed = new Set<Element>();
    const later = new Set(roots);
    for (let from = 0; from < roots.length; ) {
      let to = from + 1;
      while (to < roots.length && roots[to]!.previousElementSibling === roots[to - 1]) to++;
      const run = roots.slice(from, to);
      for (const root of run) later.delete(root);
      const counted = run.some(this.tallies.holds);
      for (const box of this.tallies.insert(run, later)) {
        around.add(box);
        if (counted) changed.add(box);
      }
      from = to;
    }
    if (changed.size === 0 && this.added.length === 0 && this.addedMarks.length === 0) return around;
    const boxes = [...changed, null];
    const added = this.added;
    const addedMarks = this.addedMarks;
    this.added = [];
    this.addedMarks = [];
    // Cards from pairs: every card sits on its walk's terminal box, so those on a changed box go.
    // A card grown over a second link of its person (growToSamePerson) may have its walk end on the
    // box above it: that card goes too, and is walked again.
    const before = new Map<Element, FoundCard>();
    const take = (card: FoundCard | undefined) => {
      if (!card || this.read.get(card.card) !== card) return;
      before.set(card.card, card);
      this.read.delete(card.card);
    };
    for (const box of changed) if (box) take(this.read.get(box));
    const ends = this.readEnds.endingAt(boxes);
    for (const positive of ends) take(this.byPositive.get(positive));
    const fresh = this.walkPositives([...ends, ...added], before, false);
    if (before.size > 0) {
      const gone = new Set([...before.values()].filter((card) => this.read.get(card.card) !== card));
      if (gone.size > 0) this.readOrder = this.readOrder.filter((card) => !gone.has(card));
    }
    for (const card of fresh) insertInOrder(this.readOrder, card, (a, b) => inPageOrder(a.positive, b.positive));
    // Cards that came or went change which marks are on a card already.
    const moved = new Set<Element>([...before.keys()].filter((box) => this.read.get(box) !== before.get(box)));
    for (const card of fresh) moved.add(card.card);

    if (this.options.unreadPairs) {
      const marks = new Set([...this.unreadEnds.endingAt(boxes), ...addedMarks]);
      for (const box of moved) for (const mark of this.tallies.marksOf(this.tallies.of(box))) marks.add(mark);
      // Their boxes lose them; a box's card is a function of its counts, kept while a mark still ends on it.
      const old = new Map<Element, FoundCard | null>();
      for (const mark of marks) {
        const box = this.unreadEnds.get(mark);
        this.unreadEnds.drop(mark);
        const entry = box && this.unread.get(box);
        if (!entry) continue;
        old.set(box!, entry.card);
        if (--entry.marks === 0) this.unread.delete(box!);
      }
      this.walkMarks([...marks], old);
    }
    if (this.options.loneAdds) {
      const old = new Map<Element, FoundCard>();
      for (const box of changed) {
        const card = box && this.lone.get(box);
        if (card) old.set(box!, card);
        if (box) this.lone.delete(box);
      }
      this.walkLone([...this.loneEnds.endingAt(boxes), ...added], old, false);
    }
    return around;
  }

  /** The cards, as findCards returns them. */
  cards(): FoundCard[] {
    const unread = outermost([...this.unread.values()].flatMap((entry) => (entry.card ? [entry.card] : [])));
    if (unread.length === 0 && this.lone.size === 0) return [...this.readOrder];
    // A lone card a pair card has since grown around (a dismiss inserted beside it) is that card's.
    const lone = [...this.lone.values()].filter((card) => !this.insideRead(card.card));
    // Put in page order by one walk of their ancestors, not by comparing cards two by two.
    return inDocumentOrder([...this.readOrder, ...unread, ...lone], (found) => found.card);
  }

  private readControls(elements: Iterable<Element>): [Element, ControlRole | null][] {
    const controls: [Element, ControlRole | null][] = [];
    for (const element of elements) {
      // A person's link is the person, never a control (unless it is labelled as one).
      if (this.people.has(element) && !element.hasAttribute('aria-label')) continue;
      const role = roleOf(element, this.markup.words);
      // A person's own link never stands in for an unread control, whatever it is labelled.
      if (role || (this.options.unreadPairs && !this.people.has(element) && isUnreadAction(element))) {
        controls.push([element, role]);
        this.controls.set(element, role);
      }
    }
    return controls;
  }

  /** The controls read, as firstText asks about them. */
  private controlSet = { has: (element: Element) => this.controls.has(element) } as ReadonlySet<Element>;

  /**
   * Walks from each positive control to its card; returns the cards new since `before`. Of the
   * controls that make the same card, the first in page order does: `ordered`, they come so.
   */
  private walkPositives(controls: readonly Element[], before?: ReadonlyMap<Element, FoundCard>, ordered = true): FoundCard[] {
    const tallyOf = this.tallies.of;
    const parent = this.tallies.parent;
    const made = new Map<Element, FoundCard>();
    for (const positive of controls) {
      const role = this.controls.get(positive);
      if (role !== 'accept' && role !== 'add') continue;
      // The smallest box around the positive control that also holds a control turning away.
      let box: Element | null = positive.parentElement;
      while (box && tallyOf(box).negative === 0 && box !== this.scope) box = box.parentElement;
      if (!box || tallyOf(box).negative === 0) {
        this.readEnds.set(positive, box);
        continue;
      }
      // Grow it until it holds a person, but never past a second pair.
      let card: Element | null = box;
      let end: Element | null = null;
      while (card && distinctPeople(tallyOf(card)) === 0) {
        const tally = tallyOf(card);
        if (tally.accept + tally.add > 1 || tally.negative > 1) {
          end = card;
          card = null;
          break;
        }
        card = parent(card);
      }
      if (!card) {
        this.readEnds.set(positive, end);
        continue;
      }
      const grown = this.growToSamePerson(card);
      card = grown.card;
      this.readEnds.set(positive, grown.end);
      const holder = made.get(card) ?? this.read.get(card);
      if (holder && (ordered || precedes(holder.positive, positive))) continue;
      const found = this.pairCard(card, positive, role, grown.merged);
      if (found) made.set(card, found);
    }
    const fresh: FoundCard[] = [];
    for (const [card, found] of made) {
      const old = before?.get(card);
      const kept = old && sameCard(old, found) ? old : found;
      this.read.set(card, kept);
      this.byPositive.set(kept.positive, kept);
      if (kept !== old) fresh.push(kept);
    }
    return fresh;
  }

  /**
   * A person linked twice, one link in the pair's box and one beside it (the avatar to their vanity
   * address, the name to ?profile_id=): the card grows over the boxes around it while they hold
   * the same controls and their new links name the same person, so that the card carries both
   * identities. It never grows into a list or a landmark (GROWTH_STOPS). `end`: where the walk
   * ends, the box whose counts gave the answer: past a box that holds more controls nothing can
   * change it, nor past one that holds another person; below those, a box that holds no new link
   * yet may come to hold one.
   */
  private growToSamePerson(start: Element): { card: Element; end: Element | null; merged: boolean } {
    const tallyOf = this.tallies.of;
    let card = start;
    let merged = false;
    let tally = tallyOf(card);
    if (distinctPeople(tally) !== 1) return { card, end: card, merged };
    const name = foldText(nameOn(this.tallies.marksOf(tally), this.controlSet));
    if (name.length < 3) return { card, end: card, merged };
    let last = card;
    for (let up = this.tallies.parent(card); up && !up.matches(GROWTH_STOPS); up = this.tallies.parent(up)) {
      const around = tallyOf(up);
      if (around.accept !== tally.accept || around.add !== tally.add || around.negative !== tally.negative || around.unread !== tally.unread) break;
      last = up;
      if (around.ids === tally.ids) continue;
      const known = tally.people;
      const others = this.tallies.marksOf(around).filter((mark) => mark.identity !== undefined && !known.has(`id:${mark.identity}`));
      if (!others.every((mark) => foldText(mark.name ?? firstText(mark.element, this.controlSet)) === name)) return { card, end: up, merged };
      card = up;
      tally = around;
      merged = true;
    }
    return { card, end: last, merged };
  }

  private pairCard(card: Element, positive: Element, role: 'accept' | 'add', merged = false): FoundCard | null {
    const tally = this.tallies.of(card);
    if (tally.accept + tally.add > 2 || tally.negative > 2) return null;
    // Two whole pairs and one person: a row without a person grew into its neighbour's row.
    if (tally.accept + tally.add > 1 && tally.negative > 1) return null;
    const negative = tally.firstNegative;
    if (!negative) return null;
    // Two people on one card (an invitation that also links a mutual connection): the one the
    // pair's own labels name ("Ignore an invitation to connect from Ana") is the card's person.
    const marks = this.tallies.marksOf(tally);
    const controls = this.controlSet;
    // One person linked two ways: their identities in the order of their marks (a count's own order
    // is the order they were counted in, which differs between a page read whole and read as it grew).
    const person = merged
      ? { identities: [...new Set(marks.flatMap((mark) => (mark.identity === undefined ? [] : [mark.identity])))], name: nameOn(marks, controls) }
      : distinctPeople(tally) === 1
        ? onlyPerson(tally, marks, controls)
        : personNamedBy([positive, negative], marks, controls);
    if (!person) return null;
    return { kind: role === 'accept' ? 'request' : 'suggestion', card, identities: person.identities, name: person.name, positive, negative, labelsRead: true };
  }

  /**
   * Cards of one person and exactly two controls that read as nothing, around people on no card
   * found from labels: the smallest box around the person's mark that holds two controls.
   */
  private walkMarks(marks: readonly PersonMark[], stale?: ReadonlyMap<Element, FoundCard | null>): void {
    const tallyOf = this.tallies.of;
    // A mark inside a card already found belongs to it. (A box holding such a card also holds its
    // readable controls, and is refused below by its counts.)
    const onFoundCard = (element: Element) => {
      for (let at: Element | null = element; at; at = this.tallies.parent(at)) if (this.read.has(at)) return true;
      return false;
    };
    for (const mark of marks) {
      if (onFoundCard(mark.element)) continue;
      let box: Element | null = mark.element;
      while (box) {
        const t = tallyOf(box);
        if (t.accept + t.add + t.negative + t.unread >= 2) break;
        box = this.tallies.parent(box);
      }
      this.unreadEnds.set(mark, box);
      if (!box) continue;
      const entry = this.unread.get(box);
      if (entry) entry.marks++;
      else this.unread.set(box, { marks: 1, card: this.unreadCard(box, stale?.get(box) ?? null) });
    }
  }

  private unreadCard(box: Element, old: FoundCard | null): FoundCard | null {
    const tally = this.tallies.of(box);
    const half = this.options.halfRead && tally.negative === 0 && tally.accept + tally.add === 1 && tally.unread === 1;
    if (!half && (tally.unread < 2 || tally.unread > (this.options.unreadMost ?? 2))) return null;
    if (!half && tally.accept + tally.add + tally.negative > 0) return null;
    const marks = this.tallies.marksOf(tally);
    // One person linked two ways (the avatar to a vanity address, the name to ?profile_id=), each
    // link naming them alike, is one person, as on a card whose labels read (growToSamePerson).
    const people = distinctPeople(tally);
    if (people !== 1 && !(people > 1 && oneName(marks, this.controlSet))) return null;
    // A half-read card's read control is the one of its own controls that reads (a card is small:
    // the walk stopped at its second control).
    const read = half ? this.readControlIn(box) : null;
    if (half && !read) return null;
    const [positive, negative] = read ? [read, tally.firstUnread[0]!] : (tally.firstUnread as [Element, Element]);
    const card: FoundCard = {
      kind: half ? (tally.accept > 0 ? 'request' : 'suggestion') : this.options.unreadPairs!,
      card: box,
      identities: people === 1 ? identitiesOf(tally) : [...new Set(marks.flatMap((mark) => (mark.identity === undefined ? [] : [mark.identity])))],
      name: nameOn(marks, this.controlSet),
      positive,
      negative,
      labelsRead: false,
    };
    return old && sameCard(old, card) ? old : card;
  }

  /** The first control under `box` that reads as accepting or adding. */
  private readControlIn(box: Element): Element | null {
    for (const element of box.querySelectorAll('*')) {
      const role = this.controls.get(element);
      if (role === 'accept' || role === 'add') return element;
    }
    return null;
  }

  /** Whether `box` is, or is inside, a card found by its pair. */
  private insideRead(box: Element): boolean {
    for (let at: Element | null = box; at; at = this.tallies.parent(at)) if (this.read.has(at)) return true;
    return false;
  }

  /**
   * Suggestions of one person and one add control, no pair: the smallest box around the add
   * control that holds a person, holding nothing else that acts on people.
   */
  private walkLone(controls: readonly Element[], old?: ReadonlyMap<Element, FoundCard>, ordered = true): void {
    const tallyOf = this.tallies.of;
    for (const positive of controls) {
      if (this.controls.get(positive) !== 'add') continue;
      let box: Element | null = positive.parentElement;
      while (box && distinctPeople(tallyOf(box)) === 0) box = this.tallies.parent(box);
      this.loneEnds.set(positive, box);
      // A box inside a card already found is part of it (a whole-link card whose Connect pairs with
      // a dismiss beside the link): its person is that card's.
      if (!box || this.insideRead(box)) continue;
      // Of two lone controls on one box, the first in page order (the card's counts refuse both).
      const holder = this.lone.get(box);
      if (holder && (ordered || precedes(holder.positive, positive))) continue;
      const tally = tallyOf(box);
      if (tally.add !== 1 || tally.accept + tally.negative + tally.unread > 0 || distinctPeople(tally) !== 1) continue;
      const card: FoundCard = { kind: 'suggestion', card: box, ...onlyPerson(tally, this.tallies.marksOf(tally), this.controlSet), positive, negative: null, labelsRead: true };
      const before = old?.get(box);
      this.lone.set(box, before && sameCard(before, card) ? before : card);
    }
  }
}

/**
 * Of unread cards made of the same two controls, the outermost: a person linked twice (avatar and
 * name) in boxes nested inside one another, each holding the pair, walks from each link to its own
 * box, and both are the one card (the Croatian nested requests test page showed each request twice).
 */
function outermost(cards: readonly FoundCard[]): FoundCard[] {
  if (cards.length < 2) return [...cards];
  const byPair = new Map<Element, FoundCard[]>();
  for (const card of cards) byPair.set(card.positive, [...(byPair.get(card.positive) ?? []), card]);
  return cards.filter((card) => !byPair.get(card.positive)!.some((other) => other !== card && other.negative === card.negative && other.card.contains(card.card)));
}

/** Boxes a card never grows into when it grows over a second link of its person: lists, landmarks, sections. */
const GROWTH_STOPS =
  '[role="list"], [role="grid"], [role="feed"], [role="navigation"], [role="main"], [role="region"], [role="dialog"], [role="banner"], [role="complementary"], ul, ol, nav, main, aside, section, body, [data-pagelet]';

/** Whether every mark that carries an identity names the same person (three letters or more), as its label or text shows. */
function oneName(marks: readonly PersonMark[], controls: ReadonlySet<Element>): boolean {
  const names = new Set(marks.filter((mark) => mark.identity !== undefined).map((mark) => foldText(mark.name ?? firstText(mark.element, controls))));
  const [name] = names;
  return names.size === 1 && name!.length >= 3;
}

/** A card's one person: their identities and the name shown. */
function onlyPerson(tally: Tally, marks: readonly PersonMark[], controls: ReadonlySet<Element>): { identities: string[]; name: string } {
  return { identities: identitiesOf(tally), name: nameOn(marks, controls) };
}

const foldText = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Of the people on a card, the one whose shown name the pair's labels hold, when exactly one
 * person's does; null otherwise. Names shorter than three letters are not read into labels.
 */
function personNamedBy(pair: readonly Element[], marks: readonly PersonMark[], controls: ReadonlySet<Element>): { identities: string[]; name: string } | null {
  const labels = pair.map((control) => foldText(control.getAttribute('aria-label') ?? '')).filter(Boolean);
  if (labels.length === 0) return null;
  const named = new Map<string, { identities: string[]; name: string }>();
  for (const mark of marks) {
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
  const tallies = new Tallies(scope);
  for (const mark of marks) tallies.mark(mark);
  const tallyOf = tallies.of;
  const rows = new Map<Element, { row: Element; identities: string[]; name: string }>();
  const grows = (parent: Element | null): parent is Element =>
    !!parent && parent !== scope && distinctPeople(tallyOf(parent)) === 1 && !(stop && parent.matches(stop));
  for (const mark of marks) {
    let row = mark.element;
    while (grows(row.parentElement)) row = row.parentElement;
    if (rows.has(row)) continue;
    rows.set(row, { row, identities: identitiesOf(tallyOf(row)), name: nameOn(tallyOf(row).marks, new Set()) });
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
