/**
 * Opaque tokens for page elements. The background and popup name a card only by its token; the
 * element itself never leaves the content script. A token stays the same for as long as its
 * element lives, and is random, so it says nothing about the person.
 */
export class ElementTokens {
  private readonly tokenOf = new WeakMap<Element, string>();
  private readonly elementOf = new Map<string, WeakRef<Element>>();

  tokenFor(element: Element): string {
    let token = this.tokenOf.get(element);
    if (!token) {
      token = crypto.randomUUID();
      this.tokenOf.set(element, token);
      this.elementOf.set(token, new WeakRef(element));
    }
    return token;
  }

  /** The live element behind a token, or null once it has left the page. */
  elementFor(token: string): Element | null {
    const element = this.elementOf.get(token)?.deref();
    return element?.isConnected ? element : null;
  }

  /** Forgets every token not in `keep`, so the map does not grow as the page scrolls on. */
  retainOnly(keep: ReadonlySet<string>): void {
    for (const token of this.elementOf.keys()) if (!keep.has(token)) this.elementOf.delete(token);
  }
}
