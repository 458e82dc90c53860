/**
 * When the popup offers "Copy screen report" for a tab (README.md, 'When a sign-in stops: send a
 * screen report'): the sign-in stopped on a screen the extension does not know, or a code
 * prompt was left unfilled for a reason that is not the person's own choice. Not for automatic filling turned off, the
 * setting that leaves push and passkey screens alone, a vault waiting to be unlocked, a code that
 * was filled, or a throttling or lockout page (Microsoft's answer, not markup the extension
 * misread).
 */
import type { NotFilledReason, TabStatus } from '../messages';

/** Reasons that are the person's own settings, not something the page's markup decided. */
const CHOSEN_BY_THE_PERSON: readonly NotFilledReason[] = ['switch-off'];

export function offersScreenReport(status: TabStatus | null): boolean {
  switch (status?.state) {
    case 'stopped':
      return !status.blocked;
    case 'no-match':
      return true;
    case 'not-totp':
      return !CHOSEN_BY_THE_PERSON.includes(status.reason);
    default:
      return false;
  }
}
