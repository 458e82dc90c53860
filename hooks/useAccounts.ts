import { useCallback, useRef, useState } from 'preact/hooks';
import type { AccountView, Failure } from '@/lib/messages';
import { send } from '@/utils/send';
import { useVaultWritten } from './useVaultWritten';

/**
 * Every account of the vault, without codes: asked for by `reload` (when the page chooses), and
 * again each time the background says the vault was written, from whichever page or window.
 * Of answers arriving out of order, only the last one asked for is kept.
 */
export function useAccounts(initial: AccountView[] | null, onFailure: (reply: Failure) => void) {
  const [accounts, setAccounts] = useState<AccountView[] | null>(initial);
  const asked = useRef(0);
  const failed = useRef(onFailure);
  failed.current = onFailure;

  const reload = useCallback(async () => {
    const ask = ++asked.current;
    const reply = await send({ type: 'accounts:list', codesFor: 0 });
    if (ask !== asked.current) return;
    if (reply.ok) setAccounts(reply.accounts);
    else failed.current(reply);
  }, []);

  useVaultWritten(() => void reload());

  return { accounts, setAccounts, reload };
}
