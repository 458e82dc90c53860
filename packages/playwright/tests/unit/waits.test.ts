/**
 * The waits the extension decides in the browser (packages/playwright/src/waits.ts): the
 * background says them as a 'waiting-next-period' tab status, since no lease was asked for them.
 * The helper turns that status into a code-period wait, words it as it words the others, and
 * extends the test's timeout by it (test-timeout.ts).
 */
import { describe, expect, it } from 'vitest';
import { isProblem, type MfaEvent, toMfaEvent } from '../../src/events';
import type { TabStatus } from '../../src/extension-protocol';
import type { LeaseRecord } from '../../src/lease-server';
import { extendTestTimeout } from '../../src/test-timeout';
import { describeWait, type MfaWait, WaitLog } from '../../src/waits';

const NAME = 'a@contoso.com';
const PERIOD_START = 1_700_000_010_000;

let seq = 0;
function event(status: TabStatus): MfaEvent {
  return toMfaEvent({ seq: ++seq, tabId: 7, status }, null, [NAME]);
}

/** A WaitLog and the timeout of a test it extends, starting at Playwright's default 30 s. */
function logWithTestTimeout() {
  const testInfo = {
    timeout: 30_000,
    setTimeout(ms: number) {
      this.timeout = ms;
    },
  };
  const told: [MfaWait, number][] = [];
  const log = new WaitLog(new Map([[NAME, 30]]), (wait, longerByMs) => {
    told.push([{ ...wait }, longerByMs]);
    extendTestTimeout(testInfo, longerByMs);
  });
  return { log, testInfo, told };
}

const waiting = (reason: 'code-used' | 'too-late', at: number, until = PERIOD_START + 30_000): TabStatus => ({
  state: 'waiting-next-period',
  account: NAME,
  until,
  reason,
  at,
});

describe('a wait for the next period that the extension decided', () => {
  it('a code already used in this browser: a code-period wait until the next period, said and added to the timeout', () => {
    const { log, testInfo, told } = logWithTestTimeout();
    const at = PERIOD_START + 12_000;
    log.eventSeen(event(waiting('code-used', at)));
    expect(log.waits).toEqual([
      {
        kind: 'code-period',
        account: NAME,
        reason: 'already used its code for this period in this browser',
        since: at,
        expectedUntil: PERIOD_START + 30_000,
        endedAt: null,
      },
    ]);
    // 18 s of waiting, and the slack test-timeout.ts allows for what follows a wait.
    expect(told.map(([, ms]) => ms)).toEqual([18_000]);
    expect(testInfo.timeout).toBe(30_000 + 18_000 + 2_000);
    expect(describeWait(log.waits[0]!, at + 4_000)).toBe(
      'Waiting for the next code period (a@contoso.com already used its code for this period in this browser): 4 s so far, about 14 s more.',
    );

    log.eventSeen(event({ state: 'filled', account: NAME, submitted: true, at: PERIOD_START + 30_400 }));
    expect(describeWait(log.waits[0]!)).toBe(
      'Waited 18 s for the next code period (a@contoso.com already used its code for this period in this browser).',
    );
    // The end is told too, and adds nothing.
    expect(told.map(([, ms]) => ms)).toEqual([18_000, 0]);
    expect(testInfo.timeout).toBe(50_000);
  });

  it('a code with under 3 s left', () => {
    const { log, testInfo } = logWithTestTimeout();
    const at = PERIOD_START + 28_500;
    log.eventSeen(event(waiting('too-late', at)));
    log.eventSeen(event({ state: 'filled', account: NAME, submitted: false, at: PERIOD_START + 30_100 }));
    expect(describeWait(log.waits[0]!)).toBe(
      'Waited 2 s for the next code period (a@contoso.com had under 3 s left on its code).',
    );
    expect(testInfo.timeout).toBe(30_000 + 1_500 + 2_000);
  });

  it('a wait that runs into a second period is lengthened, not doubled, and adds only the extra time', () => {
    const { log, testInfo } = logWithTestTimeout();
    log.eventSeen(event(waiting('code-used', PERIOD_START + 20_000)));
    log.eventSeen(event(waiting('code-used', PERIOD_START + 30_050, PERIOD_START + 60_000)));
    expect(log.waits).toHaveLength(1);
    expect(log.waits[0]).toMatchObject({ since: PERIOD_START + 20_000, expectedUntil: PERIOD_START + 60_000 });
    expect(testInfo.timeout).toBe(30_000 + (10_000 + 2_000) + (30_000 + 2_000));
  });

  it('a wait for another account is not ended by this one’s fill', () => {
    const { log } = logWithTestTimeout();
    log.eventSeen(event(waiting('code-used', PERIOD_START + 20_000)));
    log.eventSeen(event({ state: 'filled', account: 'b@contoso.com', submitted: true, at: PERIOD_START + 30_100 }));
    expect(log.waits[0]!.endedAt).toBeNull();
  });

  it('the event is no problem: the page is not closed for it', () => {
    const e = event(waiting('code-used', PERIOD_START + 20_000));
    expect(isProblem(e)).toBe(false);
    expect(e.message).toBe(
      'The code prompt for a@contoso.com waits for the next code period: its code for this period was already used in this browser (Microsoft refuses a code twice).',
    );
  });
});

describe('a lease refused for want of a sign-in slot (signInsPerMinute without the account pool)', () => {
  const lease = (at: number, more: Partial<LeaseRecord>): LeaseRecord => ({
    account: NAME,
    counter: Math.floor(at / 30_000),
    granted: false,
    at,
    heldBy: null,
    ...more,
  });

  it('is a sign-in-slot wait, lengthened period by period until a lease is granted, and given back to the timeout', () => {
    const { log, testInfo } = logWithTestTimeout();
    log.leaseAnswered(lease(PERIOD_START + 10_000, { signInCap: 1 }));
    log.leaseAnswered(lease(PERIOD_START + 30_050, { signInCap: 1 }));
    expect(log.waits).toEqual([
      {
        kind: 'sign-in-slot',
        account: NAME,
        reason: 'at most 1 sign-ins of one account a minute, signInsPerMinute',
        since: PERIOD_START + 10_000,
        expectedUntil: PERIOD_START + 60_000,
        endedAt: null,
      },
    ]);
    expect(describeWait(log.waits[0]!, PERIOD_START + 40_000)).toBe(
      'Waiting to sign in a@contoso.com (at most 1 sign-ins of one account a minute, signInsPerMinute): 30 s so far, about 20 s more.',
    );
    log.leaseAnswered(lease(PERIOD_START + 60_100, { granted: true }));
    expect(describeWait(log.waits[0]!)).toBe(
      'Waited 50 s to sign in a@contoso.com (at most 1 sign-ins of one account a minute, signInsPerMinute).',
    );
    expect(testInfo.timeout).toBe(30_000 + (20_000 + 2_000) + (30_000 + 2_000));
  });

  it('follows a wait for a code another browser used, which it ends: each wait says its own reason and length', () => {
    const { log, testInfo } = logWithTestTimeout();
    log.leaseAnswered(lease(PERIOD_START + 10_000, { heldBy: 'worker 2' }));
    log.leaseAnswered(lease(PERIOD_START + 30_050, { signInCap: 2 }));
    log.leaseAnswered(lease(PERIOD_START + 60_050, { granted: true }));
    expect(log.waits.map((w) => describeWait(w))).toEqual([
      'Waited 20 s for the next code period (a@contoso.com used in this period by worker 2).',
      'Waited 30 s to sign in a@contoso.com (at most 2 sign-ins of one account a minute, signInsPerMinute).',
    ]);
    expect(testInfo.timeout).toBe(30_000 + (20_000 + 2_000) + (29_950 + 2_000));
  });
});
