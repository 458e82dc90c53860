import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { oathtoolCode, randomSecret } from '../../tests/support/oathtool';
import type { ContentCommand, FillEvent } from '../messages';
import { FILL_COMMAND_WINDOW_MS, fillCodeInTab } from './commands';
import type { BackgroundContext } from './context';
import {
  TEST_PASSPHRASE as PASSPHRASE,
  POPUP_SENDER as POPUP,
  SELF as self,
  signinTabSender as tab,
  testContext,
} from './context.testing';
import { routeMessage } from './router';
import { getTabStatus } from './tab-status';

const NAME = 'qa.user@contoso.onmicrosoft.com';
const OTHER = 'megan.bowen@contoso.onmicrosoft.com';
const SIGNIN_URL = 'https://login.microsoftonline.com/common/SAS/ProcessAuth';
let now = 1_700_000_010_000;
let secret = '';
let ctx: BackgroundContext;
let told: [number, ContentCommand][];

beforeEach(async () => {
  fakeBrowser.reset();
  now = 1_700_000_010_000;
  secret = randomSecret();
  told = [];
  ctx = testContext(() => now, { notifyTab: async (id, command) => void told.push([id, command]) });
  await routeMessage({ type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE }, POPUP, self, ctx);
  for (const [name, key] of [
    [NAME, secret],
    [OTHER, randomSecret()],
  ]) {
    await routeMessage({ type: 'accounts:add', input: { name, secret: key } }, POPUP, self, ctx);
  }
});

const askCode = (tabId: number, manual: boolean, pageAccount: string | null = NAME) =>
  routeMessage({ type: 'content:code', pageAccount, retry: false, manual }, tab(tabId), self, ctx);
const askAccount = (tabId: number, pageAccount: string | null) =>
  routeMessage({ type: 'content:has-account', pageAccount, purpose: 'chooser' }, tab(tabId), self, ctx);
/** What a page may send: a fill event, and whatever else a compromised page adds to it. */
type PageReport = FillEvent & Record<string, unknown>;
const report = (tabId: number, event: PageReport) =>
  routeMessage({ type: 'content:report', event }, tab(tabId), self, ctx);
const autofill = (on: boolean) => routeMessage({ type: 'settings:set', changes: { autofill: on } }, POPUP, self, ctx);

describe('the keyboard command is the background’s, not the page’s (automatic filling off)', () => {
  beforeEach(() => autofill(false));

  it('a "manual" flag the content script sends on its own gets no code', async () => {
    expect(await askCode(1, true)).toEqual({ status: 'disabled' });
    expect(await getTabStatus(1)).toMatchObject({ state: 'disabled' });
  });

  it('a code once the background itself saw the command for that tab', async () => {
    expect(await fillCodeInTab(ctx, { id: 1, url: SIGNIN_URL })).toBe(true);
    expect(told).toEqual([[1, { type: 'bg:fill-now' }]]);
    expect(await askCode(1, true)).toEqual({
      status: 'code',
      code: oathtoolCode(secret, now),
      digits: 6,
      submit: false,
      rememberDevice: false,
    });
  });

  it('the command for one tab is not a command for another', async () => {
    await fillCodeInTab(ctx, { id: 1, url: SIGNIN_URL });
    expect(await askCode(2, true)).toEqual({ status: 'disabled' });
  });

  it('the command counts for a few seconds only', async () => {
    await fillCodeInTab(ctx, { id: 1, url: SIGNIN_URL });
    now += FILL_COMMAND_WINDOW_MS + 1;
    expect(await askCode(1, true)).toEqual({ status: 'disabled' });
  });

  it('a request without the flag is not a command, even right after one', async () => {
    await fillCodeInTab(ctx, { id: 1, url: SIGNIN_URL });
    expect(await askCode(1, false)).toEqual({ status: 'disabled' });
  });

  it('the command carries over the wait for a code with more life left', async () => {
    now = 1_700_000_038_500; // 1.5 s left in the period: too little
    await fillCodeInTab(ctx, { id: 1, url: SIGNIN_URL });
    const waiting = (await askCode(1, true)) as { status: string; retryInMs: number };
    expect(waiting).toEqual({ status: 'wait', retryInMs: 1_550 });
    now += waiting.retryInMs + FILL_COMMAND_WINDOW_MS - 1;
    expect(await askCode(1, true)).toMatchObject({ status: 'code', code: oathtoolCode(secret, now) });
  });
});

describe('the filled account is the one the background handed the code for', () => {
  it('whatever account a compromised page adds to its report', async () => {
    await askCode(1, false);
    await report(1, { kind: 'filled', account: OTHER, submitted: true });
    expect(await getTabStatus(1)).toEqual({ state: 'filled', account: NAME, submitted: true, at: now });
    await report(1, { kind: 'wrong-code', account: 'attacker@fabrikam.onmicrosoft.com', retrying: true });
    expect(await getTabStatus(1)).toEqual({ state: 'wrong-code', account: NAME, retrying: true, at: now });
  });

  it('a tab that was handed no code cannot report a fill', async () => {
    await askCode(1, false);
    await report(2, { kind: 'filled', submitted: false });
    expect(await getTabStatus(2)).toBeNull();
  });

  it('a tab handed codes for two accounts in turn names the latest', async () => {
    await askCode(1, false, NAME);
    await askCode(1, false, OTHER);
    await report(1, { kind: 'filled', submitted: false });
    expect(await getTabStatus(1)).toMatchObject({ state: 'filled', account: OTHER });
  });
});

describe('one lookup of the page’s account for both questions', () => {
  it.each([
    ['an account the vault has', NAME, { status: 'code' }, { status: 'yes' }],
    ['an account it has not', 'nobody@contoso.com', { status: 'no-match' }, { status: 'no' }],
    ['no account named (the vault has several)', null, { status: 'no-match' }, { status: 'no' }],
  ])('%s: the same answer and status', async (_, pageAccount, code, account) => {
    expect(await askAccount(1, pageAccount)).toEqual(account);
    const status = await getTabStatus(1);
    expect(await askCode(2, false, pageAccount)).toMatchObject(code);
    if (code.status === 'no-match') expect(await getTabStatus(2)).toEqual(status);
  });

  it('both wait for the unlock while the vault is locked', async () => {
    await routeMessage({ type: 'vault:lock' }, POPUP, self, ctx);
    expect(await askAccount(1, NAME)).toEqual({ status: 'locked' });
    expect(await askCode(2, false)).toEqual({ status: 'locked' });
    expect(await getTabStatus(1)).toEqual({ state: 'waiting-unlock', at: now });
    expect(await getTabStatus(2)).toEqual({ state: 'waiting-unlock', at: now });
  });

  it('both answer "disabled" with automatic filling off', async () => {
    await autofill(false);
    expect(await askAccount(1, NAME)).toEqual({ status: 'disabled' });
    expect(await askCode(2, false)).toEqual({ status: 'disabled' });
  });
});
