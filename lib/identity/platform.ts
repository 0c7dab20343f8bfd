/** The sites Boundary understands. Every identity belongs to exactly one of them. */
export const PLATFORMS = ['facebook', 'instagram', 'linkedin'] as const;
export type Platform = (typeof PLATFORMS)[number];

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}
