import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isVaultWrittenNotice } from '@/lib/protocol/notices';

/**
 * Calls `onWritten` each time the background says the vault was written (by this page, another
 * page or another window): what the page shows of the vault is then asked for again.
 */
export function useVaultWritten(onWritten: () => void): void {
  const latest = useRef(onWritten);
  latest.current = onWritten;
  useEffect(() => {
    const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      if (isVaultWrittenNotice(message, sender, browser.runtime.id)) latest.current();
      // No answer: the background does not wait for one.
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);
}
