/**
 * Every storage key the extension uses, in one place. Plain storage.local holds only the
 * encrypted vault record and non-secret settings; storage.session (memory only, cleared when
 * the browser closes, not readable by content scripts at its default access level) holds the
 * unlocked data key and per-tab status.
 */
import { storage } from 'wxt/utils/storage';
import type { TabStatus, TabStatusEvent } from '../messages';
import type { Settings } from '../settings';
import type { VaultRecord } from '../vault';

export const vaultRecordItem = storage.defineItem<unknown>('local:vault', { fallback: null });
export const settingsItem = storage.defineItem<Partial<Settings>>('local:settings', { fallback: {} });

/** base64 of the raw data key while unlocked. */
export const sessionKeyItem = storage.defineItem<string | null>('session:dataKey', { fallback: null });
export const lastActivityItem = storage.defineItem<number>('session:lastActivity', { fallback: 0 });
export const tabStatusItem = storage.defineItem<Record<string, TabStatus>>('session:tabStatus', { fallback: {} });
/** Every status change, newest last, bounded (tab-status.ts): read by the QA automation helper. */
export const tabStatusHistoryItem = storage.defineItem<TabStatusEvent[]>('session:tabStatusHistory', {
  fallback: [],
});
/**
 * The spent-code ledger: per account id, the TOTP counter of the last code a page submitted. A
 * code is spent when submitted, not when filled (a reload before submitting fills it again), and
 * a spent code is never handed out again (Microsoft refuses a replay, DuplicateCodeEntered).
 */
export const spentCountersItem = storage.defineItem<Record<string, number>>('session:spentCounters', {
  fallback: {},
});
/** Per tab, the code last handed to it (account id and counter): what `content:spent` spends. */
export const handedCodesItem = storage.defineItem<Record<string, { accountId: string; counter: number }>>(
  'session:handedCodes',
  { fallback: {} },
);

export type { VaultRecord };
