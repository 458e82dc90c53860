/**
 * The content script's runner on a Microsoft sign-in page: it observes (the page through the
 * screen modules in lib/signin/screens, the background's answers, timers, commands, clicks and
 * submits), feeds each observation to the pure `step` (step.ts), and carries out the effects.
 * It decides nothing itself. It is the content script's second stage: the background injects it
 * (entrypoints/mfa-runner.ts) once the first stage (stage-one.ts) saw something it might act on
 * (docs/ARCHITECTURE.md, 'Content script').
 *
 * It runs in an untrusted place (docs/ARCHITECTURE.md, 'Trust rules'): it only ever asks for "the
 * code for the account this page is signing in" and reports what happened; it never sees a
 * secret. Kept free of heavy imports (no Preact, no otpauth, no polyfill).
 */
import type { ContentCommand, ContentRequest, FillEvent } from '../messages';
import { proofPickedBy } from '../signin/chooser';
import { submitButton, submitCode, tickDontAskAgain } from '../signin/code-page-controls';
import { setFieldValue } from '../signin/fill-field';
import { cachedPageConfig } from '../signin/page-config';
import { readScreen } from '../signin/screens';
import type { Reading } from '../signin/screens/types';
import { browserLayout, type Layout } from '../signin/visibility';
import { mayAutofill } from './may-autofill';
import { watchPageChanges } from './page-changes';
import { recallPickedProof, storePickedProof, tabSessionStorage } from './picked-proof';
import { type Effect, type FlowState, INITIAL_STATE, type Input, step } from './step';

export interface AutofillPorts {
  /** runtime.sendMessage: resolves to the background's answer. */
  send: (request: ContentRequest) => Promise<unknown>;
  /** Subscribes to the background's commands (runtime.onMessage); returns the unsubscribe. */
  onCommand: (listener: (command: ContentCommand) => void) => () => void;
  doc?: Document;
  layout?: Layout;
  /** Where a chooser pick outlives a navigation; default the tab's sessionStorage. */
  storage?: Storage | null;
  now?: () => number;
  /** Default: the document's window is the top window. */
  isTopFrame?: boolean;
}

export interface AutofillController {
  /** Looks at the page now, as a DOM mutation would. */
  check(): void;
  /** Stops observing and listening for good. */
  stop(): void;
}

export { mayAutofill };

/** Starts watching the page; null when this page or frame is not one to fill (fail closed). */
export function startAutofill(ports: AutofillPorts): AutofillController | null {
  const doc = ports.doc ?? document;
  const win = doc.defaultView;
  const isTopFrame = !!win && (ports.isTopFrame ?? win.top === win);
  if (!win || !mayAutofill(doc.URL, isTopFrame)) {
    return null;
  }
  const layout = ports.layout ?? browserLayout(doc);
  const storage = ports.storage !== undefined ? ports.storage : tabSessionStorage(win);
  const now = ports.now ?? Date.now;

  let state: FlowState = INITIAL_STATE;
  let stopped = false;
  let waitTimer: ReturnType<typeof setTimeout> | undefined;
  let recheckTimer: ReturnType<typeof setTimeout> | undefined;
  /** The elements of the last reading, for effects that act on one. */
  let elements: Reading['elements'] = {};
  const unwatch = watchPageChanges(doc, check);
  doc.addEventListener('click', onUserEvent, true);
  doc.addEventListener('keydown', onUserEvent, true);
  doc.addEventListener('submit', onSubmit, true);
  const unsubscribe = ports.onCommand(onCommand);
  check();
  return { check, stop };

  function read(): Reading {
    const reading = readScreen({
      doc,
      layout,
      config: cachedPageConfig(doc),
      pickedProof: state.pickedProof ?? recallPickedProof(storage, now()),
    });
    elements = reading.elements;
    return reading;
  }

  function check(): void {
    if (!stopped) dispatch({ kind: 'page', reading: read(), now: now() });
  }

  function dispatch(input: Input): void {
    if (stopped) return;
    const next = step(state, input);
    state = next.state;
    for (const effect of next.effects) perform(effect);
  }

  function perform(effect: Effect): void {
    switch (effect.do) {
      case 'ask-code': {
        const { pageAccount, retry, manual } = effect;
        void send({ type: 'content:code', pageAccount, retry, manual }).then((response) =>
          dispatch({ kind: 'code', response, reading: read(), now: now() }),
        );
        return;
      }
      case 'ask-account': {
        const { pageAccount, purpose } = effect;
        void send({ type: 'content:has-account', pageAccount, purpose }).then((response) =>
          dispatch({ kind: 'account', purpose, response, reading: read(), now: now() }),
        );
        return;
      }
      case 'ask-kmsi':
        void send({ type: 'content:kmsi' }).then((response) =>
          dispatch({ kind: 'kmsi', response, reading: read(), now: now() }),
        );
        return;
      case 'fill':
        fill(effect);
        return;
      case 'click':
        elements[effect.target]?.click();
        return;
      case 'remember-pick':
        storePickedProof(storage, effect.proof, now());
        return;
      case 'wait':
        clearTimeout(waitTimer);
        waitTimer = setTimeout(() => dispatch({ kind: 'timer', reading: read(), now: now() }), effect.ms);
        return;
      case 'cancel-wait':
        clearTimeout(waitTimer);
        return;
      case 'recheck':
        clearTimeout(recheckTimer);
        recheckTimer = setTimeout(check, effect.ms);
        return;
      case 'report':
        report(effect.event);
        return;
      case 'spent':
        void send({ type: 'content:spent' });
        return;
      case 'stop':
        stop();
        return;
    }
  }

  function fill({ code, submit, rememberDevice }: Extract<Effect, { do: 'fill' }>): void {
    const field = elements.field as HTMLInputElement | undefined;
    if (!field) return;
    setFieldValue(field, code);
    if (rememberDevice) tickDontAskAgain(doc);
    // Our own click on Verify is seen by onUserEvent: the code is reported spent from there.
    report({ kind: 'filled', submitted: submit && submitCode(field) });
  }

  function onCommand(command: ContentCommand): void {
    const kind = command.type === 'bg:vault-unlocked' ? 'unlocked' : 'fill-now';
    dispatch({ kind, reading: read(), now: now() });
  }

  /**
   * Clicks and key presses: a tile picked on the chooser (the first rule for the active method,
   * docs/ARCHITECTURE.md, 'Fill rules'), and the code box submitted by its button or by Enter.
   */
  function onUserEvent(event: Event): void {
    const key = (event as KeyboardEvent).key;
    if (event.type === 'keydown' && key !== 'Enter' && key !== ' ') return;
    const proof = proofPickedBy(event.target);
    if (proof) dispatch({ kind: 'picked', proof });
    const field = elements.field as HTMLInputElement | undefined;
    if (!field || state.stage !== 'filled') return;
    const target = event.target as Node | null;
    const onButton = !!target && !!submitButton(field)?.contains(target);
    if ((event.type === 'click' && onButton) || (key === 'Enter' && (target === field || onButton))) {
      dispatch({ kind: 'submitted', value: field.value });
    }
  }

  function onSubmit(event: Event): void {
    const field = elements.field as HTMLInputElement | undefined;
    if (field && field.form === event.target) dispatch({ kind: 'submitted', value: field.value });
  }

  async function send(request: ContentRequest): Promise<unknown> {
    try {
      return await ports.send(request);
    } catch {
      // No background to answer (the extension was reloaded or updated): leave the page alone.
      return undefined;
    }
  }

  function report(event: FillEvent): void {
    void send({ type: 'content:report', event });
  }

  function stop(): void {
    stopped = true;
    clearTimeout(waitTimer);
    clearTimeout(recheckTimer);
    unwatch();
    doc.removeEventListener('click', onUserEvent, true);
    doc.removeEventListener('keydown', onUserEvent, true);
    doc.removeEventListener('submit', onSubmit, true);
    unsubscribe();
  }
}
