/**
 * The content script's protocol: what a script on a sign-in page may ask the background
 * (untrusted: a code or a status for one account, never a secret or the account list), what it
 * gets back, and what the background may tell it.
 */
import type { ScreenSummary } from '../signin/screen-summary';
import type { Digits } from '../totp';

// ---------- content script → background (untrusted) ----------

/**
 * Why a screen was left alone, as a code the popup translates (never a sentence: the popup is
 * in the user's language, and nothing matches text).
 */
export const NOT_FILLED_REASONS = [
  /** The code comes by text message or call. */
  'sms',
  'email',
  /** Nothing on the page says which method the code is from. */
  'unknown-method',
  /** The page's evidence disagrees about the method. */
  'disagree',
  /** The field's length is not the account's number of digits (`pageDigits`, `accountDigits`). */
  'digits',
  'several-fields',
  /** The prompt shows no code field a person could see (hidden, covered, faded). */
  'no-visible-field',
  /** A push or passkey screen, and the account has no app-code method to switch to. */
  'no-code-method',
  /** A push or passkey screen, and "Use a code instead of approving on the phone" is off. */
  'switch-off',
] as const;
export type NotFilledReason = (typeof NOT_FILLED_REASONS)[number];

/**
 * What the content script saw happen. A fill or a refused code names no account: the background
 * knows which account it handed this tab a code for, and a page could name any.
 */
export type FillEvent =
  | { kind: 'filled'; submitted: boolean }
  | { kind: 'wrong-code'; retrying: boolean }
  | { kind: 'not-totp'; reason: NotFilledReason; pageDigits?: number; accountDigits?: number }
  /** Throttling, lockout, or a screen the extension does not know holding the sign-in. */
  | { kind: 'stopped'; screen: ScreenSummary; blocked: boolean };

export type ContentRequest =
  /** "The code for the account this page is signing in." `retry` after the page rejected a code. */
  | { type: 'content:code'; pageAccount: string | null; retry: boolean; manual: boolean }
  | { type: 'content:report'; event: FillEvent }
  /**
   * The code filled in this tab was submitted (by us, the page's button, Enter, or the form):
   * it is spent and never handed out again.
   */
  | { type: 'content:spent' }
  /**
   * Whether the vault can answer for this page's account, before picking the code method: on
   * a chooser, or (`switch`) on a push or passkey screen, where the setting "Use a code instead
   * of approving on the phone" also has its say.
   */
  | { type: 'content:has-account'; pageAccount: string | null; purpose?: 'chooser' | 'switch' }
  /** How to answer "Stay signed in?" (setting: ask / yes / no). */
  | { type: 'content:kmsi' }
  /**
   * The content script's first stage: this page shows something the runner might act on, so run
   * the runner (the second stage) in this tab's top frame (docs/ARCHITECTURE.md, 'Content script').
   */
  | { type: 'content:start-runner' };

/** `started` once the runner runs in the tab's top frame; `failed` when it could not be run there. */
export type StartRunnerResponse = { status: 'started' } | { status: 'failed' } | { status: 'refused' };

export type KmsiResponse = { status: 'answer'; answer: 'ask' | 'yes' | 'no' } | { status: 'refused' };

export type CodeResponse =
  | {
      status: 'code';
      code: string;
      /** Expected code length, so the page's maxlength can be checked. */
      digits: Digits;
      submit: boolean;
      rememberDevice: boolean;
    }
  /** Too little life left on the current code (or it was already used): ask again after `retryInMs`. */
  | { status: 'wait'; retryInMs: number }
  | { status: 'locked' }
  | { status: 'no-vault' }
  | { status: 'no-match'; pageAccount: string | null }
  | { status: 'disabled' }
  | { status: 'refused' };

export type HasAccountResponse =
  | { status: 'yes' }
  | { status: 'no' }
  /** The account is there, but the setting says to leave push and passkey screens alone. */
  | { status: 'switch-off' }
  | { status: 'locked' }
  | { status: 'disabled' }
  | { status: 'refused' };

export function isContentRequest(message: unknown): message is ContentRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { type?: unknown }).type === 'string' &&
    (message as { type: string }).type.startsWith('content:')
  );
}

// ---------- background → content script ----------

export type ContentCommand =
  /** The vault was just unlocked: a prompt that was waiting may ask again. */
  | { type: 'bg:vault-unlocked' }
  /** The keyboard command "Fill verification code" (works with automatic filling off). */
  | { type: 'bg:fill-now' };
