/**
 * What the background's unit tests share: the extension as the router sees it, its pages and a
 * sign-in tab as senders, and a context whose browser effects do nothing unless a test says.
 */
import { MIN_PBKDF2_ITERATIONS } from '../crypto';
import type { BackgroundContext } from './context';
import type { SenderInfo } from './sender';
import { VaultSession } from './vault-session';

export const TEST_EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const SELF = { id: TEST_EXTENSION_ID, baseUrl: `chrome-extension://${TEST_EXTENSION_ID}/` };
export const POPUP_SENDER: SenderInfo = { id: TEST_EXTENSION_ID, url: `${SELF.baseUrl}popup.html` };
export const OPTIONS_SENDER: SenderInfo = { id: TEST_EXTENSION_ID, url: `${SELF.baseUrl}options.html` };
export const TEST_PASSPHRASE = 'correct horse battery staple';

/** The content script in the top frame of tab `tabId` on the "Enter code" page. */
export function signinTabSender(tabId: number): SenderInfo {
  return {
    id: TEST_EXTENSION_ID,
    url: 'https://login.microsoftonline.com/common/SAS/ProcessAuth',
    frameId: 0,
    tab: { id: tabId },
  };
}

/**
 * A background context on the cheapest allowed KDF, with ids id-1, id-2… and `now` as its clock;
 * badges, tab commands, alarms and the clipboard do nothing unless `overrides` says otherwise.
 */
export function testContext(now: () => number, overrides: Partial<BackgroundContext> = {}): BackgroundContext {
  let ids = 0;
  return {
    vault: new VaultSession(MIN_PBKDF2_ITERATIONS),
    now,
    newId: () => `id-${++ids}`,
    setBadge: async () => undefined,
    notifyTab: async () => undefined,
    startRunner: async () => true,
    scheduleAutoLock: async () => undefined,
    clearClipboardAfter: async () => undefined,
    ...overrides,
  };
}
