/**
 * A code with under 3 s left is not filled: its prompt first waits for the next period, and the
 * extension says so ('waiting-next-period', reason 'too-late'). Whether that happens depends on
 * when in the period a test ran, so a test that lists a sign-in's events leaves that one out.
 */
import type { MfaEvent } from 'mfa-autofill-playwright';

export function withoutLateCodeWaits(events: readonly MfaEvent[]): MfaEvent[] {
  return events.filter((e) => !(e.state === 'waiting-next-period' && e.reason === 'too-late'));
}
