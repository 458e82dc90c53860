/**
 * The account pool (`accountPool: true`): each test gets an account of the vault that no other
 * test holds now, on any worker or machine the ledger reaches (ledger.ts). The hold lapses
 * HOLD_TTL_MS after its last heartbeat, so a crashed worker's account is free again within
 * 30 s; it ends when the test ends. With the account held, a sign-in (one without a kept session)
 * also takes one of the account's sign-in slots (at most `signInsPerMinute` a minute, across all
 * machines: Microsoft throttles an account after about 20 rapid sign-ins, AADSTS50196).
 * Every wait is told to `onWait` as it goes (the fixture extends the test's timeout by it) and
 * kept as an MfaWait (waits.ts) for the test's MFA report.
 */
import { randomBytes } from 'node:crypto';
import type { MfaWait } from '../waits.js';
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
  /** Told each stretch of a wait as it passes (`longerByMs`), and its end (0, `endedAt` set), as WaitLog tells. */
  onWait?(wait: MfaWait, longerByMs: number): void;
}

export interface HeldAccount {
  upn: string;
  /** The waits of a second or more, for a free account and for a sign-in slot, for the report. */
  readonly waits: readonly MfaWait[];
  /** Total time waited (ms). */
  readonly waitedMs: number;
  /** True when the hold took one of the account's sign-in slots (its sign-in is counted: no lease takes another). */
  readonly signInCounted: boolean;
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

/** A wait shorter than this is not worth a line in the report (the fixture still gets its time back). */
const REPORTED_WAIT_MS = 1_000;

/** One stretch of waiting, told to `onWait` as it grows and when it ends. */
class PoolWait {
  readonly wait: MfaWait;
  private toldUntil: number;

  constructor(
    kind: MfaWait['kind'],
    account: string | null,
    reason: string,
    since: number,
    private readonly onWait: HoldRequest['onWait'],
  ) {
    this.wait = { kind, account, reason, since, expectedUntil: null, endedAt: null };
    this.toldUntil = since;
  }

  private tell(longerByMs: number): void {
    try {
      this.onWait?.(this.wait, longerByMs);
    } catch (error) {
      console.error('MFA Autofill: onWait failed:', error);
    }
  }

  /** Says how long it has lasted so far. */
  grew(now = Date.now()): void {
    this.tell(now - this.toldUntil);
    this.toldUntil = now;
  }

  /** Ends it; the wait, if long enough to report, is added to `waits`. */
  end(waits: MfaWait[], account: string | null, now = Date.now()): void {
    this.grew(now);
    this.wait.account = account;
    this.wait.endedAt = now;
    this.tell(0);
    if (now - this.wait.since >= REPORTED_WAIT_MS) waits.push(this.wait);
  }
}

export async function holdAccount(
  ledger: Ledger,
  accounts: readonly string[],
  request: HoldRequest,
): Promise<HeldAccount> {
  if (accounts.length === 0) throw new AccountPoolTimeoutError('MFA Autofill: accountPool: the vault has no accounts.');
  const holder = randomBytes(12).toString('hex');
  const timeoutMs = request.timeoutMs ?? DEFAULT_POOL_TIMEOUT_MS;
  const started = Date.now();
  const waits: MfaWait[] = [];
  let accountWait: PoolWait | null = null;

  let upn: string | null = null;
  while (upn === null) {
    for (const account of shuffled(accounts)) {
      if (await ledger.hold(account, holder, HOLD_TTL_MS)) {
        upn = account;
        break;
      }
    }
    if (upn !== null) break;
    accountWait ??= new PoolWait('free-account', null, 'all were held by other tests', started, request.onWait);
    const now = Date.now();
    accountWait.grew(now);
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
  accountWait?.end(waits, account);

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

  let signInCounted = false;
  try {
    const perMinute = request.signInsPerMinute ?? DEFAULT_SIGN_INS_PER_MINUTE;
    if (await request.needsSignIn(account)) {
      const slotStarted = Date.now();
      let slotWait: PoolWait | null = null;
      while (!(await ledger.takeSignInSlot(account, perMinute))) {
        slotWait ??= new PoolWait(
          'sign-in-slot',
          account,
          `at most ${perMinute} sign-ins of one account a minute, signInsPerMinute`,
          slotStarted,
          request.onWait,
        );
        const now = Date.now();
        slotWait.grew(now);
        if (now - started > timeoutMs) {
          throw new AccountPoolTimeoutError(
            `MFA Autofill: ${account} had no sign-in slot for ${seconds(now - slotStarted)}: ` +
              `it signed in ${perMinute} times in the last minute (signInsPerMinute, across all machines).`,
          );
        }
        await sleep(POLL_MS);
      }
      slotWait?.end(waits, account);
      signInCounted = true;
    }
  } catch (error) {
    await release();
    throw error;
  }
  return {
    upn: account,
    waits,
    waitedMs: Date.now() - started,
    signInCounted,
    get lost() {
      return lost;
    },
    release,
  };
}
