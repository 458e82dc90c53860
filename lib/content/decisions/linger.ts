/**
 * Conditions that are reported only once they last: an unknown screen holding the sign-in (not
 * after our fill: the page is then moving on), a code prompt with no visible field, and one whose
 * words never came (neither is a rendering moment once it lasts).
 */
import type { FillEvent } from '../../messages';
import type { ScreenReading } from '../../signin/screens/types';
import { emit, type Flow, reportOnce, set } from '../flow';

/** A screen the extension does not know, holding the sign-in this long, is reported. */
export const STALL_MS = 5_000;
/** A code prompt showing no field a person could see, this long, is reported (not a rendering moment). */
export const NO_FIELD_MS = 800;

interface Lingering {
  key: string;
  after: number;
  event: FillEvent;
}

function lingeringCondition(flow: Flow, reading: ScreenReading): Lingering | null {
  if (flow.state.stage === 'filled') return null;
  if (reading.screen === 'unknown') {
    return {
      key: `unknown:${reading.summary.title}:${reading.summary.pgid}`,
      after: STALL_MS,
      event: { kind: 'stopped', screen: reading.summary, blocked: false },
    };
  }
  if (reading.screen === 'code-prompt' && reading.fieldProblem === 'none-visible') {
    return { key: 'no-visible-field', after: NO_FIELD_MS, event: { kind: 'not-totp', reason: 'no-visible-field' } };
  }
  if (reading.screen === 'code-prompt' && reading.method === 'rendering') {
    return { key: 'no-words', after: NO_FIELD_MS, event: { kind: 'not-totp', reason: 'unknown-method' } };
  }
  return null;
}

export function linger(flow: Flow, reading: ScreenReading, now: number): void {
  const condition = lingeringCondition(flow, reading);
  const lingering = flow.state.lingering;
  if (!condition) {
    if (lingering) set(flow, { lingering: null });
    return;
  }
  const { key, after, event } = condition;
  if (lingering?.key !== key) {
    set(flow, { lingering: { key, since: now } });
    emit(flow, { do: 'recheck', ms: after });
  } else if (now - lingering.since >= after) {
    reportOnce(flow, event, key);
  } else {
    emit(flow, { do: 'recheck', ms: after - (now - lingering.since) });
  }
}
