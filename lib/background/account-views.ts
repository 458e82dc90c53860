import { sortAccounts } from '../account-order';
import type { Account } from '../accounts';
import { type AccountCodes, type AccountView, NEXT_CODE_WINDOW_MS } from '../messages';
import { generateCode, msRemaining } from '../totp';

/**
 * Codes already computed, by secret, code parameters and TOTP counter: the popup is opened many
 * times within one period, and otpauth's HMAC is plain JS (about 0.1 ms a code), so 200 accounts
 * would pay tens of milliseconds on every open. Keyed by the secret itself, not the account id:
 * an import "replace" keeps the id and changes the secret, and the old code must not be shown.
 * The keys hold secrets, as the decrypted contents beside it in this worker's memory do; it is
 * emptied on lock and on every change of the vault (vault-session.ts).
 */
const codeCache = new Map<string, string>();

function cachedCode(account: Account, at: number): string {
  const counter = Math.floor(at / (account.period * 1000));
  const key = `${account.secret}|${account.algorithm}|${account.digits}|${account.period}|${counter}`;
  let code = codeCache.get(key);
  if (code === undefined) {
    code = generateCode(account, at);
    // Bounded: a few codes per account is all a popup needs.
    if (codeCache.size > 8_000) codeCache.clear();
    codeCache.set(key, code);
  }
  return code;
}

export function forgetCachedCodes(): void {
  codeCache.clear();
}

/** The codes of `account` at `now`; `nextCode` is empty until the period is nearly over (the popup asks again then). */
export function accountCodes(account: Account, now: number): AccountCodes {
  const remaining = msRemaining(account.period, now);
  const validUntil = now + remaining;
  return {
    id: account.id,
    code: cachedCode(account, now),
    nextCode: remaining <= NEXT_CODE_WINDOW_MS ? cachedCode(account, validUntil) : '',
    validUntil,
  };
}

/** No codes computed: `validUntil` 0 tells the popup to ask for them when the row comes into view. */
const NO_CODES = { code: '', nextCode: '', validUntil: 0 } as const;

/** What the popup may see of an account at `now`: codes (unless `withCodes` is false), never the secret. */
export function accountView(account: Account, now: number, withCodes = true): AccountView {
  const codes = withCodes ? accountCodes(account, now) : NO_CODES;
  return {
    id: account.id,
    name: account.name,
    issuer: account.issuer,
    notes: account.notes,
    digits: account.digits,
    period: account.period,
    algorithm: account.algorithm,
    pinned: account.pinned,
    lastUsedAt: account.lastUsedAt,
    submitAfterFill: account.submitAfterFill,
    codeInsteadOfPush: account.codeInsteadOfPush ?? 'default',
    code: codes.code,
    nextCode: codes.nextCode,
    validUntil: codes.validUntil,
  };
}

export interface ListOptions {
  /** Only the first `limit` accounts in list order (the popup's first screenful). */
  limit?: number;
  /** Codes for the first `codesFor` accounts only; the rest come without (default: all). */
  codesFor?: number;
}

/**
 * The accounts in list order (pinned, most recently used, name). A 2,000-account vault costs
 * ~200 ms of HMAC and ~0.5 MB of message per open if every code is computed and sent: the popup
 * asks for its first screenful with codes, then for the rest without, and for codes of the rows
 * it scrolls to (`codesOf`).
 */
export function listAccountViews(accounts: readonly Account[], now: number, options: ListOptions = {}): AccountView[] {
  const ordered = inListOrder(accounts);
  const limit = wholeNumber(options.limit, ordered.length);
  const codesFor = wholeNumber(options.codesFor, ordered.length);
  return ordered.slice(0, limit).map((account, index) => accountView(account, now, index < codesFor));
}

/** Codes of the accounts named by `ids` (unknown ids are left out). At most `MAX_CODES_PER_REQUEST`. */
export function codesOf(accounts: readonly Account[], ids: readonly unknown[], now: number): AccountCodes[] {
  const wanted = new Set(ids.slice(0, MAX_CODES_PER_REQUEST).filter((id) => typeof id === 'string'));
  return accounts.filter((account) => wanted.has(account.id)).map((account) => accountCodes(account, now));
}

/**
 * The sorted list, by the vault's accounts array: the session keeps one array until the next
 * write (which makes a new one), so a popup opened again and again sorts 2,000 names once.
 */
const sorted = new WeakMap<readonly Account[], Account[]>();

function inListOrder(accounts: readonly Account[]): Account[] {
  let ordered = sorted.get(accounts);
  if (!ordered) {
    ordered = sortAccounts(accounts);
    sorted.set(accounts, ordered);
  }
  return ordered;
}

/** A screenful is ~10 rows; a request for more is a bug or abuse, not a need. */
export const MAX_CODES_PER_REQUEST = 200;

function wholeNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}
