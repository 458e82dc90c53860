/**
 * Background → extension pages: what happened on a tab's sign-in page, as the content script's
 * reports (content.ts) left it.
 */
import type { ScreenSummary } from '../signin/screen-summary';
import type { NotFilledReason } from './content';

/** Why a code prompt waits for the next TOTP period instead of being handed the current code. */
export type NextPeriodReason = 'code-used' | 'too-late';

/** What happened on a tab's sign-in page, for the popup. */
export type TabStatus =
  | { state: 'filled'; account: string; submitted: boolean; at: number }
  | { state: 'waiting-unlock'; at: number }
  | { state: 'no-match'; pageAccount: string | null; at: number }
  | { state: 'not-totp'; reason: NotFilledReason; pageDigits?: number; accountDigits?: number; at: number }
  | { state: 'wrong-code'; account: string; retrying: boolean; at: number }
  | { state: 'disabled'; at: number }
  /**
   * In a browser the QA helper launched: the lease on `account`'s code could not be had (the
   * helper or its coordination service did not answer, or answered an error), so no code was
   * handed out. The page asks again at the next period.
   */
  | { state: 'lease-unavailable'; account: string; at: number }
  /**
   * A code prompt for `account` is waiting for the next TOTP period, which starts at `until`
   * (ms since the epoch): its code for this period was spent or handed to another tab in this
   * browser (`code-used`; Microsoft refuses a code twice), or had less than MIN_CODE_LIFE_MS left
   * (`too-late`; content-handlers.ts). The page asks again then; a fill replaces this status.
   * Not set while a lease is asked for, or when the QA helper refused one (its helper knows why).
   */
  | { state: 'waiting-next-period'; account: string; until: number; reason: NextPeriodReason; at: number }
  /**
   * The sign-in stopped on a screen the extension cannot complete: `blocked` for throttling,
   * lockout and error pages (reported at once), else a screen it does not know that held the
   * sign-in for more than a few seconds. Badge "!".
   */
  | ({ state: 'stopped'; blocked: boolean; at: number } & ScreenSummary);

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
