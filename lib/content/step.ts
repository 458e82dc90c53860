/**
 * Every decision the content script makes, as one pure function: `step(state, input) →
 * { state, effects }`. Inputs are what happened (the page as the screen modules read it, an
 * answer from the background, a timer, a command, a pick, a submit); effects are what the content
 * script then does (ask, fill, click, report, set a timer). No DOM, no timers, no messaging:
 * tests are tables. `step` only looks the input up in a table of small decisions (decisions/),
 * one per kind of input, and the page's screen in a table of one per screen (decisions/screens.ts).
 * docs/ARCHITECTURE.md, 'Screen model'.
 */
import { onAccount, onCode, onKmsi } from './decisions/answers';
import { onSubmitted } from './decisions/code-prompt';
import { onFillNow, onPicked, onTimer, onUnlocked } from './decisions/commands';
import { lookAt } from './decisions/screens';
import type { Flow, FlowState, Input, Step } from './flow';

export { MAX_WAIT_MS } from './decisions/answers';
export { RETRIES_AFTER_WRONG_CODE } from './decisions/code-prompt';
export { NO_FIELD_MS, STALL_MS } from './decisions/linger';
export type { Effect, FlowState, Input, Stage, Step, SwitchPurpose } from './flow';
export { INITIAL_STATE } from './flow';

type Decision<K extends Input['kind']> = (flow: Flow, input: Extract<Input, { kind: K }>) => void;

const ON_INPUT: { [K in Input['kind']]: Decision<K> } = {
  page: (flow, { reading, now }) => lookAt(flow, reading, now),
  code: (flow, { response, reading }) => onCode(flow, response, reading),
  account: (flow, { purpose, response, reading }) => onAccount(flow, purpose, response, reading),
  kmsi: (flow, { response, reading }) => onKmsi(flow, response, reading),
  timer: (flow, { reading }) => onTimer(flow, reading),
  unlocked: (flow, { reading, now }) => onUnlocked(flow, reading, now),
  'fill-now': (flow, { reading }) => onFillNow(flow, reading),
  picked: (flow, { proof }) => onPicked(flow, proof),
  submitted: (flow, { value }) => onSubmitted(flow, value),
};

export function step(state: FlowState, input: Input): Step {
  const flow: Flow = { state, effects: [] };
  (ON_INPUT[input.kind] as Decision<Input['kind']>)(flow, input as never);
  return flow;
}
