// @vitest-environment node
// Node's own fetch reaches the test lease server over a real socket, as the service worker's would.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { oathtoolCode, randomSecret } from '../../tests/support/oathtool';
import { codeLeaseEndpointItem } from './code-lease';
import { fillCodeInTab } from './commands';
import type { BackgroundContext } from './context';
import {
  TEST_PASSPHRASE as PASSPHRASE,
  POPUP_SENDER as POPUP,
  SELF as self,
  signinTabSender as tab,
  testContext,
} from './context.testing';
import {
  GRANTED,
  LEASE_UNAVAILABLE,
  REFUSED_LEASE,
  startLeaseServer,
  type TestLeaseServer,
} from './lease-server.testing';
import { routeMessage } from './router';
import { tabStatusHistoryItem } from './storage';
import { getTabStatus } from './tab-status';

// A code is spent when submitted, not when filled (GitHub issue "From whatever screen…", item 4).

const NAME = 'qa.user@contoso.onmicrosoft.com';
const SIGNIN_URL = 'https://login.microsoftonline.com/common/SAS/ProcessAuth';
let now = 1_700_000_010_000; // 10 s into a 30 s period
let secret = '';
let ctx: BackgroundContext;

beforeEach(async () => {
  fakeBrowser.reset();
  now = 1_700_000_010_000;
  secret = randomSecret();
  ctx = testContext(() => now);
  await routeMessage({ type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE }, POPUP, self, ctx);
  await routeMessage({ type: 'accounts:add', input: { name: NAME, secret } }, POPUP, self, ctx);
});

const ask = (tabId: number, retry = false) =>
  routeMessage({ type: 'content:code', pageAccount: NAME, retry, manual: false }, tab(tabId), self, ctx) as Promise<{
    status: string;
    code?: string;
  }>;
const spent = (tabId: number) => routeMessage({ type: 'content:spent' }, tab(tabId), self, ctx);
const filled = (tabId: number) =>
  routeMessage({ type: 'content:report', event: { kind: 'filled', submitted: true } }, tab(tabId), self, ctx);
const nextPeriodStart = () => (Math.floor(now / 30_000) + 1) * 30_000;
/** The states the tab's status went through, oldest first (what the QA helper reads). */
const historyOf = async (tabId: number) =>
  (await tabStatusHistoryItem.getValue()).filter((e) => e.tabId === tabId).map((e) => e.status.state);

describe('the code ledger', () => {
  it('hands an unsubmitted code to the same tab again (a reload), at once', async () => {
    expect(await ask(1)).toMatchObject({ status: 'code', code: oathtoolCode(secret, now) });
    expect(await ask(1)).toMatchObject({ status: 'code', code: oathtoolCode(secret, now) });
  });

  it('never hands it to another tab in the meantime', async () => {
    await ask(1);
    expect(await ask(2)).toMatchObject({ status: 'wait' });
  });

  it('never hands out a submitted code again, to any tab; the next period is fine', async () => {
    await ask(1);
    await spent(1);
    expect(await ask(1)).toMatchObject({ status: 'wait' });
    expect(await ask(2)).toMatchObject({ status: 'wait' });
    now += 30_000;
    expect(await ask(2)).toMatchObject({ status: 'code', code: oathtoolCode(secret, now) });
  });

  it('a retry after a rejected code counts that code as submitted, however the page sent it', async () => {
    await ask(1);
    expect(await ask(1, true)).toMatchObject({ status: 'wait' });
  });

  it('a spent report from a tab that was handed nothing changes nothing', async () => {
    await ask(1);
    await spent(2);
    expect(await ask(1)).toMatchObject({ status: 'code' });
  });
});

describe('in a browser the QA helper launched (a lease endpoint is set)', () => {
  let server: TestLeaseServer;
  beforeEach(async () => {
    server = await startLeaseServer();
    await codeLeaseEndpointItem.setValue(server.endpoint);
  });
  afterEach(() => server.close());

  it('hands out a code once the helper granted its lease, and asks once per code', async () => {
    expect(await ask(1)).toMatchObject({ status: 'code', code: oathtoolCode(secret, now) });
    expect(await ask(1)).toMatchObject({ status: 'code', code: oathtoolCode(secret, now) });
    expect(server.requests.map((r) => r.body)).toEqual([{ account: NAME, counter: Math.floor(now / 30_000) }]);
  });

  it('a refused lease is never bypassed: the same tab asking again in that period (a reload, the keyboard command) gets no code', async () => {
    server.answer(() => REFUSED_LEASE);
    expect(await ask(1)).toMatchObject({ status: 'wait' });
    server.answer(() => GRANTED);
    expect(await ask(1)).toMatchObject({ status: 'wait' });
    expect(await ask(2)).toMatchObject({ status: 'wait' });
    now += 30_000;
    expect(await ask(1)).toMatchObject({ status: 'code', code: oathtoolCode(secret, now) });
  });

  it('a refused lease is never bypassed by the keyboard command, which the background itself saw for that tab', async () => {
    // Automatic filling off: only a command the background saw makes a request count as asked for.
    await routeMessage({ type: 'settings:set', changes: { autofill: false } }, POPUP, self, ctx);
    const askByCommand = async (tabId: number) => {
      expect(await fillCodeInTab(ctx, { id: tabId, url: SIGNIN_URL })).toBe(true);
      return (await routeMessage(
        { type: 'content:code', pageAccount: NAME, retry: false, manual: true },
        tab(tabId),
        self,
        ctx,
      )) as { status: string; code?: string };
    };
    server.answer(() => REFUSED_LEASE);
    expect(await askByCommand(1)).toMatchObject({ status: 'wait' });
    // The user presses "Fill verification code" again in that period; the helper would now grant.
    server.answer(() => GRANTED);
    now += 2_000;
    const again = await askByCommand(1);
    expect(again).toMatchObject({ status: 'wait' });
    expect(again.code).toBeUndefined();
    // Not even asked again: that period's lease stays refused, to the command as to a reload.
    expect(server.requests).toHaveLength(1);
    now = nextPeriodStart() + 50;
    expect(await askByCommand(1)).toMatchObject({ status: 'code', code: oathtoolCode(secret, now) });
    const counter = Math.floor(now / 30_000);
    expect(server.requests.map((r) => r.body)).toEqual([
      { account: NAME, counter: counter - 1 },
      { account: NAME, counter },
    ]);
  });

  it('lease unavailable (503): no code, the tab says so, nothing handed out in that period; the next period goes on once the helper is back', async () => {
    server.answer(() => LEASE_UNAVAILABLE);
    const refused = (await ask(1)) as { status: string; retryInMs?: number };
    // Asked again at the next period, just inside it.
    expect(refused).toEqual({ status: 'wait', retryInMs: 30_000 - (now % 30_000) + 50 });
    expect(await getTabStatus(1)).toEqual({ state: 'lease-unavailable', account: NAME, at: now });
    // The helper is back within the period: still nothing for that code, to this tab or another.
    server.answer(() => GRANTED);
    expect(await ask(1)).toMatchObject({ status: 'wait' });
    expect(await ask(2)).toMatchObject({ status: 'wait' });
    now += 30_000;
    expect(await ask(1)).toMatchObject({ status: 'code', code: oathtoolCode(secret, now) });
  });

  it.each([
    ['a 500', () => ({ status: 500, body: 'boom' })],
    ['a malformed answer', () => ({ status: 200, body: '{"granted":"maybe"}' })],
  ] as const)('%s from the helper hands nothing out and says the lease could not be had', async (_, reply) => {
    server.answer(reply);
    expect(await ask(1)).toMatchObject({ status: 'wait' });
    expect(await getTabStatus(1)).toMatchObject({ state: 'lease-unavailable', account: NAME });
  });

  it('an unreachable helper hands nothing out', async () => {
    await server.close();
    expect(await ask(1)).toMatchObject({ status: 'wait' });
    expect(await getTabStatus(1)).toMatchObject({ state: 'lease-unavailable', account: NAME });
    server = await startLeaseServer();
  });

  it('a reload while the lease is being asked for gets the code once it is granted, not before', async () => {
    let grant: (() => void) | undefined;
    server.answer(() => new Promise((resolve) => (grant = () => resolve(GRANTED))));
    const first = ask(1);
    await expect.poll(() => server.requests.length).toBe(1);
    expect(await ask(1)).toEqual({ status: 'wait', retryInMs: 1_000 });
    grant?.();
    expect(await first).toMatchObject({ status: 'code', code: oathtoolCode(secret, now) });
    expect(await ask(1)).toMatchObject({ status: 'code', code: oathtoolCode(secret, now) });
    expect(server.requests).toHaveLength(1);
  });

  it('while the lease is being asked for, the same tab asking again gets no code and is told to look again shortly', async () => {
    server.answer(() => 'hang');
    const first = ask(1);
    await expect.poll(() => server.requests.length).toBe(1);
    expect(await ask(1)).toEqual({ status: 'wait', retryInMs: 1_000 });
    // The hanging request times out (5 s) as unavailable: nothing is handed out for it either.
    expect(await first).toMatchObject({ status: 'wait' });
    expect(await ask(1)).toMatchObject({ status: 'wait' });
  });
});

describe("in a person's browser (no lease endpoint)", () => {
  it('asks nobody and hands the code out', async () => {
    const server = await startLeaseServer(() => LEASE_UNAVAILABLE);
    try {
      expect(await ask(1)).toMatchObject({ status: 'code', code: oathtoolCode(secret, now) });
      expect(server.requests).toEqual([]);
      expect(await getTabStatus(1)).toBeNull();
    } finally {
      await server.close();
    }
  });
});

// The QA helper sees a wait only through a lease it refused or through the tab's status: a wait
// the ledger or the clock decides in the browser is said as 'waiting-next-period'.
describe('a wait for the next period that asks for no lease is the tab’s status', () => {
  it('a code this browser spent: code-used, until the next period, once per wait; the fill replaces it', async () => {
    await ask(1);
    await spent(1);
    const until = nextPeriodStart();
    expect(await ask(2)).toEqual({ status: 'wait', retryInMs: until - now + 50 });
    expect(await getTabStatus(2)).toEqual({
      state: 'waiting-next-period',
      account: NAME,
      until,
      reason: 'code-used',
      at: now,
    });
    now += 5_000; // the page asks again within the period (a re-rendered prompt)
    expect(await ask(2)).toMatchObject({ status: 'wait' });
    expect(await historyOf(2)).toEqual(['waiting-next-period']);
    now = until + 50;
    expect(await ask(2)).toMatchObject({ status: 'code', code: oathtoolCode(secret, now) });
    await filled(2);
    expect(await getTabStatus(2)).toMatchObject({ state: 'filled', account: NAME });
    expect(await historyOf(2)).toEqual(['waiting-next-period', 'filled']);
  });

  it('not for the retry after a refused code: its tab already says it waits for the next period', async () => {
    await ask(1);
    await routeMessage({ type: 'content:report', event: { kind: 'wrong-code', retrying: true } }, tab(1), self, ctx);
    expect(await ask(1, true)).toMatchObject({ status: 'wait' });
    expect(await historyOf(1)).toEqual(['wrong-code']);
  });

  it('a code handed to another tab and not yet submitted: code-used', async () => {
    await ask(1);
    await ask(2);
    expect(await getTabStatus(2)).toMatchObject({ state: 'waiting-next-period', reason: 'code-used' });
    expect(await getTabStatus(1)).toBeNull();
  });

  it('a wait that runs into a second period is said again, with the new end', async () => {
    await ask(1);
    await ask(2);
    now += 30_000;
    await ask(1); // the next period's code goes to tab 1 again
    await ask(2);
    expect(await getTabStatus(2)).toMatchObject({ state: 'waiting-next-period', until: nextPeriodStart() });
    expect(await historyOf(2)).toEqual(['waiting-next-period', 'waiting-next-period']);
  });

  it('a code with under 3 s left: too-late, until the next period', async () => {
    now = 1_700_000_038_500; // 1.5 s left in the period
    const until = nextPeriodStart();
    expect(await ask(1)).toEqual({ status: 'wait', retryInMs: until - now + 50 });
    expect(await getTabStatus(1)).toEqual({
      state: 'waiting-next-period',
      account: NAME,
      until,
      reason: 'too-late',
      at: now,
    });
  });

  it('a page that asks for its own unsubmitted code again with under 3 s left: too-late', async () => {
    await ask(1);
    now += 28_500; // 1.5 s left in the period
    expect(await ask(1)).toMatchObject({ status: 'wait' });
    expect(await getTabStatus(1)).toMatchObject({ state: 'waiting-next-period', reason: 'too-late' });
  });

  describe('in a browser the QA helper launched', () => {
    let server: TestLeaseServer;
    beforeEach(async () => {
      server = await startLeaseServer();
      await codeLeaseEndpointItem.setValue(server.endpoint);
    });
    afterEach(() => server.close());

    it('a lease the helper refused is not said again (the helper knows who holds it), nor is a pending one', async () => {
      server.answer(() => REFUSED_LEASE);
      expect(await ask(1)).toMatchObject({ status: 'wait' });
      expect(await ask(1)).toMatchObject({ status: 'wait' });
      expect(await ask(2)).toMatchObject({ status: 'wait' });
      expect(await getTabStatus(1)).toBeNull();
      expect(await getTabStatus(2)).toBeNull();
      now += 30_000;
      server.answer(() => 'hang');
      const first = ask(1);
      await expect.poll(() => server.requests.length).toBe(2);
      expect(await ask(1)).toEqual({ status: 'wait', retryInMs: 1_000 });
      expect(await getTabStatus(1)).toBeNull();
      await first;
    });

    it('a code this browser spent asks for no lease, and the tab says why it waits', async () => {
      await ask(1);
      await spent(1);
      expect(await ask(2)).toMatchObject({ status: 'wait' });
      expect(server.requests).toHaveLength(1);
      expect(await getTabStatus(2)).toMatchObject({ state: 'waiting-next-period', reason: 'code-used' });
    });
  });
});
