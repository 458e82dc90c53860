import { isContentRequest } from '../messages';
import { fail } from '../problems';
import { handleContentRequest } from './content-handlers';
import type { BackgroundContext } from './context';
import { handlePageRequest, isPageRequestType } from './page-handlers';
import { isExtensionPageSender, isSigninContentSender, type SenderInfo } from './sender';

export interface ExtensionIdentity {
  id: string;
  /** runtime.getURL(''): chrome-extension://<id>/ or moz-extension://<uuid>/ */
  baseUrl: string;
}

export const REFUSED = fail('problemRefused');

/**
 * Every message passes the sender check for its trust level before any handler sees it.
 * Page requests only from our own pages; content requests only from the top frame of an
 * https sign-in page. Anything else is refused.
 */
export async function routeMessage(
  message: unknown,
  sender: SenderInfo,
  self: ExtensionIdentity,
  ctx: BackgroundContext,
): Promise<unknown> {
  if (isPageRequestType(message)) {
    if (!isExtensionPageSender(sender, self.id, self.baseUrl)) return REFUSED;
    return handlePageRequest(message, ctx);
  }
  if (isContentRequest(message)) {
    const tabId = sender.tab?.id;
    if (!isSigninContentSender(sender, self.id) || typeof tabId !== 'number') return { status: 'refused' };
    return handleContentRequest(message, tabId, ctx);
  }
  return REFUSED;
}
