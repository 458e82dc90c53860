import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { oathtoolCode, randomSecret } from '../../tests/support/oathtool';
import { MIN_PBKDF2_ITERATIONS } from '../crypto';
import type { BackgroundContext } from './context';
import {
  TEST_EXTENSION_ID as ID,
  TEST_PASSPHRASE as PASSPHRASE,
  POPUP_SENDER as POPUP,
  SELF as self,
  signinTabSender,
  testContext,
} from './context.testing';
import { MALFORMED } from './page-handlers';
import { REFUSED, routeMessage } from './router';
import type { SenderInfo } from './sender';
import { VaultSession } from './vault-session';

const SIGNIN_TAB = signinTabSender(3);
const NAME = 'qa.user@contoso.onmicrosoft.com';

const FORGED_PAGE_SENDERS: [string, SenderInfo][] = [
  ['another extension', { ...POPUP, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }],
  ['https://evil.com', { id: ID, url: 'https://evil.com/', frameId: 0, tab: { id: 3 } }],
  ['a look-alike extension host', { id: ID, url: `chrome-extension://${ID}.evil.com/popup.html` }],
  ['our own content script', SIGNIN_TAB],
  ['file:', { id: ID, url: 'file:///popup.html' }],
  ['data:', { id: ID, url: 'data:text/html,x' }],
];

const FORGED_CONTENT_SENDERS: [string, SenderInfo][] = [
  ['another extension', { ...SIGNIN_TAB, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }],
  ['https://evil.com', { ...SIGNIN_TAB, url: 'https://evil.com/common/login' }],
  ['a look-alike host', { ...SIGNIN_TAB, url: 'https://login.microsoftonline.com.example.net/' }],
  ['http', { ...SIGNIN_TAB, url: 'http://login.microsoftonline.com/' }],
  ['a frame (frameId 5)', { ...SIGNIN_TAB, frameId: 5 }],
  ['file:', { ...SIGNIN_TAB, url: 'file:///x' }],
  ['data:', { ...SIGNIN_TAB, url: 'data:text/html,x' }],
];

let ctx: BackgroundContext;
let now = 1_700_000_010_000;
beforeEach(() => {
  fakeBrowser.reset();
  now = 1_700_000_010_000; // 10 s into a 30 s period: the code has life left
  ctx = testContext(() => now);
});

const send = (message: unknown, sender: SenderInfo) => routeMessage(message, sender, self, ctx);

async function vaultWithAccount(secret: string) {
  await send({ type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE }, POPUP);
  return send({ type: 'accounts:add', input: { name: NAME, secret } }, POPUP);
}

describe('routeMessage', () => {
  it.each(FORGED_PAGE_SENDERS)('refuses page requests from %s and changes nothing', async (_, sender) => {
    expect(await send({ type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE }, sender)).toEqual(
      REFUSED,
    );
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it.each(FORGED_PAGE_SENDERS)('refuses to reveal a secret to %s', async (_, sender) => {
    await vaultWithAccount(randomSecret());
    expect(await send({ type: 'accounts:reveal-secret', id: 'id-1' }, sender)).toEqual(REFUSED);
    expect(await send({ type: 'accounts:list' }, sender)).toEqual(REFUSED);
  });

  it.each(FORGED_CONTENT_SENDERS)('refuses content requests from %s', async (_, sender) => {
    await vaultWithAccount(randomSecret());
    expect(await send({ type: 'content:code', pageAccount: NAME, retry: false, manual: false }, sender)).toEqual({
      status: 'refused',
    });
  });

  it.each<[string, SenderInfo]>([
    ...FORGED_CONTENT_SENDERS,
    ['the device-code page', { ...SIGNIN_TAB, url: 'https://login.microsoftonline.com/common/oauth2/deviceauth' }],
    ['a sender without a tab', { ...SIGNIN_TAB, tab: undefined }],
  ])('runs no content script runner for %s', async (_, sender) => {
    const started: number[] = [];
    ctx = testContext(() => now, { startRunner: async (tabId) => started.push(tabId) > 0 });
    expect(await send({ type: 'content:start-runner' }, sender)).toEqual({ status: 'refused' });
    expect(started).toEqual([]);
  });

  it.each([
    [true, 'started'],
    [false, 'failed'],
  ])('runs the runner in the sending tab only (it ran: %s)', async (ran, status) => {
    const started: number[] = [];
    ctx = testContext(() => now, { startRunner: async (tabId) => started.push(tabId) > 0 && ran });
    expect(await send({ type: 'content:start-runner' }, SIGNIN_TAB)).toEqual({ status });
    expect(started).toEqual([3]);
  });

  it('answers the sign-in page with the code for its account, and nothing more', async () => {
    const secret = randomSecret();
    await vaultWithAccount(secret);
    const reply = await send(
      { type: 'content:code', pageAccount: NAME.toUpperCase(), retry: false, manual: false },
      SIGNIN_TAB,
    );
    expect(reply).toEqual({
      status: 'code',
      code: oathtoolCode(secret, now),
      digits: 6,
      submit: false,
      rememberDevice: false,
    });
    expect(JSON.stringify(reply)).not.toContain(secret);
  });

  it('does not let a content script use page requests', async () => {
    await vaultWithAccount(randomSecret());
    expect(await send({ type: 'accounts:list' }, SIGNIN_TAB)).toEqual(REFUSED);
  });

  it.each([
    ['a passphrase that is not text', { type: 'vault:unlock', passphrase: 42 }],
    ['a missing confirmation', { type: 'vault:create', passphrase: PASSPHRASE }],
    [
      'an override outside default/always/never',
      { type: 'accounts:update', id: 'id-1', changes: { submitAfterFill: 'sometimes' } },
    ],
    ['account input that is not an object', { type: 'accounts:add', input: 'otpauth://totp/x?secret=AAAA' }],
    ['a tab id that is not a number', { type: 'tab:status', tabId: '3' }],
    [
      'an unknown conflict choice',
      { type: 'import:apply', content: { text: '' }, choices: { 0: 'merge' }, importValidOnly: false },
    ],
    ['an unknown export kind', { type: 'export:plain', kind: 'csv', vaultPassphrase: PASSPHRASE, acknowledged: true }],
  ])('answers a page request with %s as malformed, and changes nothing', async (_, message) => {
    await vaultWithAccount(randomSecret());
    const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(await send(message, POPUP)).toEqual(MALFORMED);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
  });

  it('checks the sender before the payload', async () => {
    expect(await send({ type: 'vault:unlock', passphrase: 42 }, SIGNIN_TAB)).toEqual(REFUSED);
  });

  it('refuses unknown messages', async () => {
    expect(await send({ type: 'debug:dump' }, POPUP)).toEqual(REFUSED);
    expect(await send('vault:state', POPUP)).toEqual(REFUSED);
    expect(await send({ type: 'vault:nonsense' }, POPUP)).toEqual(REFUSED);
    expect(await send({ type: 'toString' }, POPUP)).toEqual(REFUSED);
  });
});

describe('vault session storage', () => {
  it('keeps only the encrypted record in storage.local and the data key in storage.session', async () => {
    const secret = randomSecret();
    await vaultWithAccount(secret);
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(local).not.toContain(secret);
    expect(local).not.toContain(NAME);
    expect(local).not.toContain('contoso');
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toContain('dataKey');
  });

  it('a wrong passphrase leaves the stored record exactly as it was', async () => {
    await vaultWithAccount(randomSecret());
    await send({ type: 'vault:lock' }, POPUP);
    const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
    const reply = await send({ type: 'vault:unlock', passphrase: 'not the passphrase' }, POPUP);
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('does not unlock') });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
    expect(await send({ type: 'vault:state' }, POPUP)).toEqual({ ok: true, state: 'locked' });
  });

  it('a new worker (new session object) comes back unlocked from storage.session', async () => {
    const secret = randomSecret();
    await vaultWithAccount(secret);
    ctx = { ...ctx, vault: new VaultSession(MIN_PBKDF2_ITERATIONS) };
    const reply = await send({ type: 'accounts:list' }, POPUP);
    expect(reply).toMatchObject({ ok: true, accounts: [{ name: NAME, code: oathtoolCode(secret, now) }] });
  });

  it("after an import replaces an account's secret (same id), the list shows the new code at once", async () => {
    const old = randomSecret();
    await vaultWithAccount(old);
    expect(await send({ type: 'accounts:list' }, POPUP)).toMatchObject({
      accounts: [{ code: oathtoolCode(old, now) }],
    });
    const replacement = randomSecret();
    const content = { text: `otpauth://totp/${NAME}?secret=${replacement}` };
    const applied = await send(
      { type: 'import:apply', content, choices: { 0: 'replace' }, importValidOnly: false },
      POPUP,
    );
    expect(applied).toMatchObject({ ok: true, summary: { replaced: 1 } });
    expect(await send({ type: 'accounts:list' }, POPUP)).toMatchObject({
      accounts: [{ id: 'id-1', code: oathtoolCode(replacement, now) }],
    });
  });

  it('reports failures as codes with parameters, which the pages translate', async () => {
    await vaultWithAccount(randomSecret());
    const short = await send({ type: 'accounts:add', input: { name: 'x@contoso.com', secret: 'ABCDEFGH' } }, POPUP);
    expect(short).toMatchObject({
      ok: false,
      field: 'secret',
      problem: { code: 'secret-too-short', length: 8, min: 16 },
    });
    await send({ type: 'vault:lock' }, POPUP);
    expect(await send({ type: 'accounts:list' }, POPUP)).toMatchObject({ problem: { code: 'problemVaultLocked' } });
    expect(await send({ type: 'vault:unlock', passphrase: 'not it' }, POPUP)).toMatchObject({
      field: 'passphrase',
      problem: { code: 'problemWrongPassphrase', params: [] },
    });
  });

  it('refuses a duplicate account name', async () => {
    await vaultWithAccount(randomSecret());
    const reply = await send(
      { type: 'accounts:add', input: { name: ` ${NAME.toUpperCase()}`, secret: randomSecret() } },
      POPUP,
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('already in the vault') });
  });
});
