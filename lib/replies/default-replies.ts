import type { Platform } from '@/lib/identity/platform';

/**
 * The reply offered for a conversation until the practice writes its own (the replies issue
 * makes these editable). It confirms nothing: it reads the same whether or not the sender is a
 * client, names no therapy or appointment, and only points to private channels and urgent help.
 */
const REDIRECT = [
  'Hello, thank you for getting in touch.',
  'I keep social media messages for personal use only, and they are not private enough for anything about my work, so I will not be replying here.',
  'Please contact the practice by phone or through its secure channels instead.',
  'If you need urgent help, call your local emergency number or a crisis line.',
].join('\n');

export function defaultReply(_platform: Platform): string {
  return REDIRECT;
}
