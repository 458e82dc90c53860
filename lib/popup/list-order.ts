import { compareAccounts } from '../account-order';
import type { AccountView } from '../messages';

/**
 * The popup's order: pinned first, then most recently used *as of when the popup opened*, then
 * by name. Copying a code marks its account used, and the list is fetched again while the popup
 * is open; ordering by the live `lastUsedAt` would move rows under the pointer. `usedAtOpen` is
 * filled the first time an account is seen and never updated, so the new order applies from the
 * next opening. Pinning is a deliberate change and applies at once.
 */
export function orderAsOpened(accounts: readonly AccountView[], usedAtOpen: Map<string, number>): AccountView[] {
  for (const account of accounts) {
    if (!usedAtOpen.has(account.id)) usedAtOpen.set(account.id, account.lastUsedAt);
  }
  const keyed = accounts.map((account) => ({
    account,
    name: account.name,
    pinned: account.pinned,
    lastUsedAt: usedAtOpen.get(account.id) ?? account.lastUsedAt,
  }));
  return keyed.sort(compareAccounts).map((k) => k.account);
}

/** Lower-cased name and issuer of each account, made once per list rather than per keystroke. */
export function searchIndex(accounts: readonly AccountView[]): string[] {
  return accounts.map((a) => `${a.name}\u0000${a.issuer}`.toLowerCase());
}

/** Accounts whose name or issuer contains the query (case-insensitive), in the given order. */
export function filterAccounts(
  accounts: readonly AccountView[],
  query: string,
  index = searchIndex(accounts),
): AccountView[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...accounts];
  const shown: AccountView[] = [];
  for (let i = 0; i < accounts.length; i++) {
    if (index[i]?.includes(q)) shown.push(accounts[i] as AccountView);
  }
  return shown;
}
