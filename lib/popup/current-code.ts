/** Which code a row shows at a given time, and when the popup asks the background for new ones. */
import { type AccountCodes, type AccountView, NEXT_CODE_WINDOW_MS } from '../messages';

export type Codes = Pick<AccountCodes, 'code' | 'nextCode' | 'validUntil'>;

/**
 * The code to show at `now`: the next one once the current has expired (until fresh codes
 * arrive). Empty when that code has not arrived yet: never show an expired code.
 */
export function currentCode(
  codes: Codes | undefined,
  period: number,
  now: number,
): { code: string; secondsLeft: number } {
  if (!codes || codes.validUntil === 0) return { code: '', secondsLeft: period };
  if (now < codes.validUntil) return { code: codes.code, secondsLeft: Math.ceil((codes.validUntil - now) / 1000) };
  return { code: codes.nextCode, secondsLeft: Math.ceil((codes.validUntil + period * 1000 - now) / 1000) };
}

/** No codes yet, the current one expired, or the next one is due to be shown beside it. */
export function needsCodes(codes: AccountCodes | undefined, now: number): boolean {
  if (!codes || codes.validUntil === 0) return true;
  return now >= codes.validUntil || (codes.nextCode === '' && codes.validUntil - now <= NEXT_CODE_WINDOW_MS);
}

/** The codes that came with a list of accounts (the first screenful has them; the rest has none). */
export function codesIn(accounts: readonly AccountView[]): Map<string, AccountCodes> {
  return new Map(accounts.filter((a) => a.validUntil > 0).map((a) => [a.id, a]));
}
