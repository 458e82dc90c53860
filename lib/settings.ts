/** User settings: not secret, kept in plain storage.local beside the vault record. */
export interface Settings {
  autofill: boolean;
  submitAfterFill: boolean;
  /** Minutes of inactivity before the vault locks; 0 = only when the browser closes. */
  autoLockMinutes: number;
  lockWhenIdle: boolean;
  /** Seconds after copying before the clipboard is cleared; 0 = never. */
  clipboardClearSeconds: number;
  /** Answer "Stay signed in?" automatically. */
  staySignedIn: 'ask' | 'yes' | 'no';
  /** Tick "Don't ask again for N days" on the code page. */
  rememberDevice: boolean;
  /**
   * "Use a code instead of approving on the phone": on a push ("Approve sign in request") or
   * passkey ("Choose a way to sign in") screen, switch to the app code when the account has one.
   */
  codeInsteadOfPush: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  autofill: true,
  submitAfterFill: false,
  autoLockMinutes: 60,
  lockWhenIdle: false,
  clipboardClearSeconds: 30,
  staySignedIn: 'ask',
  rememberDevice: false,
  codeInsteadOfPush: true,
};

export const AUTO_LOCK_CHOICES = [5, 15, 60, 240, 0] as const;
export const CLIPBOARD_CLEAR_CHOICES = [0, 15, 30, 60, 120] as const;

/** Merges stored (possibly older, partial) settings with changes, dropping anything out of range. */
export function mergeSettings(stored: Partial<Settings> | undefined, changes: Partial<Settings> = {}): Settings {
  const merged = { ...DEFAULT_SETTINGS, ...stored, ...changes };
  const pick = <K extends keyof Settings>(key: K, valid: (v: Settings[K]) => boolean): Settings[K] =>
    valid(merged[key]) ? merged[key] : DEFAULT_SETTINGS[key];
  return {
    autofill: pick('autofill', (v) => typeof v === 'boolean'),
    submitAfterFill: pick('submitAfterFill', (v) => typeof v === 'boolean'),
    autoLockMinutes: pick('autoLockMinutes', (v) => (AUTO_LOCK_CHOICES as readonly number[]).includes(v)),
    lockWhenIdle: pick('lockWhenIdle', (v) => typeof v === 'boolean'),
    clipboardClearSeconds: pick('clipboardClearSeconds', (v) =>
      (CLIPBOARD_CLEAR_CHOICES as readonly number[]).includes(v),
    ),
    staySignedIn: pick('staySignedIn', (v) => v === 'ask' || v === 'yes' || v === 'no'),
    rememberDevice: pick('rememberDevice', (v) => typeof v === 'boolean'),
    codeInsteadOfPush: pick('codeInsteadOfPush', (v) => typeof v === 'boolean'),
  };
}
