/**
 * User settings. They change what is filled, submitted and how long the vault stays open, so
 * they live inside the authenticated, encrypted vault record (VaultContents.settings), never in
 * plain storage: a write by anything but the background is detected, not obeyed (docs/SECURITY.md).
 *
 * One line per setting: its default and the values it may take.
 */
const flag = (fallback: boolean) => ({ fallback, valid: (v: unknown): v is boolean => typeof v === 'boolean' });
const choice = <const T extends readonly string[]>(values: T, fallback: T[number]) => ({
  fallback,
  valid: (v: unknown): v is T[number] => values.includes(v as T[number]),
});
/** A number from a list (the pages offer exactly these). */
const count = (values: readonly number[], fallback: number) => ({
  fallback,
  valid: (v: unknown): v is number => values.includes(v as number),
});

export const AUTO_LOCK_CHOICES = [5, 15, 60, 240, 0] as const;
export const CLIPBOARD_CLEAR_CHOICES = [0, 15, 30, 60, 120] as const;

const SETTINGS = {
  autofill: flag(true),
  submitAfterFill: flag(false),
  /** Minutes of inactivity before the vault locks; 0 = only when the browser closes. */
  autoLockMinutes: count(AUTO_LOCK_CHOICES, 60),
  lockWhenIdle: flag(false),
  /** Seconds after copying before the clipboard is cleared; 0 = never. */
  clipboardClearSeconds: count(CLIPBOARD_CLEAR_CHOICES, 30),
  /** Answer "Stay signed in?" automatically. */
  staySignedIn: choice(['ask', 'yes', 'no'] as const, 'ask'),
  /** Tick "Don't ask again for N days" on the code page. */
  rememberDevice: flag(false),
  /**
   * "Use a code instead of approving on the phone": on a push ("Approve sign in request") or
   * passkey ("Choose a way to sign in") screen, switch to the app code when the account has one.
   */
  codeInsteadOfPush: flag(true),
};

type Rule<T> = { fallback: T; valid: (v: unknown) => v is T };
export type Settings = {
  -readonly [K in keyof typeof SETTINGS]: (typeof SETTINGS)[K] extends Rule<infer T> ? T : never;
};

export const DEFAULT_SETTINGS = Object.fromEntries(
  Object.entries(SETTINGS).map(([key, rule]) => [key, rule.fallback]),
) as Settings;

/** Merges stored (possibly older, partial) settings with changes, dropping anything out of range. */
export function mergeSettings(stored: Partial<Settings> | undefined, changes: Partial<Settings> = {}): Settings {
  const merged: Record<string, unknown> = { ...stored, ...changes };
  return Object.fromEntries(
    Object.entries(SETTINGS).map(([key, rule]) => [
      key,
      (rule as Rule<unknown>).valid(merged[key]) ? merged[key] : rule.fallback,
    ]),
  ) as Settings;
}
