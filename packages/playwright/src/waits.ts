/**
 * Time a sign-in spends waiting rather than working: for the next TOTP period (its account's code
 * for this period was already handed out, by another browser through the code ledger, or the page
 * refused a code and the retry needs the next period's), or for a free account (the account pool).
 * Each wait is said in the MFA report, the probe's step line and the launcher, and extends the
 * test's timeout by its length (test-timeout.ts), so a suite on Playwright's default timeout does
 * not fail for waiting its turn.
 */
import { printable } from './printable.js';

export interface MfaWait {
  kind: 'code-period' | 'free-account';
  /** The account waited for (code-period), or the one finally had (free-account), when known. */
  account: string | null;
  /** Why, in words: "used in this period by worker 1: \"signs in\"", "the page refused its code". */
  reason: string | null;
  since: number;
  /** When the wait should end (the next period's start); null when unknown. */
  expectedUntil: number | null;
  /** Null while it lasts. */
  endedAt: number | null;
}

function seconds(ms: number): string {
  return `${Math.max(0, Math.round(ms / 1000))} s`;
}

function what(wait: MfaWait): string {
  const why = wait.reason ? printable(wait.reason) : null;
  if (wait.kind === 'free-account') return `for a free account${why ? ` (${why})` : ''}`;
  const account = wait.account ? printable(wait.account) : 'the account';
  return `for the next code period (${account}${why ? ` ${why}` : ''})`;
}

/** "Waited 17 s for the next code period (x@y used in this period by …)." */
export function describeWait(wait: MfaWait, now = Date.now()): string {
  if (wait.endedAt !== null) return `Waited ${seconds(wait.endedAt - wait.since)} ${what(wait)}.`;
  const more =
    wait.expectedUntil !== null && wait.expectedUntil > now ? `, about ${seconds(wait.expectedUntil - now)} more` : '';
  return `Waiting ${what(wait)}: ${seconds(now - wait.since)} so far${more}.`;
}

/** The start of the period after the one `at` falls in, for a `periodSeconds` TOTP. */
export function nextPeriodStart(at: number, periodSeconds: number): number {
  const period = periodSeconds * 1000;
  return (Math.floor(at / period) + 1) * period;
}
