import { isSigninUrl } from '../signin/hosts';
import { isNeverFillUrl } from '../signin/never-fill';

/** The parts of runtime.MessageSender we trust, named as the browsers name them. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

function sameExtensionBase(url: string | undefined, extensionBaseUrl: string): boolean {
  if (!url) return false;
  try {
    const candidate = new URL(url);
    const base = new URL(extensionBaseUrl);
    // Compare scheme and host, not URL.origin: for chrome-extension:/moz-extension: some engines give "null".
    return candidate.protocol === base.protocol && candidate.host === base.host && candidate.host !== '';
  } catch {
    return false;
  }
}

/**
 * A message from one of our own pages (popup, options). `extensionBaseUrl` is runtime.getURL(''),
 * which is chrome-extension://<id>/ in Chromium and moz-extension://<uuid>/ in Firefox.
 */
export function isExtensionPageSender(sender: SenderInfo, extensionId: string, extensionBaseUrl: string): boolean {
  if (sender.id !== extensionId) return false;
  if (!sameExtensionBase(sender.url, extensionBaseUrl)) return false;
  if (sender.origin !== undefined && !sameExtensionBase(`${sender.origin}/`, extensionBaseUrl)) return false;
  return true;
}

/**
 * A message from our content script in the top frame of an https sign-in page. The host comes
 * from `sender`, never from the message (a compromised renderer can write any payload).
 */
export function isSigninContentSender(sender: SenderInfo, extensionId: string): boolean {
  if (sender.id !== extensionId) return false;
  if (sender.frameId !== 0) return false;
  if (typeof sender.tab?.id !== 'number') return false;
  if (!isSigninUrl(sender.url)) return false;
  if (!sender.url || isNeverFillUrl(sender.url)) return false;
  if (sender.origin !== undefined && !isSigninUrl(`${sender.origin}/`)) return false;
  return true;
}
