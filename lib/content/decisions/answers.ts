/**
 * What the background's answers lead to: a code (fill), a wait (a timer), locked (wait for the
 * unlock), disabled (wait for the keyboard command); "yes, the vault has this account" on a
 * chooser or switch screen (click the way to the code); the "Stay signed in?" setting.
 */
import type { CodeResponse, HasAccountResponse } from '../../messages';
import { TOTP_PROOF } from '../../signin/proof-method';
import type { ScreenReading } from '../../signin/screens/types';
import { emit, type Flow, reportOnce, type SwitchPurpose, set } from '../flow';
import { statusOf } from '../responses';
import { fillCode } from './code-prompt';

/** Upper bound on a 'wait': the longest period (60 s) plus slack, against a bad value. */
export const MAX_WAIT_MS = 65_000;

export function onCode(flow: Flow, response: unknown, reading: ScreenReading): void {
  if (flow.state.stage !== 'asking') return;
  const status = statusOf(response);
  if (status === 'code') {
    fillCode(flow, response as Extract<CodeResponse, { status: 'code' }>, reading, flow.state.waitingRetry);
  } else if (status === 'wait') {
    // The code has too little life left, or was already submitted: the background says when
    // the next one starts. A timer, not polling.
    const delay = Number((response as { retryInMs?: unknown }).retryInMs) || 0;
    set(flow, { stage: 'waiting-timer' });
    emit(flow, { do: 'wait', ms: Math.min(Math.max(delay, 0), MAX_WAIT_MS) });
  } else if (status === 'locked') {
    // Filled without a reload once the user unlocks (README.md, 'Autofill: what is filled where').
    set(flow, { stage: 'waiting-unlock' });
  } else if (status === 'disabled') {
    // Filling automatically is off: the keyboard command still fills.
    set(flow, { stage: 'waiting-fill-now' });
  } else {
    // no-match, no-vault, refused, or no answer at all.
    set(flow, { stage: 'stopped' });
  }
}

export function onAccount(flow: Flow, purpose: SwitchPurpose, response: unknown, reading: ScreenReading): void {
  const status = statusOf(response) as HasAccountResponse['status'] | null;
  // Locked: ask again once the user unlocks, as a waiting code prompt would.
  set(flow, { awaitingUnlock: status === 'locked' ? answeredScreen(purpose, reading) : null });
  if (status === 'switch-off') reportOnce(flow, { kind: 'not-totp', reason: 'switch-off' });
  if (status !== 'yes') return;
  if (reading.screen === 'chooser' && reading.codeTile) {
    pick(flow);
    emit(flow, { do: 'click', target: 'code-tile' });
  } else if (purpose === 'switch' && reading.screen === 'switch-to-code' && reading.way) {
    if (reading.way === 'code-tile') pick(flow);
    emit(flow, { do: 'click', target: reading.way });
  }
}

function answeredScreen(purpose: SwitchPurpose, reading: ScreenReading) {
  if (purpose === 'chooser') return 'chooser';
  return reading.screen === 'switch-to-code' && reading.from === 'passkey-prompt' ? 'passkey-prompt' : 'switch';
}

/** The code tile picked by us: the code prompt that follows is a TOTP prompt (active-method.ts). */
function pick(flow: Flow): void {
  set(flow, { pickedProof: TOTP_PROOF });
  emit(flow, { do: 'remember-pick', proof: TOTP_PROOF });
}

export function onKmsi(flow: Flow, response: unknown, reading: ScreenReading): void {
  const answer = statusOf(response) === 'answer' && (response as { answer?: unknown }).answer;
  // 'ask' (or anything unexpected) leaves the question to the user.
  if (answer !== 'yes' && answer !== 'no') return;
  if (reading.screen === 'kmsi' && reading.ready)
    emit(flow, { do: 'click', target: answer === 'yes' ? 'kmsi-yes' : 'kmsi-no' });
}
