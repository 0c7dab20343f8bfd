import { browser } from 'wxt/browser';
import type { PageToBackground, Reply } from './messages';

/** Sends an extension page's request to the background and types the answer. */
export async function ask<M extends PageToBackground>(message: M): Promise<Reply<M>> {
  return (await browser.runtime.sendMessage(message)) as Reply<M>;
}
