/**
 * What the user's commands and the background's notices resume: the vault was unlocked, the
 * keyboard command "Fill verification code", the code timer ran out, a tile was picked.
 */
import type { ScreenReading } from '../../signin/screens/types';
import { emit, type Flow, set } from '../flow';
import { RETRIES_AFTER_WRONG_CODE, resume } from './code-prompt';
import { lookAt } from './screens';

const ANSWERED_FLAG = {
  chooser: 'chooserAnswered',
  switch: 'switchAnswered',
  'passkey-prompt': 'passkeyPromptAnswered',
} as const;

export function onUnlocked(flow: Flow, reading: ScreenReading, now: number): void {
  const { state } = flow;
  if (state.stage === 'waiting-unlock') resume(flow, state.waitingRetry, state.waitingManual, reading);
  const waiting = flow.state.awaitingUnlock;
  if (waiting) {
    set(flow, { awaitingUnlock: null, [ANSWERED_FLAG[waiting]]: false });
    lookAt(flow, reading, now);
  }
}

export function onFillNow(flow: Flow, reading: ScreenReading): void {
  // The keyboard command is the user asking: it also serves a prompt automatic filling left
  // alone, but never a second time after the retry was spent, and never over our own fill.
  const { stage, waitingRetry, wrongCodes } = flow.state;
  if (stage === 'asking' || stage === 'filled' || wrongCodes > RETRIES_AFTER_WRONG_CODE) return;
  resume(flow, stage.startsWith('waiting') && waitingRetry, true, reading);
}

export function onTimer(flow: Flow, reading: ScreenReading): void {
  const { stage, waitingRetry, waitingManual } = flow.state;
  if (stage === 'waiting-timer') resume(flow, waitingRetry, waitingManual, reading);
}

export function onPicked(flow: Flow, proof: string): void {
  set(flow, { pickedProof: proof });
  emit(flow, { do: 'remember-pick', proof });
}
