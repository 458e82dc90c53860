import { mergeSettings } from '../settings';
import type { BackgroundContext } from './context';
import { lastActivityItem, settingsItem } from './storage';

/** Records use of the unlocked vault and pushes the auto-lock deadline back. */
export async function recordActivity(ctx: BackgroundContext): Promise<void> {
  const now = ctx.now();
  await lastActivityItem.setValue(now);
  const { autoLockMinutes } = mergeSettings(await settingsItem.getValue());
  await ctx.scheduleAutoLock(autoLockMinutes > 0 ? now + autoLockMinutes * 60_000 : null);
}

/** Called by the alarm: locks when the inactivity delay has really passed (the alarm may be late or stale). */
export async function lockIfIdle(ctx: BackgroundContext): Promise<boolean> {
  const { autoLockMinutes } = mergeSettings(await settingsItem.getValue());
  if (autoLockMinutes === 0) return false;
  const last = await lastActivityItem.getValue();
  if (ctx.now() - last < autoLockMinutes * 60_000 - 1000) {
    await ctx.scheduleAutoLock(last + autoLockMinutes * 60_000);
    return false;
  }
  await ctx.vault.lock();
  return true;
}

/** The idle API's 'locked' is the computer's screen lock; lock the vault too when the user asked for it. */
export async function lockOnScreenLock(ctx: BackgroundContext, idleState: string): Promise<boolean> {
  if (idleState !== 'locked') return false;
  if (!mergeSettings(await settingsItem.getValue()).lockWhenIdle) return false;
  await ctx.vault.lock();
  await ctx.scheduleAutoLock(null);
  return true;
}
