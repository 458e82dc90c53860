/**
 * Which code went to which tab (storage.ts, `codeLedgerItem` and `handedAccountItem`). A code is
 * spent when submitted, not when filled: the same tab (a reload before submitting) is handed it
 * again, no other tab is, and a spent code is never handed out again (Microsoft refuses a
 * replay). In a browser the QA helper launched, a code is handed out only once its lease is
 * granted, and handed again only if it was.
 */
import { codeLedgerItem, handedAccountItem, type LedgerEntry, updateItem } from './storage';

/**
 * 'new': the code is this tab's now; get its lease (if one is needed) and hand it out.
 * 'again': this tab was handed it and has not submitted it: hand it out again.
 * 'pending': this tab's earlier request is still waiting for the lease: ask again shortly.
 * The others wait for the next period:
 * 'used': spent, or handed to another tab (or the ledger already holds a later period's code);
 * 'lease-refused': the QA helper refused this period's lease (to this tab or another);
 * 'too-late': the code has too little life left.
 */
export type Claim = 'new' | 'again' | 'pending' | 'used' | 'lease-refused' | 'too-late';

export interface ClaimRequest {
  accountId: string;
  counter: number;
  tabId: number;
  /** The code has too little life left to be handed out. */
  tooLate: boolean;
  /** A lease must be granted before the code is handed out (the QA helper set an endpoint). */
  needsLease: boolean;
}

/** Checked and claimed in one update, so two tabs asking at once cannot both be handed a code. */
export function claimCode({ accountId, counter, tabId, tooLate, needsLease }: ClaimRequest): Promise<Claim> {
  return updateItem(codeLedgerItem, (ledger) => {
    const entry = ledger[accountId];
    const unchanged = (result: Claim) => ({ value: ledger, result });
    if (entry && entry.counter > counter) return unchanged('used');
    if (entry?.counter === counter) {
      const claim = sameCodeAgain(entry, tabId);
      return unchanged(tooLate && (claim === 'again' || claim === 'pending') ? 'too-late' : claim);
    }
    if (tooLate) return unchanged('too-late');
    const claimed: LedgerEntry = { counter, tabId, spent: false, lease: needsLease ? 'pending' : 'granted' };
    return { value: { ...ledger, [accountId]: claimed }, result: 'new' as Claim };
  });
}

function sameCodeAgain(entry: LedgerEntry, tabId: number): Claim {
  // A refused lease stays refused for the whole period, whoever asks and however often.
  if (entry.lease === 'refused') return 'lease-refused';
  if (entry.spent || entry.tabId !== tabId) return 'used';
  return entry.lease === 'pending' ? 'pending' : 'again';
}

/** Records the lease's outcome on the claim it was asked for (if the ledger still holds that claim). */
export function settleLease(accountId: string, counter: number, tabId: number, granted: boolean): Promise<void> {
  return updateItem(codeLedgerItem, (ledger) => {
    const entry = ledger[accountId];
    if (entry?.counter !== counter || entry.tabId !== tabId || entry.lease !== 'pending') {
      return { value: ledger, result: undefined };
    }
    const lease: LedgerEntry['lease'] = granted ? 'granted' : 'refused';
    return { value: { ...ledger, [accountId]: { ...entry, lease } }, result: undefined };
  });
}

/** The code last handed to this tab was submitted: it is never handed out again. */
export function spendHandedCode(tabId: number): Promise<void> {
  return updateItem(codeLedgerItem, (ledger) => {
    const spending = Object.entries(ledger).filter(([, entry]) => entry.tabId === tabId && !entry.spent);
    if (spending.length === 0) return { value: ledger, result: undefined };
    const value = { ...ledger };
    for (const [accountId, entry] of spending) value[accountId] = { ...entry, spent: true };
    return { value, result: undefined };
  });
}

/** Remembers which account's code this tab was handed, by the vault's name for it. */
export function recordHandedAccount(tabId: number, account: string): Promise<void> {
  return updateItem(handedAccountItem, (all) =>
    all[tabId] === account
      ? { value: all, result: undefined }
      : { value: { ...all, [tabId]: account }, result: undefined },
  );
}

/**
 * The account whose code the background last handed to this tab; null when it handed none.
 * Read in the item's queue, so a record still being written is seen.
 */
export function handedAccount(tabId: number): Promise<string | null> {
  return updateItem(handedAccountItem, (all) => ({ value: all, result: all[tabId] ?? null }));
}

/** The tab is closed: nothing will report a fill from it any more. */
export function forgetHandedAccount(tabId: number): Promise<void> {
  return updateItem(handedAccountItem, (all) => {
    if (!(tabId in all)) return { value: all, result: undefined };
    const { [tabId]: _gone, ...rest } = all;
    return { value: rest, result: undefined };
  });
}
