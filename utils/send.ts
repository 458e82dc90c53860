import { browser } from 'wxt/browser';
import type { PageReplies, PageRequest } from '@/lib/messages';
import { t } from './i18n';

/** Sends a trusted-page request to the background and types the reply. */
export async function send<R extends PageRequest>(request: R): Promise<PageReplies[R['type']]> {
  try {
    return (await browser.runtime.sendMessage(request)) as PageReplies[R['type']];
  } catch (error) {
    return {
      ok: false,
      error: t('backgroundDidNotAnswer', String(error)),
    } as PageReplies[R['type']];
  }
}
