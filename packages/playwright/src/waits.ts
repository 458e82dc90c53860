/**
 * Time a sign-in spends waiting rather than working: for the next TOTP period (its account's code
 * for this period was already handed out, by another browser through the code ledger or in this
 * browser, or had under 3 s left, or the page refused a code and the retry needs the next
 * period's), for a free account (the account pool), or
 * for one of an account's sign-in slots (the pool's cap on sign-ins a minute).
 * Each wait is said in the MFA report, the probe's step line and the launcher, and extends the
 * test's timeout by its length (test-timeout.ts), so a suite on Playwright's default timeout does
 * not fail for waiting its turn.
 */
import type { MfaEvent } from './events.js';
import type { LeaseRecord } from './lease-server.js';
import { printable } from './printable.js';

export interface MfaWait {
  kind: 'code-period' | 'free-account' | 'sign-in-slot';
  /** The account waited for (code-period, sign-in-slot), or the one finally had (free-account), when known. */
  account: string | null;
  /**
   * Why, in words: "used in this period by worker 1: \"signs in\"", "the page refused its code",
   * "all were held by other tests", "at most 6 sign-ins of one account a minute, signInsPerMinute".
   */
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
  if (wait.kind === 'sign-in-slot') return `to sign in ${account}${why ? ` (${why})` : ''}`;
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

/** Said after the account's name: "(x@y already used its code for this period in this browser)". */
const EXTENSION_WAIT_REASONS = {
  'code-used': 'already used its code for this period in this browser',
  'too-late': 'had under 3 s left on its code',
} as const;

/** The waits a session sees by itself (the pool's own are noted, and end, in account-pool.ts). */
type SessionWaitKind = 'code-period' | 'sign-in-slot';
const SESSION_WAIT_KINDS: readonly SessionWaitKind[] = ['code-period', 'sign-in-slot'];

/** Microsoft's TOTP period, for an account whose period the vault did not say. */
const DEFAULT_PERIOD_SECONDS = 30;

/**
 * A session's waits, from what it sees: a refused lease starts (or lengthens) a wait for the next
 * period, a granted one or a filled code ends it, and a refused code's retry waits for the next
 * period too. `onWait` hears each start, lengthening and end.
 */
export class WaitLog {
  private readonly list: MfaWait[] = [];

  constructor(
    /** Each vault account's period in seconds, by lower-case name. */
    private readonly periods: ReadonlyMap<string, number>,
    private readonly onWait?: (wait: MfaWait, longerByMs: number) => void,
  ) {}

  get waits(): readonly MfaWait[] {
    return this.list;
  }

  /** A wait the session did not see itself (the account pool's, for a free account or a sign-in slot). */
  note(wait: MfaWait): void {
    this.list.push(wait);
  }

  /**
   * A refused lease starts (or lengthens) a wait for the next period, or, refused for want of a
   * sign-in slot, a wait for one (the extension asks again next period); a granted one ends it. One
   * the ledger could not answer is no wait: the extension says lease-unavailable and fills nothing.
   */
  leaseAnswered(record: LeaseRecord): void {
    if (record.error !== undefined) return;
    if (record.granted) {
      this.endWaits(record.account, record.at);
      return;
    }
    const period = this.periods.get(record.account.toLowerCase()) ?? DEFAULT_PERIOD_SECONDS;
    const until = nextPeriodStart(record.at, period);
    if (record.signInCap !== undefined) {
      const reason = `at most ${record.signInCap} sign-ins of one account a minute, signInsPerMinute`;
      this.awaitUntil('sign-in-slot', record.account, reason, record.at, until);
      return;
    }
    const reason = `used in this period by ${record.heldBy ?? 'another browser'}`;
    this.awaitUntil('code-period', record.account, reason, record.at, until);
  }

  private awaitUntil(kind: SessionWaitKind, account: string, reason: string, at: number, until: number): void {
    // The account now waits for another reason (its code came, but no sign-in slot): one wait ends, the next begins.
    const other = this.openWait(account, kind === 'code-period' ? 'sign-in-slot' : 'code-period');
    if (other) this.endWait(other, at);
    const open = this.openWait(account, kind);
    if (!open) {
      const wait: MfaWait = { kind, account, reason, since: at, expectedUntil: until, endedAt: null };
      this.list.push(wait);
      this.tellWait(wait, until - at);
      return;
    }
    const longer = until - (open.expectedUntil ?? at);
    open.reason = reason;
    open.expectedUntil = Math.max(until, open.expectedUntil ?? until);
    if (longer > 0) this.tellWait(open, longer);
  }

  /** The account's code came (a lease granted, a code filled): whatever it waited for is over. */
  private endWaits(account: string, at: number): void {
    for (const kind of SESSION_WAIT_KINDS) {
      const open = this.openWait(account, kind);
      if (open) this.endWait(open, at);
    }
  }

  private endWait(wait: MfaWait, at: number): void {
    wait.endedAt = Math.max(at, wait.since);
    this.tellWait(wait, 0);
  }

  private openWait(account: string, kind: SessionWaitKind): MfaWait | undefined {
    const name = account.toLowerCase();
    return this.list.find((w) => w.endedAt === null && w.kind === kind && w.account?.toLowerCase() === name);
  }

  private tellWait(wait: MfaWait, longerByMs: number): void {
    try {
      this.onWait?.(wait, longerByMs);
    } catch (error) {
      console.error('MFA Autofill: onWait failed:', error);
    }
  }

  /**
   * The events that start or end a wait: a refused code's retry waits for the next period, and so
   * does a prompt the extension made wait without asking for a lease (waiting-next-period).
   */
  eventSeen(event: MfaEvent): void {
    if (event.state === 'waiting-next-period') {
      this.awaitUntil('code-period', event.account, EXTENSION_WAIT_REASONS[event.reason], event.at, event.until);
    } else if (event.state === 'wrong-code' && event.retrying) {
      const period = this.periods.get(event.account.toLowerCase()) ?? DEFAULT_PERIOD_SECONDS;
      this.awaitUntil(
        'code-period',
        event.account,
        'had its code refused by the page: the retry takes the next period’s code',
        event.at,
        nextPeriodStart(event.at, period),
      );
    } else if (event.state === 'filled') {
      this.endWaits(event.account, event.at);
    }
  }
}
