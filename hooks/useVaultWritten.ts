import { useEffect, useRef } from 'preact/hooks';
import { onVaultWritten } from '@/utils/vault-written';

/**
 * Calls `onWritten` each time the background says the vault was written (by this page, another
 * page or another window): what the page shows of the vault is then asked for again.
 */
export function useVaultWritten(onWritten: () => void): void {
  const latest = useRef(onWritten);
  latest.current = onWritten;
  useEffect(() => onVaultWritten(() => latest.current()), []);
}
