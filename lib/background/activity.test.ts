import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MIN_PBKDF2_ITERATIONS } from '../crypto';
import { lockIfIdle, lockOnScreenLock, recordActivity } from './activity';
import type { BackgroundContext } from './context';
import { VaultSession } from './vault-session';

const PASSPHRASE = 'correct horse battery staple';
let now = 1_700_000_000_000;
let alarms: (number | null)[];
let ctx: BackgroundContext;

beforeEach(async () => {
  fakeBrowser.reset();
  now = 1_700_000_000_000;
  alarms = [];
  ctx = {
    vault: new VaultSession(MIN_PBKDF2_ITERATIONS),
    now: () => now,
    newId: () => 'id',
    setBadge: async () => undefined,
    notifyTab: async () => undefined,
    startRunner: async () => true,
    scheduleAutoLock: async (at) => void alarms.push(at),
    clearClipboardAfter: async () => undefined,
  };
  await ctx.vault.create(PASSPHRASE, PASSPHRASE);
});

describe('auto-lock after inactivity', () => {
  it.each([
    [5, 4, 'unlocked'],
    [5, 5, 'locked'],
    [60, 59, 'unlocked'],
    [60, 61, 'locked'],
    [240, 200, 'unlocked'],
    [0, 10_000, 'unlocked'], // "until the browser closes"
  ])('with a delay of %i minutes, %i idle minutes leave the vault %s', async (delay, idleMinutes, expected) => {
    await ctx.vault.changeSettings({ autoLockMinutes: delay });
    await recordActivity(ctx);
    expect(alarms.at(-1)).toBe(delay === 0 ? null : now + delay * 60_000);
    now += idleMinutes * 60_000;
    await lockIfIdle(ctx);
    expect(await ctx.vault.state()).toBe(expected);
  });

  it('defaults to 60 minutes', async () => {
    await recordActivity(ctx);
    expect(alarms.at(-1)).toBe(now + 60 * 60_000);
  });

  it('an alarm that fires early re-arms instead of locking', async () => {
    await ctx.vault.changeSettings({ autoLockMinutes: 15 });
    await recordActivity(ctx);
    now += 10 * 60_000;
    expect(await lockIfIdle(ctx)).toBe(false);
    expect(alarms.at(-1)).toBe(now + 5 * 60_000);
  });
});

describe('lock when the computer locks', () => {
  it.each([
    [true, 'locked', 'locked'],
    [true, 'idle', 'unlocked'],
    [true, 'active', 'unlocked'],
    [false, 'locked', 'unlocked'],
  ])('setting %s, idle state %s → vault %s', async (lockWhenIdle, idleState, expected) => {
    await ctx.vault.changeSettings({ lockWhenIdle });
    await lockOnScreenLock(ctx, idleState);
    expect(await ctx.vault.state()).toBe(expected);
  });
});
