/**
 * The account pool (`accountPool: true`): each test gets an account of the vault that no other
 * test holds now, on any worker or machine the ledger reaches (ledger.ts). The hold lapses
 * HOLD_TTL_MS after its last heartbeat, so a crashed worker's account is free again within
 * 30 s; it ends when the test ends. With the account held, a sign-in (one without a kept session)
 * also takes one of the account's sign-in slots (at most `signInsPerMinute` a minute, across all
 * machines: Microsoft throttles an account after about 20 rapid sign-ins, AADSTS50196).
 * Every wait is told to `onWait` as it goes (the fixture extends the test's timeout by it) and
 * said in the notes of the test's MFA report.
 */
import { randomBytes } from 'node:crypto';
import type { Ledger } from './ledger.js';

export const HOLD_TTL_MS = 20_000;
const HEARTBEAT_MS = 5_000;
const POLL_MS = 250;
export const DEFAULT_POOL_TIMEOUT_MS = 120_000;
/** Well below Microsoft's throttling of about 20 rapid sign-ins of one account. */
export const DEFAULT_SIGN_INS_PER_MINUTE = 6;

export interface AccountPoolOptions {
  /** Give up waiting for a free account (or a sign-in slot) after this long. Default 120 s. */
  timeoutMs?: number;
}

export interface HoldRequest extends AccountPoolOptions {
  signInsPerMinute?: number;
  /** False when the account's kept session will sign it in (no sign-in slot needed). */
  needsSignIn(account: string): Promise<boolean>;
  /** Told each stretch of waiting as it passes (ms). */
  onWait?(ms: number): void;
}

export interface HeldAccount {
  upn: string;
  /** What the wait was for and how long it took, for the report ("waited 12 s for a free account …"). */
  readonly notes: readonly string[];
  /** Total time waited (ms). */
  readonly waitedMs: number;
  /** Set when a heartbeat found the hold gone (it lapsed: another test may hold the account now). */
  readonly lost: boolean;
  release(): Promise<void>;
}

export class AccountPoolTimeoutError extends Error {
  override name = 'AccountPoolTimeoutError';
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

async function describeHolds(ledger: Ledger, accounts: readonly string[], now: number): Promise<string> {
  const held: string[] = [];
  for (const account of accounts) {
    const since = await ledger.heldSince(account).catch(() => null);
    if (since !== null) held.push(`${account} for ${seconds(now - since)}`);
  }
  return `${held.length} of ${accounts.length} accounts held${held.length ? ` (${held.join(', ')})` : ''}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function holdAccount(
  ledger: Ledger,
  accounts: readonly string[],
  request: HoldRequest,
): Promise<HeldAccount> {
  if (accounts.length === 0) throw new AccountPoolTimeoutError('MFA Autofill: accountPool: the vault has no accounts.');
  const holder = randomBytes(12).toString('hex');
  const timeoutMs = request.timeoutMs ?? DEFAULT_POOL_TIMEOUT_MS;
  const started = Date.now();
  let lastTick = started;
  const tick = () => {
    const now = Date.now();
    request.onWait?.(now - lastTick);
    lastTick = now;
    return now;
  };

  let upn: string | null = null;
  while (upn === null) {
    for (const account of shuffled(accounts)) {
      if (await ledger.hold(account, holder, HOLD_TTL_MS)) {
        upn = account;
        break;
      }
    }
    if (upn !== null) break;
    const now = tick();
    if (now - started > timeoutMs) {
      throw new AccountPoolTimeoutError(
        `MFA Autofill: no free account in the pool after ${seconds(now - started)}: ` +
          `${await describeHolds(ledger, accounts, now)} by other tests (${ledger.where}). ` +
          'Give the pool more accounts, run fewer workers, or raise accountPool.timeoutMs.',
      );
    }
    await sleep(POLL_MS);
  }
  const account = upn;
  const notes: string[] = [];
  const accountWait = tick() - started;
  if (accountWait >= 1_000)
    notes.push(`waited ${seconds(accountWait)} for a free account (all were held by other tests)`);

  let lost = false;
  let released = false;
  const heartbeat = setInterval(() => {
    ledger.renewHold(account, holder, HOLD_TTL_MS).then(
      (kept) => {
        if (!kept && !released) lost = true;
      },
      // Unanswered (Redis away for a moment): the next beat tries again; a hold that lapses meanwhile shows as lost.
      () => undefined,
    );
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const release = async () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    await ledger.releaseHold(account, holder).catch(() => undefined);
  };

  try {
    const perMinute = request.signInsPerMinute ?? DEFAULT_SIGN_INS_PER_MINUTE;
    if (await request.needsSignIn(account)) {
      const slotStarted = Date.now();
      while (!(await ledger.takeSignInSlot(account, perMinute))) {
        const now = tick();
        if (now - started > timeoutMs) {
          throw new AccountPoolTimeoutError(
            `MFA Autofill: ${account} had no sign-in slot for ${seconds(now - slotStarted)}: ` +
              `it signed in ${perMinute} times in the last minute (signInsPerMinute, across all machines).`,
          );
        }
        await sleep(POLL_MS);
      }
      const slotWait = tick() - slotStarted;
      if (slotWait >= 1_000) {
        notes.push(
          `waited ${seconds(slotWait)} to sign in ${account}: at most ${perMinute} sign-ins of one account a minute (signInsPerMinute)`,
        );
      }
    }
  } catch (error) {
    await release();
    throw error;
  }
  return {
    upn: account,
    notes,
    waitedMs: Date.now() - started,
    get lost() {
      return lost;
    },
    release,
  };
}
