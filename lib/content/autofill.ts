/**
 * What the content script does on a Microsoft sign-in page (the GitHub issue "Autofill"): it
 * watches the page, and when an "Enter code" prompt for a TOTP shows one fillable field, asks
 * the background for the code of the page's account and fills it. It also picks "Use a
 * verification code" on the chooser when the vault can answer, and answers "Stay signed in?"
 * as the settings say. Everything it knows about the pages comes from lib/signin.
 *
 * It runs in an untrusted place (DESIGN.md, "Trust boundaries"): it only ever asks for "the
 * code for the account this page is signing in" and reports what happened; it never sees a
 * secret. Kept free of heavy imports: the content script must stay under 8 KB gzipped.
 */
import type { CodeResponse, ContentCommand, ContentRequest, FillEvent } from '../messages';
import { type ActiveMethod, activeMethod } from '../signin/active-method';
import { proofPickedBy, verificationCodeTile } from '../signin/chooser';
import { chooseCodeField } from '../signin/code-field';
import { submitCode, tickDontAskAgain } from '../signin/code-page-controls';
import { setFieldValue } from '../signin/fill-field';
import { isSigninUrl } from '../signin/hosts';
import { kmsiButton } from '../signin/kmsi';
import { isNeverFillUrl } from '../signin/never-fill';
import { pageAccount } from '../signin/page-account';
import { isCodePrompt, pageKind } from '../signin/page-kind';
import { TOTP_PROOF } from '../signin/proof-method';
import { userHasTyped } from '../signin/user-input';
import { browserLayout, isRendered, type Layout } from '../signin/visibility';
import { isWrongCodeShown } from '../signin/wrong-code';
import { recallPickedProof, storePickedProof, tabSessionStorage } from './picked-proof';
import { statusOf } from './responses';

export interface AutofillPorts {
  /** browser.runtime.sendMessage: resolves to the background's answer. */
  send: (request: ContentRequest) => Promise<unknown>;
  /** Subscribes to the background's commands (browser.runtime.onMessage); returns the unsubscribe. */
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

/** After a wrong-code error: one retry with the next period's code, then stop (DESIGN.md). */
const RETRIES_AFTER_WRONG_CODE = 1;
/** Upper bound on a 'wait': the longest period (60 s) plus slack, against a bad value. */
const MAX_WAIT_MS = 65_000;

/** Only an exact allowlisted https host, in the top frame, and never the device-code page (DESIGN.md). */
export function mayAutofill(url: string, isTopFrame: boolean): boolean {
  return isTopFrame && isSigninUrl(url) && !isNeverFillUrl(url);
}

type CodeAnswer = Extract<CodeResponse, { status: 'code' }>;

/**
 * Where the code prompt stands. 'watching': the next mutation that shows a fillable TOTP
 * prompt asks for a code. 'filled': filled once; from then on only a new wrong-code error (or
 * the chooser coming back) matters. The waiting stages resume on a timer, on "vault unlocked",
 * or on the keyboard command.
 */
type Stage = 'watching' | 'asking' | 'waiting-timer' | 'waiting-unlock' | 'waiting-fill-now' | 'filled' | 'stopped';

/** Shown in the popup as the reason nothing was filled. */
const NOT_TOTP_REASONS: Partial<Record<ActiveMethod, string>> = {
  phone: 'Code by text or call',
  email: 'Emailed code',
  unknown: 'Code method not stated',
  disagree: 'Code method unclear',
};

/** Starts watching the page; null when this page or frame is not one to fill (fail closed). */
export function startAutofill(ports: AutofillPorts): AutofillController | null {
  const doc = ports.doc ?? document;
  const win = doc.defaultView;
  if (!win || !mayAutofill(doc.URL, ports.isTopFrame ?? win.top === win)) return null;
  const layout = ports.layout ?? browserLayout(doc);
  const storage = ports.storage !== undefined ? ports.storage : tabSessionStorage(win);
  const now = ports.now ?? Date.now;

  let stage: Stage = 'watching';
  /** How the request a waiting stage resumes with is flagged. */
  let waitingRetry = false;
  let waitingManual = false;
  let waitTimer: ReturnType<typeof setTimeout> | undefined;
  let filledField: HTMLInputElement | null = null;
  let filledValue = '';
  let filledAccount = '';
  let errorShownAtFill = false;
  let errorGoneSinceFill = false;
  /** Per document, never reset: however the page re-renders, one retry is all a prompt gets. */
  let wrongCodes = 0;
  let pickedProof: string | null = null;
  /**
   * The chooser is answered once per document: a user who comes back to it through "Sign in
   * another way" wants another method, and picking the code tile again would trap them.
   */
  let chooserAnswered = false;
  let chooserAwaitingUnlock = false;
  /** "Stay signed in?" is its own page: asked about once. */
  let kmsiAsked = false;
  const reported = new Set<string>();

  // The pages render late with knockout and the body starts display:none (DESIGN.md): watch
  // insertions, text, and the style/class changes that unhide things. No polling.
  const observer = new win.MutationObserver(check);
  observer.observe(doc, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['style', 'class', 'hidden', 'disabled', 'aria-invalid'],
  });
  doc.addEventListener('click', recordPick, true);
  doc.addEventListener('keydown', recordPick, true);
  const unsubscribe = ports.onCommand(onCommand);
  check();
  return { check, stop };

  function check(): void {
    const kind = pageKind(doc);
    if (kind === 'chooser') {
      // Back on the chooser ("Sign in another way"): the prompt that follows is a new one.
      if (stage === 'filled') stage = 'watching';
      void answerChooser();
    } else if (kind === 'kmsi') {
      void answerKmsi();
    } else if (stage === 'filled') {
      checkAfterFill();
    } else if (stage === 'watching' && fillableField(false)) {
      void askForCode(false, false);
    }
  }

  /** The prompt's one visible field, when a TOTP may go into it now; null (and a report) otherwise. */
  function fillableField(retry: boolean): HTMLInputElement | null {
    if (!isCodePrompt(pageKind(doc))) return null;
    const { field, reason } = chooseCodeField(doc, layout);
    if (!field) {
      if (reason === 'several-visible') reportOnce('no-field', 'More than one code field');
      return null;
    }
    if (userHasTyped(field, retry ? filledValue : null)) return null;
    // An error shown before this script filled anything (say, a reload after a rejected code)
    // is not ours to answer: spending another attempt on it could lock the account.
    if (!retry && isWrongCodeShown(field, layout)) return null;
    const method = activeMethod(doc, pickedProof ?? recallPickedProof(storage, now()));
    if (method !== 'totp') {
      reportOnce('not-totp', NOT_TOTP_REASONS[method] ?? 'Not an app code');
      return null;
    }
    return field;
  }

  async function askForCode(retry: boolean, manual: boolean): Promise<void> {
    stage = 'asking';
    // Checked field by field where used: the answer may be anything (see responses.ts).
    const response = (await send({ type: 'content:code', pageAccount: pageAccount(doc), retry, manual })) as CodeAnswer;
    if (stage !== 'asking') return;
    const status = statusOf(response);
    if (status === 'code') return fillCode(response, retry);
    waitingRetry = retry;
    waitingManual = manual;
    if (status === 'wait') {
      // The code has too little life left, or was already used: the background says when the
      // next one starts. A timer, not polling.
      stage = 'waiting-timer';
      const delay = Number((response as { retryInMs?: unknown }).retryInMs) || 0;
      waitTimer = setTimeout(() => resume(retry, manual), Math.min(Math.max(delay, 0), MAX_WAIT_MS));
    } else if (status === 'locked') {
      // Filled without a reload once the user unlocks (DESIGN.md): the background says so.
      stage = 'waiting-unlock';
    } else if (status === 'disabled') {
      // Filling automatically is off: the keyboard command still fills.
      stage = 'waiting-fill-now';
    } else {
      // no-match, no-vault, refused, or no answer at all.
      stage = 'stopped';
    }
  }

  function resume(retry: boolean, manual: boolean): void {
    clearTimeout(waitTimer);
    stage = 'watching';
    if (fillableField(retry)) void askForCode(retry, manual);
  }

  function fillCode({ code, digits, account, submit, rememberDevice }: CodeAnswer, retry: boolean): void {
    // The page may have changed while the background answered: check everything again.
    const field = fillableField(retry);
    stage = 'stopped';
    if (!field) {
      stage = 'watching';
      return;
    }
    if (typeof code !== 'string' || !/^\d+$/.test(code) || code.length !== digits) return;
    const maxLength = Number(field.getAttribute('maxlength'));
    if (maxLength > 0 && maxLength !== code.length) {
      reportOnce('not-totp', `The page wants ${maxLength} digits; ${account} has ${digits}`);
      return;
    }
    setFieldValue(field, code);
    stage = 'filled';
    filledField = field;
    filledValue = code;
    filledAccount = String(account);
    errorShownAtFill = isWrongCodeShown(field, layout);
    errorGoneSinceFill = false;
    // The pick has served its prompt; the in-memory copy stays for the retry.
    storePickedProof(storage, null, 0);
    if (rememberDevice === true) tickDontAskAgain(doc);
    report({ kind: 'filled', account: filledAccount, submitted: submit === true && submitCode(field) });
  }

  function checkAfterFill(): void {
    const field = filledField?.isConnected ? filledField : chooseCodeField(doc, layout).field;
    if (!field) return;
    if (!isWrongCodeShown(field, layout)) {
      errorGoneSinceFill = true;
      return;
    }
    // Still the error our retry answered: the page has not judged the new code yet.
    if (errorShownAtFill && !errorGoneSinceFill) return;
    if (userHasTyped(field, filledValue)) {
      // The rejected code was the user's own: they are in charge of this prompt now.
      stage = 'stopped';
      return;
    }
    wrongCodes += 1;
    const retrying = wrongCodes <= RETRIES_AFTER_WRONG_CODE;
    report({ kind: 'wrong-code', account: filledAccount, retrying });
    // The background hands out the next period's code (it never gives the same code twice).
    if (retrying) void askForCode(true, false);
    else stop();
  }

  async function answerChooser(): Promise<void> {
    if (chooserAnswered || !verificationCodeTile(doc, layout)) return;
    chooserAnswered = true;
    const answer = statusOf(await send({ type: 'content:has-account', pageAccount: pageAccount(doc) }));
    // Locked: ask again once the user unlocks, as a waiting code prompt would.
    chooserAwaitingUnlock = answer === 'locked';
    const tile = answer === 'yes' && verificationCodeTile(doc, layout);
    if (!tile) return;
    pick(TOTP_PROOF);
    tile.click();
  }

  async function answerKmsi(): Promise<void> {
    // Knockout shows the page late: answer once its Yes button is on screen and bound. (The
    // checkbox itself may be styled invisible; kmsiButton still requires it to be in the page.)
    const shown = kmsiButton('yes', doc);
    if (kmsiAsked || !shown || !isRendered(shown, layout)) return;
    kmsiAsked = true;
    const reply = await send({ type: 'content:kmsi' });
    const answer = statusOf(reply) === 'answer' && (reply as { answer?: unknown }).answer;
    // 'ask' (or anything unexpected) leaves the question to the user.
    if (answer !== 'yes' && answer !== 'no') return;
    const button = kmsiButton(answer, doc);
    if (button && isRendered(button, layout)) button.click();
  }

  function onCommand(command: ContentCommand): void {
    if (command.type === 'bg:vault-unlocked') {
      if (stage === 'waiting-unlock') resume(waitingRetry, waitingManual);
      if (chooserAwaitingUnlock) {
        chooserAwaitingUnlock = chooserAnswered = false;
        check();
      }
    } else if (command.type === 'bg:fill-now') {
      // The keyboard command is the user asking: it also serves a prompt automatic filling left
      // alone, but never a second time after the retry was spent, and never over our own fill.
      if (stage === 'asking' || stage === 'filled' || wrongCodes > RETRIES_AFTER_WRONG_CODE) return;
      resume(stage.startsWith('waiting') && waitingRetry, true);
    }
  }

  /** Remembers which tile was picked on the chooser, by the user or by us (DESIGN.md's first rule). */
  function recordPick(event: Event): void {
    const key = (event as KeyboardEvent).key;
    if (event.type === 'keydown' && key !== 'Enter' && key !== ' ') return;
    const proof = proofPickedBy(event.target);
    if (proof) pick(proof);
  }

  function pick(proof: string): void {
    pickedProof = proof;
    storePickedProof(storage, proof, now());
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

  /** Reports why nothing was filled, once per reason: the page mutates often. */
  function reportOnce(kind: 'not-totp' | 'no-field', reason: string): void {
    if (reported.has(reason)) return;
    reported.add(reason);
    report({ kind, reason });
  }

  function stop(): void {
    stage = 'stopped';
    clearTimeout(waitTimer);
    observer.disconnect();
    doc.removeEventListener('click', recordPick, true);
    doc.removeEventListener('keydown', recordPick, true);
    unsubscribe();
  }
}
