/**
 * The options page's addresses: `options.html#/<view>` opens a view, `#/<view>/<section>` opens
 * it at one of its sections. Hash routes, so an extension page needs no server, and links, Back
 * and reload work as on any site. The page was once one long scroll with an anchor per section
 * (`#replies`, `#security`, `#policy`, …); other pages still link that way, so each old anchor
 * names the view that now holds that section.
 */

export interface Route {
  view: string;
  /** The id of an element in the view to scroll to. */
  section?: string;
}

/** What the router needs to know of a view: its address and the old anchors it answers to. */
export interface Routable {
  id: string;
  anchors: readonly string[];
}

export const HOME = 'home';

/**
 * The route a hash stands for, and the address it should be shown under when that differs (an old
 * anchor is rewritten to its view's address, so Back and bookmarks from then on use the new form).
 * No hash, or one that names no view, is the home view.
 */
export function parseRoute(hash: string, views: readonly Routable[]): { route: Route; canonical?: string } {
  const raw = decode(hash.replace(/^#/, ''));
  if (raw.startsWith('/')) {
    const [id = '', section] = raw.slice(1).split('/');
    if (id === '') return { route: { view: HOME } };
    const view = views.find((v) => v.id === id);
    if (!view) return { route: { view: HOME }, canonical: routeHash({ view: HOME }) };
    return { route: section ? { view: view.id, section } : { view: view.id } };
  }
  if (raw === '') return { route: { view: HOME } };
  const owner = views.find((v) => v.id === raw || v.anchors.includes(raw));
  if (!owner) return { route: { view: HOME }, canonical: routeHash({ view: HOME }) };
  const route: Route = owner.id === raw ? { view: owner.id } : { view: owner.id, section: raw };
  return { route, canonical: routeHash(route) };
}

/** The hash that opens a route. */
export function routeHash(route: Route): string {
  return `#/${route.view}${route.section ? `/${route.section}` : ''}`;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
