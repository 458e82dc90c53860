import { browser } from 'wxt/browser';
import type { PageReplies, PageRequest } from '@/lib/messages';
import { failBecause } from '@/lib/problems';
import type { FirstScreenReply, PendingFirstScreen } from './first-screen';

/** Sends a trusted-page request to the background and types the reply. */
export async function send<R extends PageRequest>(request: R): Promise<PageReplies[R['type']]> {
  try {
    return (await browser.runtime.sendMessage(request)) as PageReplies[R['type']];
  } catch (error) {
    return noAnswer(error);
  }
}

/** The typed reply to the popup's first request, sent before this code was loaded (first-screen.ts). */
export async function firstScreenReply(pending: PendingFirstScreen): Promise<FirstScreenReply> {
  const settled = await pending;
  return 'reply' in settled ? (settled.reply as FirstScreenReply) : noAnswer(settled.error);
}

function noAnswer<T>(error: unknown): T {
  return failBecause('problemNoAnswer', error) as T;
}
