/**
 * The typed message protocol, split by trust level (docs/ARCHITECTURE.md, 'Messages and who may
 * send them'). Extension pages (popup, options) may ask for anything in PageRequest; a content
 * script on a sign-in page may only send ContentRequest, and never receives a secret or the account
 * list.
 */
import type { AccountTableReplies, AccountTableRequest } from './protocol/account-table';
import type { AccountReplies, AccountRequest } from './protocol/accounts';
import type { ImportExportReplies, ImportExportRequest } from './protocol/import-export';
import type { SettingsReplies, SettingsRequest } from './protocol/settings';
import type { VaultReplies, VaultRequest } from './protocol/vault';

export type { AccountCodes } from './protocol/account-table';
export type { AccountChanges, AccountView } from './protocol/accounts';
export { NEXT_CODE_WINDOW_MS } from './protocol/accounts';
export type { Failure, Ok, Reply } from './protocol/common';
export type { ExportedFile, ImportContent, PlainExportKind } from './protocol/import-export';
export type { VaultState } from './protocol/vault';

import type { Digits } from './totp';

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

/** A screen the sign-in stopped on (lib/signin/screen-summary.ts). */
export interface StoppedScreen {
  title: string | null;
  /** `$Config.pgid`, when the page has one. */
  pgid: string | null;
  /** The AADSTS code shown, digits only. */
  aadsts: string | null;
}

export type FillEvent =
  | { kind: 'filled'; account: string; submitted: boolean }
  | { kind: 'wrong-code'; account: string; retrying: boolean }
  | { kind: 'not-totp'; reason: NotFilledReason; pageDigits?: number; accountDigits?: number }
  /** Throttling, lockout, or a screen the extension does not know holding the sign-in. */
  | { kind: 'stopped'; screen: StoppedScreen; blocked: boolean };

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
  | { type: 'content:kmsi' };

export type KmsiResponse = { status: 'answer'; answer: 'ask' | 'yes' | 'no' } | { status: 'refused' };

export type CodeResponse =
  | {
      status: 'code';
      code: string;
      /** Expected code length, so the page's maxlength can be checked. */
      digits: Digits;
      account: string;
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

// ---------- background → content script ----------

/** Background → Chrome's offscreen document: empty the clipboard after `delayMs`. */
export type ClearClipboardCommand = { type: 'offscreen:clear-clipboard'; delayMs: number };

export function isClearClipboardCommand(message: unknown): message is ClearClipboardCommand {
  const m = message as ClearClipboardCommand;
  return typeof m === 'object' && m !== null && m.type === 'offscreen:clear-clipboard' && Number.isFinite(m.delayMs);
}

export type ContentCommand =
  /** The vault was just unlocked: a prompt that was waiting may ask again. */
  | { type: 'bg:vault-unlocked' }
  /** The keyboard command "Fill verification code" (works with automatic filling off). */
  | { type: 'bg:fill-now' };

// ---------- extension pages → background (trusted) ----------
// One file per area under protocol/, each request described by a validator the background runs
// (background/page-handlers.ts) and its type derived from it.

/** What happened on a tab's sign-in page, for the popup. */
export type TabStatus =
  | { state: 'filled'; account: string; submitted: boolean; at: number }
  | { state: 'waiting-unlock'; at: number }
  | { state: 'no-match'; pageAccount: string | null; at: number }
  | { state: 'not-totp'; reason: NotFilledReason; pageDigits?: number; accountDigits?: number; at: number }
  | { state: 'wrong-code'; account: string; retrying: boolean; at: number }
  | { state: 'disabled'; at: number }
  /**
   * The sign-in stopped on a screen the extension cannot complete: `blocked` for throttling,
   * lockout and error pages (reported at once), else a screen it does not know that held the
   * sign-in for more than a few seconds. Badge "!".
   */
  | ({ state: 'stopped'; blocked: boolean; at: number } & StoppedScreen);

/**
 * One entry of the background's recent status history, oldest first. A tab's status is
 * replaced by the next one and forgotten when the tab navigates; the history keeps every
 * change, for QA automation (packages/playwright) that must report each prompt after the fact.
 */
export interface TabStatusEvent {
  /** Increases by one per entry, across service-worker restarts. */
  seq: number;
  tabId: number;
  status: TabStatus;
}

export type PageRequest = VaultRequest | AccountRequest | AccountTableRequest | SettingsRequest | ImportExportRequest;

export interface PageReplies
  extends VaultReplies,
    AccountReplies,
    AccountTableReplies,
    SettingsReplies,
    ImportExportReplies {}

export function isContentRequest(message: unknown): message is ContentRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { type?: unknown }).type === 'string' &&
    (message as { type: string }).type.startsWith('content:')
  );
}
