import type { ActivityItem } from '@/lib/activity/store';
import { PLATFORMS, type Platform } from '@/lib/identity/platform';

export const SIGHTING_KINDS = ['suggestion-seen', 'connection-seen'] as const;
export type SightingKind = (typeof SIGHTING_KINDS)[number];

export interface SeenClient {
  clientId: number;
  name: string;
  /** For a related person: the client they are related to, by name. */
  relatedToName?: string;
  /** The latest entry's time: the first time that day the site showed them. */
  lastSeen: number;
}

export interface SightingGroup {
  platform: Platform;
  kind: SightingKind;
  clients: SeenClient[];
}

const isSighting = (kind: ActivityItem['kind']): kind is SightingKind => (SIGHTING_KINDS as readonly string[]).includes(kind);

/**
 * The clients the sites showed the clinician, by site and kind (site order, suggestions first),
 * each once with when it was last logged, most recent first. A client no longer on the list has
 * no name to show and is left out.
 */
export function sightingGroups(items: readonly ActivityItem[]): SightingGroup[] {
  const latest = new Map<string, SeenClient>();
  for (const item of items) {
    if (!isSighting(item.kind) || item.clientId === undefined || item.clientName === undefined) continue;
    const key = `${item.place}|${item.kind}|${item.clientId}`;
    const known = latest.get(key);
    if (!known || item.at > known.lastSeen) {
      latest.set(key, { clientId: item.clientId, name: item.clientName, lastSeen: item.at, ...(item.relatedToName !== undefined && { relatedToName: item.relatedToName }) });
    }
  }
  return PLATFORMS.flatMap((platform) =>
    SIGHTING_KINDS.flatMap((kind) => {
      const clients = [...latest.entries()]
        .filter(([key]) => key.startsWith(`${platform}|${kind}|`))
        .map(([, seen]) => seen)
        .sort((a, b) => b.lastSeen - a.lastSeen);
      return clients.length > 0 ? [{ platform, kind, clients }] : [];
    }),
  );
}
