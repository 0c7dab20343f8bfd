import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '@/entrypoints/options/route';

const VIEWS = [
  { id: 'home', anchors: [] },
  { id: 'clients', anchors: ['clients'] },
  { id: 'practice', anchors: ['practice', 'policy'] },
  { id: 'security', anchors: ['security', 'backup'] },
];

describe('options routes', () => {
  it('no hash, an empty one or #/ is home, left as it is', () => {
    for (const hash of ['', '#', '#/']) expect(parseRoute(hash, VIEWS)).toEqual({ route: { view: 'home' } });
  });

  it('#/<view> and #/<view>/<section> open that view', () => {
    expect(parseRoute('#/clients', VIEWS)).toEqual({ route: { view: 'clients' } });
    expect(parseRoute('#/practice/policy', VIEWS)).toEqual({ route: { view: 'practice', section: 'policy' } });
  });

  it('an old section anchor opens the view that holds it, under the new address', () => {
    expect(parseRoute('#policy', VIEWS)).toEqual({ route: { view: 'practice', section: 'policy' }, canonical: '#/practice/policy' });
    expect(parseRoute('#backup', VIEWS)).toEqual({ route: { view: 'security', section: 'backup' }, canonical: '#/security/backup' });
    expect(parseRoute('#clients', VIEWS)).toEqual({ route: { view: 'clients' }, canonical: '#/clients' });
  });

  it('an address that names no view is home, shown as home', () => {
    expect(parseRoute('#/nowhere', VIEWS)).toEqual({ route: { view: 'home' }, canonical: '#/home' });
    expect(parseRoute('#nowhere', VIEWS)).toEqual({ route: { view: 'home' }, canonical: '#/home' });
    expect(parseRoute('#%E0%A4%A', VIEWS).route).toEqual({ view: 'home' });
  });

  it('writes the hash a route is read back from', () => {
    for (const route of [{ view: 'clients' }, { view: 'practice', section: 'policy' }]) {
      expect(parseRoute(routeHash(route), VIEWS).route).toEqual(route);
    }
  });
});
