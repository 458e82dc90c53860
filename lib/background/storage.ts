/**
 * Every storage key the extension uses, in one place. Plain storage.local holds only the
 * encrypted vault record (settings included); storage.session (memory only, cleared when
 * the browser closes, not readable by content scripts at its default access level) holds the
 * unlocked data key and per-tab status.
 */
import { storage } from 'wxt/utils/storage';
import type { TabStatus, TabStatusEvent } from '../messages';
import type { VaultRecord } from '../vault';

export const vaultRecordItem = storage.defineItem<unknown>('local:vault', { fallback: null });
/**
 * Where versions before vault contents 2 kept settings, in plain text. Read once, when such a
 * vault is first unlocked, to move them into the vault (vault-session.ts), then removed; never
 * read again, so a later write there by anything else is not obeyed.
 */
export const legacySettingsItem = storage.defineItem<unknown>('local:settings', { fallback: null });

/** base64 of the raw data key while unlocked. */
export const sessionKeyItem = storage.defineItem<string | null>('session:dataKey', { fallback: null });
export const lastActivityItem = storage.defineItem<number>('session:lastActivity', { fallback: 0 });
export const tabStatusItem = storage.defineItem<Record<string, TabStatus>>('session:tabStatus', { fallback: {} });
/** Every status change, newest last, bounded (tab-status.ts): read by the QA automation helper. */
export const tabStatusHistoryItem = storage.defineItem<TabStatusEvent[]>('session:tabStatusHistory', {
  fallback: [],
});
/**
 * The code ledger: per account id, the TOTP counter of the last code handed to a page, the tab
 * it was handed to, and whether it was submitted. A code is spent when submitted, not when
 * filled: the same tab (a reload before submitting) is handed it again, no other tab is, and a
 * spent code is never handed out again (Microsoft refuses a replay, DuplicateCodeEntered).
 */
export interface LedgerEntry {
  counter: number;
  tabId: number;
  spent: boolean;
  /**
   * The QA helper's lease on this code (code-lease.ts): 'pending' while it is asked for,
   * 'granted' (also when no lease is needed), 'refused' when it was refused or could not be had.
   * Only a granted code is handed to its tab again.
   */
  lease: 'pending' | 'granted' | 'refused';
}
export const codeLedgerItem = storage.defineItem<Record<string, LedgerEntry>>('session:codeLedger', {
  fallback: {},
});
/**
 * Per tab id, the vault's name of the account whose code the background last handed to that
 * tab: the account a "filled" status names, whatever the page reports.
 */
export const handedAccountItem = storage.defineItem<Record<string, string>>('session:handedAccount', {
  fallback: {},
});
/**
 * Per tab id, until when (epoch ms) a code request from that tab counts as the keyboard command
 * "Fill verification code" (commands.ts): set only when the background itself receives the command.
 */
export const fillCommandItem = storage.defineItem<Record<string, number>>('session:fillCommand', {
  fallback: {},
});

export type { VaultRecord };

interface ReadWriteItem<T> {
  key: string;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

const updatesInFlight = new Map<string, Promise<unknown>>();

/**
 * Read-modify-write of one item, one after another per item: two tabs reporting or filling at
 * once must not drop each other's change (each read would otherwise see the value before the
 * other's write). `change` returns the new value, or the old one to leave it as it is.
 */
export function updateItem<T, R = void>(
  item: ReadWriteItem<T>,
  change: (value: T) => { value: T; result: R },
): Promise<R> {
  const run = (updatesInFlight.get(item.key) ?? Promise.resolve()).then(async () => {
    const before = await item.getValue();
    const { value, result } = change(before);
    if (value !== before) await item.setValue(value);
    return result;
  });
  // A failed update must not stop every later one.
  updatesInFlight.set(
    item.key,
    run.catch(() => undefined),
  );
  return run;
}
