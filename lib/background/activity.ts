import type { BackgroundContext } from './context';
import { lastActivityItem } from './storage';

/** Records use of the unlocked vault and pushes the auto-lock deadline back. */
export async function recordActivity(ctx: BackgroundContext): Promise<void> {
  const now = ctx.now();
  await lastActivityItem.setValue(now);
  const settings = await ctx.vault.settings();
  if (!settings.ok) return; // locked (or no vault): nothing to lock later
  const { autoLockMinutes } = settings.value;
  await ctx.scheduleAutoLock(autoLockMinutes > 0 ? now + autoLockMinutes * 60_000 : null);
}

/** Called by the alarm: locks when the inactivity delay has really passed (the alarm may be late or stale). */
export async function lockIfIdle(ctx: BackgroundContext): Promise<boolean> {
  const settings = await ctx.vault.settings();
  if (!settings.ok) return false; // already locked
  const { autoLockMinutes } = settings.value;
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
  const settings = await ctx.vault.settings();
  if (!settings.ok || !settings.value.lockWhenIdle) return false;
  await ctx.vault.lock();
  await ctx.scheduleAutoLock(null);
  return true;
}
