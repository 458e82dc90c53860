import { browser } from 'wxt/browser';
import { isVaultWrittenNotice } from '@/lib/protocol/notices';

/**
 * Calls `onWritten` each time this extension's background says the vault was written
 * (lib/background/vault-written-notice.ts); returns the unsubscribe.
 */
export function onVaultWritten(onWritten: () => void): () => void {
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (isVaultWrittenNotice(message, sender, browser.runtime.id)) onWritten();
    // No answer: the background does not wait for one.
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
