/**
 * Waiting for a TOTP period or a free account is not the test being slow: the helper adds the time
 * it waits to the test's timeout (Playwright's testInfo.setTimeout, which moves the running
 * test's deadline), so a suite on the default 30 s timeout does not fail for waiting its turn.
 */
import type { TestInfo } from '@playwright/test';

/** Slack for what follows a wait: the retry timer, filling, submitting, the next page. */
const AFTER_WAIT_MS = 2_000;

/** Adds `waitMs` (and a little slack) to the running test's timeout; a test without one keeps none. */
export function extendTestTimeout(testInfo: Pick<TestInfo, 'timeout' | 'setTimeout'>, waitMs: number): void {
  if (testInfo.timeout === 0 || !(waitMs > 0)) return;
  testInfo.setTimeout(testInfo.timeout + waitMs + AFTER_WAIT_MS);
}
