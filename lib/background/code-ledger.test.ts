import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { oathtoolCode, randomSecret } from '../../tests/support/oathtool';
import type { BackgroundContext } from './context';
import {
  TEST_PASSPHRASE as PASSPHRASE,
  POPUP_SENDER as POPUP,
  SELF as self,
  signinTabSender as tab,
  testContext,
} from './context.testing';
import { routeMessage } from './router';

// A code is spent when submitted, not when filled (GitHub issue "From whatever screen…", item 4).

const NAME = 'qa.user@contoso.onmicrosoft.com';
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
