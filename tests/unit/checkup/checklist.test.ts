import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ActivityItem } from '@/lib/activity/store';
import { CHECKLIST, LOOK_AGAIN_DAYS, checkState } from '@/lib/checkup/checklist';
import { sightingGroups } from '@/lib/checkup/sightings';
import { loadTicks, setTick } from '@/lib/checkup/ticks';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2026, 11, 9, 12);

beforeEach(() => fakeBrowser.reset());

describe('the check-up list', () => {
  it('covers each site with links to the site itself only', () => {
    expect(new Set(CHECKLIST.map((item) => item.platform))).toEqual(new Set(['facebook', 'instagram', 'linkedin']));
    for (const item of CHECKLIST) expect(new URL(item.url).hostname).toBe(`www.${item.platform}.com`);
    expect(new Set(CHECKLIST.map((item) => item.id)).size).toBe(CHECKLIST.length);
  });

  it('an item is to do until ticked, done for LOOK_AGAIN_DAYS, then to look at again', () => {
    expect(LOOK_AGAIN_DAYS).toBe(90);
    expect(checkState(undefined, NOW)).toBe('todo');
    expect(checkState(NOW, NOW)).toBe('done');
    expect(checkState(NOW - 89 * DAY, NOW)).toBe('done');
    expect(checkState(NOW - 90 * DAY, NOW)).toBe('look-again');
    expect(checkState(NOW - 400 * DAY, NOW)).toBe('look-again');
  });

  it('keeps the day each item was ticked, forgets it when unticked, and ignores what it does not know', async () => {
    const [first, second] = CHECKLIST;
    expect(await loadTicks()).toEqual({});
    await setTick(first!.id, true, NOW - 100 * DAY);
    await setTick(second!.id, true, NOW);
    expect(await loadTicks()).toEqual({ [first!.id]: NOW - 100 * DAY, [second!.id]: NOW });
    // Looked at again: ticked afresh, done once more.
    await setTick(first!.id, true, NOW);
    expect(checkState((await loadTicks())[first!.id], NOW)).toBe('done');
    await setTick(second!.id, false);
    expect(await loadTicks()).toEqual({ [first!.id]: NOW });
    await expect(setTick('no-such-item', true)).rejects.toBeInstanceOf(RangeError);
    await fakeBrowser.storage.local.set({ 'checkup-ticks': { [first!.id]: 'yesterday', other: NOW, [second!.id]: NOW } });
    expect(await loadTicks()).toEqual({ [second!.id]: NOW });
  });
});

describe('what the sites showed, for the check-up', () => {
  const entry = (id: number, patch: Partial<ActivityItem>): ActivityItem => ({
    id,
    at: NOW,
    kind: 'suggestion-seen',
    place: 'facebook',
    clientId: 1,
    clientName: 'Ana Souza',
    clientStatus: 'current',
    ...patch,
  });

  it('groups by site and kind, each client once with the last time seen, and leaves out other entries', () => {
    const groups = sightingGroups([
      entry(1, { at: NOW - 2 * DAY }),
      entry(2, { at: NOW }),
      entry(3, { clientId: 2, clientName: 'Mia Hart', at: NOW - DAY }),
      entry(4, { kind: 'connection-seen', place: 'linkedin', at: NOW - 5 * DAY }),
      entry(5, { kind: 'declined' }),
      entry(6, { clientId: 3, clientName: undefined }),
    ]);
    expect(groups).toEqual([
      {
        platform: 'facebook',
        kind: 'suggestion-seen',
        clients: [
          { clientId: 1, name: 'Ana Souza', lastSeen: NOW },
          { clientId: 2, name: 'Mia Hart', lastSeen: NOW - DAY },
        ],
      },
      { platform: 'linkedin', kind: 'connection-seen', clients: [{ clientId: 1, name: 'Ana Souza', lastSeen: NOW - 5 * DAY }] },
    ]);
  });
});
