/**
 * Opaque tokens for page elements. The background and popup name a card only by its token; the
 * element itself never leaves the content script. A token stays the same for as long as its
 * element lives and shows the same person, and is random, so it says nothing about the person.
 *
 * The sites' lists reuse their elements (React keeps a row and gives it the next person when the
 * list above it shrinks), so an element's token is also bound to who it showed when the token was
 * made: once the same element shows someone else it gets a new token, and a command the popup
 * sent for the person it showed before, still on its way, never presses a control on the next
 * person's. The tokens that went are remembered with who they stood for (`retiredAs`), so that
 * such a command can still reach the person it was meant for, wherever the page now shows them.
 */
export class ElementTokens {
  private readonly tokenOf = new WeakMap<Element, { who: string; token: string }>();
  private readonly elementOf = new Map<string, { element: WeakRef<Element>; who: string }>();
  /** Tokens no longer in use, and who each stood for; the newest RETIRED_KEPT, oldest first. */
  private readonly retired = new Map<string, string>();

  /** `who`: what the element shows, as the caller tells one person from another (kind, identities, name). */
  tokenFor(element: Element, who = ''): string {
    const known = this.tokenOf.get(element);
    if (known?.who === who) return known.token;
    if (known) this.retire(known.token);
    const token = randomToken();
    this.tokenOf.set(element, { who, token });
    this.elementOf.set(token, { element: new WeakRef(element), who });
    return token;
  }

  /** The live element behind a token, or null once it has left the page or shows someone else. */
  elementFor(token: string): Element | null {
    const element = this.elementOf.get(token)?.element.deref();
    return element?.isConnected ? element : null;
  }

  /** Who a token no longer in use stood for, while it is remembered. */
  retiredAs(token: string): string | undefined {
    return this.retired.get(token);
  }

  /** Forgets every token not in `keep`, so the map does not grow as the page scrolls on. */
  retainOnly(keep: ReadonlySet<string>): void {
    for (const token of this.elementOf.keys()) if (!keep.has(token)) this.retire(token);
  }

  private retire(token: string): void {
    const known = this.elementOf.get(token);
    if (!known) return;
    this.elementOf.delete(token);
    this.retired.set(token, known.who);
    if (this.retired.size > RETIRED_KEPT) this.retired.delete(this.retired.keys().next().value!);
  }
}

/** How many retired tokens are remembered: enough for a "Decline all" over a long list. */
const RETIRED_KEPT = 512;

// Random bytes are drawn 64 tokens at a time: one call to the browser's generator instead of one
// per card, which shows on pages that add cards by the hundred.
const BATCH = 64;
let pool = new Uint8Array(0);
let used = 0;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A random version-4 UUID (as crypto.randomUUID makes), from crypto.getRandomValues. */
function randomToken(): string {
  if (used + 16 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(16 * BATCH));
    used = 0;
  }
  const b = pool.subarray(used, used + 16);
  used += 16;
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = (i: number) => HEX[b[i]!]!;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}
