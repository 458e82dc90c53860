/**
 * What the helpers of one run agree on, wherever they run: a code handed out once per (account,
 * period); an account of the pool held by one test at a time; a cap on sign-ins of one account per
 * minute. Two implementations: files on this machine (file-ledger.ts) and Redis across machines
 * (redis-ledger.ts). Both key everything by accountKey(): neither stores an account's name.
 *
 * A method that cannot answer (a file error other than "exists", Redis unreachable) rejects with
 * LedgerUnavailableError: callers answer "no" with the reason, never "yes" (README.md, 'Parallel runs').
 */
import { createHash } from 'node:crypto';

export interface Ledger {
  /** Says where the ledger is, for messages (a folder, or Redis's host:port; never a password). */
  readonly where: string;
  /**
   * True for the first claim of this account's code for `counter` anywhere the ledger reaches; false after.
   * `holder` names the claimant to those who then wait ("worker 1: \"signs in\""): no secret.
   */
  claim(account: string, counter: number, holder?: string): Promise<boolean>;
  /**
   * Undoes a claim this helper has just won and will not use (the lease was refused for want of a
   * sign-in slot): the code of that period is free for another browser again.
   */
  releaseClaim(account: string, counter: number): Promise<void>;
  /** Who claimed this account's code for `counter`, as it named itself; null when not said or not kept. */
  holderOf(account: string, counter: number): Promise<string | null>;
  /** Holds `account` for `holder` unless someone holds it now; the hold lapses after `ttlMs` unless renewed. */
  hold(account: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Extends `holder`'s hold; false when it was lost (it lapsed, and maybe someone else holds it now). */
  renewHold(account: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Ends `holder`'s hold (someone else's is left alone). */
  releaseHold(account: string, holder: string): Promise<void>;
  /** Since when `account` is held (epoch ms), or null when it is free. */
  heldSince(account: string): Promise<number | null>;
  /** Takes one of the `perMinute` sign-in slots of `account`, each free again a minute after it was taken. */
  takeSignInSlot(account: string, perMinute: number): Promise<boolean>;
  /** Lets go of what this helper opened (a connection); the records stay. */
  close(): Promise<void>;
}

export class LedgerUnavailableError extends Error {
  override name = 'LedgerUnavailableError';
}

/** An account as the ledger knows it: case-insensitive, hashed (file names of one alphabet; no name in Redis). */
export function accountKey(account: string): string {
  return createHash('sha256').update(account.trim().toLowerCase()).digest('hex').slice(0, 32);
}

/** A hold's record: the holder's random id and since when it holds, e.g. "3f9c…|1767000000000". */
export function holdRecord(holder: string, since: number): string {
  return `${holder}|${since}`;
}

export function parseHoldRecord(record: string): { holder: string; since: number } | null {
  const [holder, since] = record.split('|');
  const at = Number(since);
  return holder && Number.isFinite(at) ? { holder, since: at } : null;
}

export const SIGN_IN_SLOT_MS = 60_000;
