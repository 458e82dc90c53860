import type { Account } from '../accounts';
import type { AccountView } from '../messages';
import { generateCode, msRemaining } from '../totp';

/** What the popup may see of an account at `now`: codes, never the secret. */
export function accountView(account: Account, now: number): AccountView {
  const validUntil = now + msRemaining(account.period, now);
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
    code: generateCode(account, now),
    nextCode: generateCode(account, validUntil),
    validUntil,
  };
}
