/**
 * Every decision the content script makes, as one pure function (docs/ARCHITECTURE.md,
 * 'Fill rules'): `step(state, input) → { state, effects }`. Inputs are what happened (the
 * page as the screen modules read it, an answer from the background, a timer, a command, a
 * pick, a submit); effects are what the content script then does (ask, fill, click, report,
 * set a timer). No DOM, no timers, no messaging here: tests are tables.
 */
import type { CodeResponse, FillEvent, HasAccountResponse, NotFilledReason } from '../messages';
import type { ActiveMethod } from '../signin/active-method';
import { TOTP_PROOF } from '../signin/proof-method';
import type { CodeFieldFacts, ScreenReading } from '../signin/screens/types';
import { statusOf } from './responses';

/**
 * After a wrong-code error: one retry with the next period's code, then stop
 * (docs/ARCHITECTURE.md, 'Fill rules').
 */
export const RETRIES_AFTER_WRONG_CODE = 1;
/** Upper bound on a 'wait': the longest period (60 s) plus slack, against a bad value. */
export const MAX_WAIT_MS = 65_000;
/** A screen the extension does not know, holding the sign-in this long, is reported. */
export const STALL_MS = 5_000;
/** A code prompt showing no field a person could see, this long, is reported (not a rendering moment). */
export const NO_FIELD_MS = 800;

/**
 * Where the code prompt stands. 'watching': the next reading that shows a fillable TOTP prompt
 * asks for a code. 'filled': filled once; from then on only a new wrong-code error (or the
 * chooser coming back) matters. The waiting stages resume on a timer, on "vault unlocked", or on
 * the keyboard command.
 */
export type Stage =
  | 'watching'
  | 'asking'
  | 'waiting-timer'
  | 'waiting-unlock'
  | 'waiting-fill-now'
  | 'filled'
  | 'stopped';

export type SwitchPurpose = 'chooser' | 'switch';

export interface FlowState {
  stage: Stage;
  /** How the request a waiting stage resumes with is flagged. */
  waitingRetry: boolean;
  waitingManual: boolean;
  filledValue: string;
  filledAccount: string;
  errorShownAtFill: boolean;
  errorGoneSinceFill: boolean;
  /** The filled code was seen submitted, and the background told. */
  spentReported: boolean;
  /** Per document, never reset: however the page re-renders, one retry is all a prompt gets. */
  wrongCodes: number;
  pickedProof: string | null;
  /**
   * Each chooser, push or passkey screen is answered once per document: a user who comes back
   * to the chooser through "Sign in another way" wants another method, and picking the code tile
   * again would trap them.
   */
  chooserAnswered: boolean;
  switchAnswered: boolean;
  /** Asked while the vault was locked: ask again once it is unlocked. */
  awaitingUnlock: SwitchPurpose | null;
  kmsiAsked: boolean;
  /** Reasons already reported, so a page that mutates often is reported once. */
  reported: readonly string[];
  /** A condition that is reported only once it has lasted (an unknown screen, no visible field). */
  lingering: { key: string; since: number } | null;
}

export const INITIAL_STATE: FlowState = {
  stage: 'watching',
  waitingRetry: false,
  waitingManual: false,
  filledValue: '',
  filledAccount: '',
  errorShownAtFill: false,
  errorGoneSinceFill: false,
  spentReported: false,
  wrongCodes: 0,
  pickedProof: null,
  chooserAnswered: false,
  switchAnswered: false,
  awaitingUnlock: null,
  kmsiAsked: false,
  reported: [],
  lingering: null,
};

export type Input =
  | { kind: 'page'; reading: ScreenReading; now: number }
  | { kind: 'code'; response: unknown; reading: ScreenReading; now: number }
  | { kind: 'account'; purpose: SwitchPurpose; response: unknown; reading: ScreenReading; now: number }
  | { kind: 'kmsi'; response: unknown; reading: ScreenReading; now: number }
  /** The code timer ('wait') ran out. */
  | { kind: 'timer'; reading: ScreenReading; now: number }
  | { kind: 'unlocked'; reading: ScreenReading; now: number }
  | { kind: 'fill-now'; reading: ScreenReading; now: number }
  /** A chooser tile was clicked or pressed (by the user or by us). */
  | { kind: 'picked'; proof: string }
  /** The code box's form was submitted (button, Enter, form), holding `value`. */
  | { kind: 'submitted'; value: string };

export type Effect =
  | { do: 'ask-code'; pageAccount: string | null; retry: boolean; manual: boolean }
  | { do: 'ask-account'; pageAccount: string | null; purpose: SwitchPurpose }
  | { do: 'ask-kmsi' }
  /** Sets the field, ticks "Don't ask again" if told, submits if told, then reports 'filled'. */
  | { do: 'fill'; code: string; account: string; submit: boolean; rememberDevice: boolean }
  | { do: 'click'; target: 'code-tile' | 'other-ways' | 'kmsi-yes' | 'kmsi-no' }
  | { do: 'remember-pick'; proof: string | null }
  /** Arms the code timer; a later one replaces it. */
  | { do: 'wait'; ms: number }
  | { do: 'cancel-wait' }
  /** Looks at the page again after `ms` even if nothing changes. */
  | { do: 'recheck'; ms: number }
  | { do: 'report'; event: FillEvent }
  | { do: 'spent' }
  /** Stops observing and listening for good. */
  | { do: 'stop' };

export interface Step {
  state: FlowState;
  effects: Effect[];
}

const NOT_TOTP_REASONS: Partial<Record<ActiveMethod, NotFilledReason>> = {
  phone: 'sms',
  email: 'email',
  unknown: 'unknown-method',
  disagree: 'disagree',
  push: 'unknown-method',
  other: 'unknown-method',
};

type CodeAnswer = Extract<CodeResponse, { status: 'code' }>;

export function step(initial: FlowState, input: Input): Step {
  // Closures rather than a class: the content script's minifier can shorten their names.
  let state = initial;
  const effects: Effect[] = [];
  handle(input);
  return { state, effects };

  function set(changes: Partial<FlowState>): void {
    state = { ...state, ...changes };
  }

  function emit(effect: Effect): void {
    effects.push(effect);
  }

  function handle(input: Input): void {
    switch (input.kind) {
      case 'page':
        look(input.reading, input.now);
        return;
      case 'code':
        onCode(input.response, input.reading);
        return;
      case 'account':
        onAccount(input.purpose, input.response, input.reading);
        return;
      case 'kmsi':
        onKmsi(input.response, input.reading);
        return;
      case 'timer':
        if (state.stage === 'waiting-timer') resume(state.waitingRetry, state.waitingManual, input.reading);
        return;
      case 'unlocked':
        onUnlocked(input.reading, input.now);
        return;
      case 'fill-now':
        onFillNow(input.reading);
        return;
      case 'picked':
        set({ pickedProof: input.proof });
        emit({ do: 'remember-pick', proof: input.proof });
        return;
      case 'submitted':
        onSubmitted(input.value);
        return;
    }
  }

  function look(reading: ScreenReading, now: number): void {
    if (state.stage === 'stopped') return;
    linger(reading, now);
    switch (reading.screen) {
      case 'chooser':
        // Back on the chooser ("Sign in another way"): the prompt that follows is a new one.
        if (state.stage === 'filled') set({ stage: 'watching' });
        if (!state.chooserAnswered && reading.codeTile) {
          set({ chooserAnswered: true });
          emit({ do: 'ask-account', pageAccount: reading.account, purpose: 'chooser' });
        }
        return;
      case 'switch-to-code':
        if (state.switchAnswered) return;
        if (!reading.codeProof) {
          reportOnce({ kind: 'not-totp', reason: 'no-code-method' });
        } else if (reading.way) {
          set({ switchAnswered: true });
          emit({ do: 'ask-account', pageAccount: reading.account, purpose: 'switch' });
        }
        return;
      case 'kmsi':
        if (!state.kmsiAsked && reading.ready) {
          set({ kmsiAsked: true });
          emit({ do: 'ask-kmsi' });
        }
        return;
      case 'never-fill':
        reportOnce({ kind: 'not-totp', reason: reading.reason });
        return;
      case 'blocked':
        reportOnce({ kind: 'stopped', screen: reading.summary, blocked: true });
        return;
      case 'code-prompt':
        if (state.stage === 'filled') {
          checkAfterFill(reading.field, reading.account);
          return;
        }
        if (state.stage === 'watching' && fillable(reading, false)) ask(reading, false, false);
        return;
      default:
        return;
    }
  }

  /**
   * Conditions that are reported only once they last: an unknown screen holding the sign-in
   * (not after our fill: the page is then moving on), and a prompt with no visible field.
   */
  function linger(reading: ScreenReading, now: number): void {
    let key: string | null = null;
    let after = 0;
    let event: FillEvent | null = null;
    if (reading.screen === 'unknown' && state.stage !== 'filled') {
      key = `unknown:${reading.summary.title}:${reading.summary.pgid}`;
      after = STALL_MS;
      event = { kind: 'stopped', screen: reading.summary, blocked: false };
    } else if (
      reading.screen === 'code-prompt' &&
      reading.fieldProblem === 'none-visible' &&
      state.stage !== 'filled'
    ) {
      key = 'no-visible-field';
      after = NO_FIELD_MS;
      event = { kind: 'not-totp', reason: 'no-visible-field' };
    }
    if (key === null || event === null) {
      if (state.lingering) set({ lingering: null });
      return;
    }
    const lingering = state.lingering;
    if (lingering?.key !== key) {
      set({ lingering: { key, since: now } });
      emit({ do: 'recheck', ms: after });
    } else if (now - lingering.since >= after) {
      reportOnce(event, key);
    } else {
      emit({ do: 'recheck', ms: after - (now - lingering.since) });
    }
  }

  /** True when a TOTP may go into the prompt's field now; reports why not otherwise. */
  function fillable(
    reading: ScreenReading,
    retry: boolean,
  ): reading is Extract<ScreenReading, { screen: 'code-prompt' }> & {
    field: CodeFieldFacts;
  } {
    if (reading.screen !== 'code-prompt') return false;
    const { field } = reading;
    if (!field) {
      if (reading.fieldProblem === 'several-visible') reportOnce({ kind: 'not-totp', reason: 'several-fields' });
      return false;
    }
    if (userHasTyped(field.value, retry ? state.filledValue : null)) return false;
    // An error shown before this script filled anything (say, a reload after a rejected code)
    // is not ours to answer: spending another attempt on it could lock the account.
    if (!retry && field.wrongCodeShown) return false;
    if (reading.method !== 'totp') {
      reportOnce({ kind: 'not-totp', reason: NOT_TOTP_REASONS[reading.method] ?? 'unknown-method' });
      return false;
    }
    return true;
  }

  function ask(reading: Extract<ScreenReading, { screen: 'code-prompt' }>, retry: boolean, manual: boolean): void {
    set({ stage: 'asking', waitingRetry: retry, waitingManual: manual });
    emit({ do: 'ask-code', pageAccount: reading.account, retry, manual });
  }

  function resume(retry: boolean, manual: boolean, reading: ScreenReading): void {
    emit({ do: 'cancel-wait' });
    set({ stage: 'watching' });
    if (fillable(reading, retry)) ask(reading, retry, manual);
  }

  function onCode(response: unknown, reading: ScreenReading): void {
    if (state.stage !== 'asking') return;
    const retry = state.waitingRetry;
    const status = statusOf(response);
    if (status === 'code') {
      fillCode(response as CodeAnswer, reading, retry);
      return;
    }
    if (status === 'wait') {
      // The code has too little life left, or was already submitted: the background says when
      // the next one starts. A timer, not polling.
      const delay = Number((response as { retryInMs?: unknown }).retryInMs) || 0;
      set({ stage: 'waiting-timer' });
      emit({ do: 'wait', ms: Math.min(Math.max(delay, 0), MAX_WAIT_MS) });
    } else if (status === 'locked') {
      // Filled without a reload once the user unlocks (docs/ARCHITECTURE.md, 'Fill rules'): the
      // background says so.
      set({ stage: 'waiting-unlock' });
    } else if (status === 'disabled') {
      // Filling automatically is off: the keyboard command still fills.
      set({ stage: 'waiting-fill-now' });
    } else {
      // no-match, no-vault, refused, or no answer at all.
      set({ stage: 'stopped' });
    }
  }

  function fillCode(answer: CodeAnswer, reading: ScreenReading, retry: boolean): void {
    // The page may have changed while the background answered: check everything again.
    if (!fillable(reading, retry)) {
      set({ stage: 'watching' });
      return;
    }
    set({ stage: 'stopped' });
    const { code, digits, account } = answer;
    if (typeof code !== 'string' || !/^\d+$/.test(code) || code.length !== digits) return;
    const maxLength = reading.field.maxLength;
    if (maxLength !== null && maxLength !== code.length) {
      reportOnce({ kind: 'not-totp', reason: 'digits', pageDigits: maxLength, accountDigits: digits });
      return;
    }
    set({
      stage: 'filled',
      filledValue: code,
      filledAccount: String(account),
      errorShownAtFill: reading.field.wrongCodeShown,
      errorGoneSinceFill: false,
      spentReported: false,
      lingering: null,
    });
    // The pick has served its prompt; the in-memory copy stays for the retry.
    emit({ do: 'remember-pick', proof: null });
    emit({
      do: 'fill',
      code,
      account: String(account),
      submit: answer.submit === true,
      rememberDevice: answer.rememberDevice === true,
    });
  }

  function checkAfterFill(field: CodeFieldFacts | null, pageAccount: string | null): void {
    if (!field) return;
    if (!field.wrongCodeShown) {
      if (!state.errorGoneSinceFill) set({ errorGoneSinceFill: true });
      return;
    }
    // Still the error our retry answered: the page has not judged the new code yet.
    if (state.errorShownAtFill && !state.errorGoneSinceFill) return;
    if (userHasTyped(field.value, state.filledValue)) {
      // The rejected code was the user's own: they are in charge of this prompt now.
      set({ stage: 'stopped' });
      return;
    }
    const wrongCodes = state.wrongCodes + 1;
    const retrying = wrongCodes <= RETRIES_AFTER_WRONG_CODE;
    set({ wrongCodes });
    emit({ do: 'report', event: { kind: 'wrong-code', account: state.filledAccount, retrying } });
    if (!retrying) {
      set({ stage: 'stopped' });
      emit({ do: 'stop' });
      return;
    }
    // The page judged the code, so it was submitted, however the page did it.
    if (!state.spentReported) emit({ do: 'spent' });
    // The background hands out the next period's code (it never hands out a spent one).
    set({ stage: 'asking', waitingRetry: true, waitingManual: false, spentReported: true });
    emit({ do: 'ask-code', pageAccount, retry: true, manual: false });
  }

  function onAccount(purpose: SwitchPurpose, response: unknown, reading: ScreenReading): void {
    const status = statusOf(response) as HasAccountResponse['status'] | null;
    // Locked: ask again once the user unlocks, as a waiting code prompt would.
    set({ awaitingUnlock: status === 'locked' ? purpose : null });
    if (status === 'switch-off') reportOnce({ kind: 'not-totp', reason: 'switch-off' });
    if (status !== 'yes') return;
    if (reading.screen === 'chooser' && reading.codeTile) {
      set({ pickedProof: TOTP_PROOF });
      emit({ do: 'remember-pick', proof: TOTP_PROOF });
      emit({ do: 'click', target: 'code-tile' });
    } else if (purpose === 'switch' && reading.screen === 'switch-to-code' && reading.way) {
      if (reading.way === 'code-tile') {
        set({ pickedProof: TOTP_PROOF });
        emit({ do: 'remember-pick', proof: TOTP_PROOF });
      }
      emit({ do: 'click', target: reading.way });
    }
  }

  function onKmsi(response: unknown, reading: ScreenReading): void {
    const answer = statusOf(response) === 'answer' && (response as { answer?: unknown }).answer;
    // 'ask' (or anything unexpected) leaves the question to the user.
    if (answer !== 'yes' && answer !== 'no') return;
    if (reading.screen === 'kmsi' && reading.ready)
      emit({ do: 'click', target: answer === 'yes' ? 'kmsi-yes' : 'kmsi-no' });
  }

  function onUnlocked(reading: ScreenReading, now: number): void {
    if (state.stage === 'waiting-unlock') resume(state.waitingRetry, state.waitingManual, reading);
    const waiting = state.awaitingUnlock;
    if (waiting) {
      set({
        awaitingUnlock: null,
        ...(waiting === 'chooser' ? { chooserAnswered: false } : { switchAnswered: false }),
      });
      look(reading, now);
    }
  }

  function onFillNow(reading: ScreenReading): void {
    // The keyboard command is the user asking: it also serves a prompt automatic filling left
    // alone, but never a second time after the retry was spent, and never over our own fill.
    const { stage } = state;
    if (stage === 'asking' || stage === 'filled' || state.wrongCodes > RETRIES_AFTER_WRONG_CODE) return;
    resume(stage.startsWith('waiting') && state.waitingRetry, true, reading);
  }

  function onSubmitted(value: string): void {
    // Only our code, once: the user's own code is theirs to spend.
    if (state.stage !== 'filled' || state.spentReported || value !== state.filledValue) return;
    set({ spentReported: true });
    emit({ do: 'spent' });
  }

  function reportOnce(event: FillEvent, key: string = JSON.stringify(event)): void {
    if (state.reported.includes(key)) return;
    set({ reported: [...state.reported, key] });
    emit({ do: 'report', event });
  }
}

/**
 * "Never type into a field the user has started typing in" (docs/ARCHITECTURE.md, 'Fill rules'): a
 * value we did not put there is the user's (or another filler's), and stays.
 */
function userHasTyped(value: string, valueWeSet: string | null): boolean {
  return value !== '' && value !== valueWeSet;
}
