import type { Account } from '../accounts';
import { type AccountView, NEXT_CODE_WINDOW_MS } from '../messages';
import { generateCode, msRemaining } from '../totp';

/**
 * Codes already computed, by account and TOTP counter: the popup is opened many times within
 * one period, and otpauth's HMAC is plain JS (about 0.1 ms a code), so 200 accounts would pay
 * tens of milliseconds on every open. Holds codes only, never secrets; cleared on lock.
 */
const codeCache = new Map<string, string>();

function cachedCode(account: Account, at: number): string {
  const counter = Math.floor(at / (account.period * 1000));
  const key = `${account.id}|${account.secret.length}|${account.algorithm}|${account.digits}|${account.period}|${counter}`;
  let code = codeCache.get(key);
  if (code === undefined) {
    code = generateCode(account, at);
    // Bounded: a few codes per account is all a popup needs.
    if (codeCache.size > 4_000) codeCache.clear();
    codeCache.set(key, code);
  }
  return code;
}

export function forgetCachedCodes(): void {
  codeCache.clear();
}

/** What the popup may see of an account at `now`: codes, never the secret. */
export function accountView(account: Account, now: number): AccountView {
  const remaining = msRemaining(account.period, now);
  const validUntil = now + remaining;
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
    code: cachedCode(account, now),
    // Empty until the period is nearly over: the popup asks again then.
    nextCode: remaining <= NEXT_CODE_WINDOW_MS ? cachedCode(account, validUntil) : '',
    validUntil,
  };
}
