/**
 * The part of the extension's message protocol (lib/messages.ts in the extension's sources) that
 * the helper speaks, written out here so the package builds and ships on its own.
 * tests/unit/extension-protocol.test.ts fails to compile when the two drift apart.
 */

export type SubmitOverride = 'default' | 'always' | 'never';

/** Why a screen was left alone: a code, worded by whoever shows it. */
export type NotFilledReason =
  | 'sms'
  | 'email'
  | 'unknown-method'
  | 'disagree'
  | 'digits'
  | 'several-fields'
  | 'no-visible-field'
  | 'no-code-method'
  | 'switch-off';

/** The screen a sign-in stopped on: its title, `$Config.pgid`, and the AADSTS code shown (digits). */
export interface ScreenSummary {
  title: string | null;
  pgid: string | null;
  aadsts: string | null;
}

/**
 * What happened on a tab's sign-in page (the background's tab status). 'stopped' ends the
 * sign-in: `blocked` for throttling, lockout and error pages (at once), else a screen the
 * extension does not know that held the sign-in for a few seconds.
 */
export type TabStatus =
  | { state: 'filled'; account: string; submitted: boolean; at: number }
  | { state: 'waiting-unlock'; at: number }
  | { state: 'no-match'; pageAccount: string | null; at: number }
  | { state: 'not-totp'; reason: NotFilledReason; pageDigits?: number; accountDigits?: number; at: number }
  | { state: 'wrong-code'; account: string; retrying: boolean; at: number }
  | { state: 'disabled'; at: number }
  /** The helper's lease on the account's code could not be had: no code was handed out. */
  | { state: 'lease-unavailable'; account: string; at: number }
  /**
   * The prompt waits for the next period, starting at `until`, though no lease was refused: the
   * code for this period was used in this browser already (`code-used`), or had under 3 s left
   * (`too-late`).
   */
  | { state: 'waiting-next-period'; account: string; until: number; reason: 'code-used' | 'too-late'; at: number }
  | ({ state: 'stopped'; blocked: boolean; at: number } & ScreenSummary);

/** One entry of the background's status history, oldest first. */
export interface TabStatusEvent {
  seq: number;
  tabId: number;
  status: TabStatus;
}

/** A file's bytes (base64), pasted text, or a QR code's decoded text. */
export type ImportContent = { base64: string } | { text: string } | { qr: string };

export interface HelperSettings {
  autofill: boolean;
  submitAfterFill: boolean;
  autoLockMinutes: number;
  lockWhenIdle: boolean;
  staySignedIn: 'ask' | 'yes' | 'no';
  rememberDevice: boolean;
}
