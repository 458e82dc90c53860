import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { oathtoolCode, randomSecret } from '../../tests/support/oathtool';
import { MIN_PBKDF2_ITERATIONS } from '../crypto';
import { createVault, type VaultRecord } from '../vault';
import type { BackgroundContext } from './context';
import {
  TEST_PASSPHRASE as PASSPHRASE,
  POPUP_SENDER as POPUP,
  SELF as self,
  signinTabSender,
  testContext,
} from './context.testing';
import { routeMessage } from './router';
import type { SenderInfo } from './sender';
import { vaultRecordItem } from './storage';

// Settings that change what is filled, submitted or how long the vault stays open live inside the
// authenticated vault record: a write to storage.local by anything but the background (a content
// script where the browser lets it write there) is ignored or detected, never obeyed.

const SIGNIN_TAB = signinTabSender(3);
const NAME = 'qa.user@contoso.onmicrosoft.com';
const NOW = 1_700_000_010_000;

let ctx: BackgroundContext;
let alarms: (number | null)[];
beforeEach(() => {
  fakeBrowser.reset();
  alarms = [];
  ctx = testContext(() => NOW, { scheduleAutoLock: async (at) => void alarms.push(at) });
});

const send = (message: unknown, sender: SenderInfo = POPUP) => routeMessage(message, sender, self, ctx);
const askCode = () => send({ type: 'content:code', pageAccount: NAME, retry: false, manual: false }, SIGNIN_TAB);

async function vaultWithAccount(secret = randomSecret()) {
  await send({ type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  await send({ type: 'accounts:add', input: { name: NAME, secret } });
}

describe('settings in the vault record', () => {
  it('keeps no setting in plain storage.local', async () => {
    await vaultWithAccount();
    await send({ type: 'settings:set', changes: { submitAfterFill: true, autoLockMinutes: 5 } });
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['vault']);
    expect(await send({ type: 'settings:get' })).toMatchObject({
      ok: true,
      settings: { submitAfterFill: true, autoLockMinutes: 5 },
    });
  });

  it('ignores settings written to storage.local by anything else', async () => {
    await vaultWithAccount();
    // What a content script could write where storage.local is open to it (Firefox).
    await fakeBrowser.storage.local.set({
      settings: { autofill: true, submitAfterFill: true, rememberDevice: true, autoLockMinutes: 0 },
    });
    expect(await askCode()).toMatchObject({ status: 'code', submit: false, rememberDevice: false });
    await send({ type: 'vault:unlock', passphrase: PASSPHRASE });
    expect(alarms.at(-1)).toBe(NOW + 60 * 60_000);
  });

  it('detects a tampered vault record and hands out nothing', async () => {
    await vaultWithAccount();
    const record = (await vaultRecordItem.getValue()) as VaultRecord;
    // Contents sealed under another key, as a forger without the data key must: never accepted.
    const forged = await createVault(
      PASSPHRASE,
      { accounts: [], settings: { submitAfterFill: true } },
      MIN_PBKDF2_ITERATIONS,
    );
    await fakeBrowser.storage.local.set({ vault: { ...record, contents: forged.record.contents } });
    expect(await askCode()).not.toMatchObject({ status: 'code' });
    expect(await send({ type: 'settings:get' })).toMatchObject({ ok: false, problem: { code: 'problemVaultDamaged' } });
  });

  it('moves settings kept in plain storage.local by an earlier version into the vault, without loss', async () => {
    // An earlier version's vault: contents without settings, settings beside it in plain storage.
    const secret = randomSecret();
    const { record } = await createVault(
      PASSPHRASE,
      {
        accounts: [
          {
            id: 'old-1',
            name: NAME,
            issuer: '',
            notes: '',
            secret,
            digits: 6,
            period: 30,
            algorithm: 'SHA1',
            pinned: false,
            lastUsedAt: 0,
            submitAfterFill: 'default',
            createdAt: 1,
          },
        ],
      },
      MIN_PBKDF2_ITERATIONS,
    );
    await fakeBrowser.storage.local.set({
      vault: record,
      settings: { submitAfterFill: true, staySignedIn: 'no', clipboardClearSeconds: 60, autoLockMinutes: 'forever' },
    });
    expect(await send({ type: 'vault:unlock', passphrase: PASSPHRASE })).toEqual({ ok: true });
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['vault']);
    expect(await send({ type: 'settings:get' })).toMatchObject({
      settings: { submitAfterFill: true, staySignedIn: 'no', clipboardClearSeconds: 60, autoLockMinutes: 60 },
    });
    expect(await askCode()).toMatchObject({ status: 'code', code: oathtoolCode(secret, NOW), submit: true });
    // Still there after a lock and unlock, read from the vault alone.
    await send({ type: 'vault:lock' });
    await send({ type: 'vault:unlock', passphrase: PASSPHRASE });
    expect(await send({ type: 'settings:get' })).toMatchObject({ settings: { submitAfterFill: true } });
  });

  it('while locked, settings cannot be read or changed', async () => {
    await vaultWithAccount();
    await send({ type: 'vault:lock' });
    expect(await send({ type: 'settings:set', changes: { submitAfterFill: true } })).toMatchObject({
      ok: false,
      problem: { code: 'problemVaultLocked' },
    });
    await send({ type: 'vault:unlock', passphrase: PASSPHRASE });
    expect(await send({ type: 'settings:get' })).toMatchObject({ settings: { submitAfterFill: false } });
  });
});
