/**
 * The code prompt's decisions: whether a TOTP may go into the field now, asking for the code,
 * filling the answer, and what a wrong-code error or a submit after the fill means.
 * docs/ARCHITECTURE.md, 'Fill rules'.
 */
import type { CodeResponse, NotFilledReason } from '../../messages';
import type { ActiveMethod } from '../../signin/active-method';
import type { CodeFieldFacts, ScreenReading } from '../../signin/screens/types';
import { emit, type Flow, reportOnce, set } from '../flow';

/** After a wrong-code error: one retry with the next period's code, then stop (README.md, 'Autofill: what is filled where'). */
export const RETRIES_AFTER_WRONG_CODE = 1;

type CodePrompt = Extract<ScreenReading, { screen: 'code-prompt' }>;
type CodeAnswer = Extract<CodeResponse, { status: 'code' }>;

const NOT_TOTP_REASONS: Partial<Record<ActiveMethod, NotFilledReason>> = {
  phone: 'sms',
  email: 'email',
  unknown: 'unknown-method',
  disagree: 'disagree',
  push: 'unknown-method',
  other: 'unknown-method',
};

/** A code prompt on the page: fill it when it may be filled, or watch what follows our fill. */
export function onCodePrompt(flow: Flow, reading: CodePrompt): void {
  if (flow.state.stage === 'filled') {
    checkAfterFill(flow, reading.field, reading.account);
    return;
  }
  if (flow.state.stage === 'watching' && fillable(flow, reading, false)) ask(flow, reading, false, false);
}

/** True when a TOTP may go into the prompt's field now; reports why not otherwise. */
export function fillable(
  flow: Flow,
  reading: ScreenReading,
  retry: boolean,
): reading is CodePrompt & { field: CodeFieldFacts } {
  if (reading.screen !== 'code-prompt') return false;
  const { field } = reading;
  if (!field) {
    if (reading.fieldProblem === 'several-visible') reportOnce(flow, { kind: 'not-totp', reason: 'several-fields' });
    return false;
  }
  if (userHasTyped(field.value, retry ? flow.state.filledValue : null)) return false;
  // An error shown before this script filled anything (say, a reload after a rejected code)
  // is not ours to answer: spending another attempt on it could lock the account.
  if (!retry && field.wrongCodeShown) return false;
  // Words still to come: nothing to decide, nothing to report yet.
  if (reading.method === 'rendering') return false;
  if (reading.method !== 'totp') {
    reportOnce(flow, { kind: 'not-totp', reason: NOT_TOTP_REASONS[reading.method] ?? 'unknown-method' });
    return false;
  }
  return true;
}

export function ask(flow: Flow, reading: CodePrompt, retry: boolean, manual: boolean): void {
  set(flow, { stage: 'asking', waitingRetry: retry, waitingManual: manual });
  emit(flow, { do: 'ask-code', pageAccount: reading.account, retry, manual });
}

/** A waiting stage ends: ask again if the page still shows a fillable prompt. */
export function resume(flow: Flow, retry: boolean, manual: boolean, reading: ScreenReading): void {
  emit(flow, { do: 'cancel-wait' });
  set(flow, { stage: 'watching' });
  if (fillable(flow, reading, retry)) ask(flow, reading, retry, manual);
}

export function fillCode(flow: Flow, answer: CodeAnswer, reading: ScreenReading, retry: boolean): void {
  // The page may have changed while the background answered: check everything again.
  if (!fillable(flow, reading, retry)) {
    set(flow, { stage: 'watching' });
    return;
  }
  set(flow, { stage: 'stopped' });
  const { code, digits } = answer;
  if (typeof code !== 'string' || !/^\d+$/.test(code) || code.length !== digits) return;
  const maxLength = reading.field.maxLength;
  if (maxLength !== null && maxLength !== code.length) {
    reportOnce(flow, { kind: 'not-totp', reason: 'digits', pageDigits: maxLength, accountDigits: digits });
    return;
  }
  set(flow, {
    stage: 'filled',
    filledValue: code,
    errorShownAtFill: reading.field.wrongCodeShown,
    errorGoneSinceFill: false,
    spentReported: false,
    lingering: null,
  });
  // The pick has served its prompt; the in-memory copy stays for the retry.
  emit(flow, { do: 'remember-pick', proof: null });
  emit(flow, {
    do: 'fill',
    code,
    submit: answer.submit === true,
    rememberDevice: answer.rememberDevice === true,
  });
}

function checkAfterFill(flow: Flow, field: CodeFieldFacts | null, pageAccount: string | null): void {
  if (!field) return;
  const { state } = flow;
  if (!field.wrongCodeShown) {
    if (!state.errorGoneSinceFill) set(flow, { errorGoneSinceFill: true });
    return;
  }
  // Still the error our retry answered: the page has not judged the new code yet.
  if (state.errorShownAtFill && !state.errorGoneSinceFill) return;
  if (userHasTyped(field.value, state.filledValue)) {
    // The rejected code was the user's own: they are in charge of this prompt now.
    set(flow, { stage: 'stopped' });
    return;
  }
  const wrongCodes = state.wrongCodes + 1;
  const retrying = wrongCodes <= RETRIES_AFTER_WRONG_CODE;
  set(flow, { wrongCodes });
  emit(flow, { do: 'report', event: { kind: 'wrong-code', retrying } });
  if (!retrying) {
    set(flow, { stage: 'stopped' });
    emit(flow, { do: 'stop' });
    return;
  }
  // The page judged the code, so it was submitted, however the page did it.
  if (!state.spentReported) emit(flow, { do: 'spent' });
  // The background hands out the next period's code (it never hands out a spent one).
  set(flow, { stage: 'asking', waitingRetry: true, waitingManual: false, spentReported: true });
  emit(flow, { do: 'ask-code', pageAccount, retry: true, manual: false });
}

/** The code box's form was submitted holding `value`. */
export function onSubmitted(flow: Flow, value: string): void {
  // Only our code, once: the user's own code is theirs to spend.
  const { state } = flow;
  if (state.stage !== 'filled' || state.spentReported || value !== state.filledValue) return;
  set(flow, { spentReported: true });
  emit(flow, { do: 'spent' });
}

/**
 * "Never type into a field the user has started typing in" (README.md, 'Autofill: what is filled where'): a value
 * we did not put there is the user's (or another filler's), and stays.
 */
function userHasTyped(value: string, valueWeSet: string | null): boolean {
  return value !== '' && value !== valueWeSet;
}
