/**
 * Whether the helper attaches a screen report to a failed test's problem (screen-report.ts).
 */
import type { TabStatus } from './extension-protocol.js';

/**
 * When a report helps: the sign-in held on a screen the extension does not know, or a prompt left
 * unfilled for a reason other than a setting. The same rule as the popup's "Copy screen report"
 * (lib/popup/screen-report-offer.ts; tests/unit/screen-report-offer.test.ts keeps them equal).
 */
export function offersScreenReport(status: TabStatus): boolean {
  switch (status.state) {
    case 'stopped':
      return !status.blocked;
    case 'no-match':
      return true;
    case 'not-totp':
      return status.reason !== 'switch-off';
    default:
      return false;
  }
}
