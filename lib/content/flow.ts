/**
 * The vocabulary of the content script's decisions (step.ts and decisions/): where a code prompt
 * stands, what can happen, what the content script then does, and the three things every
 * decision does to a flow (change the state, emit an effect, report once). No DOM, no timers, no
 * messaging: docs/ARCHITECTURE.md, 'Screen model'.
 */
import type { FillEvent } from '../messages';
import type { ScreenReading } from '../signin/screens/types';

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
/** The screens that are answered once per document, each with its own flag. */
export type AnsweredScreen = 'chooser' | 'switch' | 'passkey-prompt';

export interface FlowState {
  stage: Stage;
  /** How the request a waiting stage resumes with is flagged. */
  waitingRetry: boolean;
  waitingManual: boolean;
  filledValue: string;
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
  /**
   * The passkey prompt is answered apart from the screen its way out leads to (the passkey
   * picker, itself a switch screen), each once per document.
   */
  passkeyPromptAnswered: boolean;
  /** Asked while the vault was locked: ask again once it is unlocked. */
  awaitingUnlock: AnsweredScreen | null;
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
  errorShownAtFill: false,
  errorGoneSinceFill: false,
  spentReported: false,
  wrongCodes: 0,
  pickedProof: null,
  chooserAnswered: false,
  switchAnswered: false,
  passkeyPromptAnswered: false,
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
  | { do: 'fill'; code: string; submit: boolean; rememberDevice: boolean }
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

/** One step in the making: the state so far and the effects emitted so far. */
export type Flow = Step;

export function set(flow: Flow, changes: Partial<FlowState>): void {
  flow.state = { ...flow.state, ...changes };
}

export function emit(flow: Flow, effect: Effect): void {
  flow.effects.push(effect);
}

/** Reports `event` unless the same was reported before in this document. */
export function reportOnce(flow: Flow, event: FillEvent, key: string = JSON.stringify(event)): void {
  if (flow.state.reported.includes(key)) return;
  set(flow, { reported: [...flow.state.reported, key] });
  emit(flow, { do: 'report', event });
}
