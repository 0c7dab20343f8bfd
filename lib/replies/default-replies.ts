import type { Platform } from '@/lib/identity/platform';
import { DEFAULT_SETTINGS, type PracticeSettings } from '@/lib/settings/practice';
import { BUILTIN_BY_ID, builtinDefaultId } from './builtin-templates';
import { composeReply } from './library';

/**
 * The reply "Insert reply" puts in a conversation when the practice has changed nothing:
 * Boundary's short redirect in the practice's language, filled with its settings (by default
 * none, so only the lines that need no details remain). It confirms nothing: it reads the same
 * whether or not the sender is a client, names no therapy or appointment, and only points to
 * private channels and urgent help.
 */
export function defaultReply(platform: Platform, settings: PracticeSettings = DEFAULT_SETTINGS): string {
  const template = BUILTIN_BY_ID.get(builtinDefaultId(settings.language, 'conversation', platform))!;
  return composeReply(template, settings, platform).text;
}
