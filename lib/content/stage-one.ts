/**
 * The content script's first stage, the one the manifest loads on every page of the sign-in hosts
 * (docs/ARCHITECTURE.md, 'Content script'). It holds no decision: it watches the page as the runner
 * does and, once the page shows anything the runner might act on, asks the background to start the
 * runner (stage two, entrypoints/mfa-runner.ts) in this document, then stops. On the username and
 * password screens, which are most of the pages these hosts serve, nothing more is ever loaded.
 */
import { LIVE_HOST } from '../signin/hosts';
import { cachedPageConfig } from '../signin/page-config';
import { SCREEN_CUES } from '../signin/screen-cues';
import { browserLayout, isRendered, type Layout } from '../signin/visibility';
import { mayAutofill } from './may-autofill';
import { watchPageChanges } from './page-changes';

/** `$Config.pgid` of the username and password screens (and the passkey views they lead to). */
const SIGN_IN_PAGE_ID = 'ConvergedSignIn';
/**
 * login.live.com's password view (sign-in-form.ts): its single-page app shows the code view in the
 * same document after it, with nothing in the page beforehand that says so.
 */
const LIVE_PASSWORD_VIEW = '[data-testid="passwordEntry"], input[type="password"]';

/**
 * True when the runner could do anything on this page: a screen module's first test matches (a
 * code prompt, a chooser, a push or passkey screen, "Stay signed in?", an emailed code or an error
 * page, each of which the runner answers or reports), or the page is rendered and is not the
 * username or password form (a screen no module knows, which the runner reports once it holds the
 * sign-in). What is left, a page still loading or showing the sign-in form, is exactly what the
 * runner reads as `loading` or `sign-in-form` and never acts on. A server page other than the
 * sign-in form's (`$Config.pgid`, in the page from its first byte, such as ConvergedTFA for the
 * code prompt) starts the runner before the page renders, and login.live.com's password view
 * starts it while the person types, so the code prompt that follows never waits for it (README.md,
 * 'Performance').
 */
export function pageNeedsRunner(doc: Document, layout: Layout): boolean {
  for (const [screen, cue] of Object.entries(SCREEN_CUES)) {
    if (screen !== 'sign-in-form' && cue(doc)) return true;
  }
  const pageId = cachedPageConfig(doc)?.pageId;
  if (pageId && pageId !== SIGN_IN_PAGE_ID) return true;
  if (doc.location?.hostname === LIVE_HOST && doc.querySelector(LIVE_PASSWORD_VIEW)) return true;
  const body = doc.body;
  return !!body && isRendered(body, layout) && !SCREEN_CUES['sign-in-form'](doc);
}

export interface StageOnePorts {
  /** Asks the background to start the runner in this document; true once it runs there. */
  startRunner: () => Promise<boolean>;
  doc?: Document;
  layout?: Layout;
  /** Default: the document's window is the top window. */
  isTopFrame?: boolean;
}

/**
 * Watches the page until it needs the runner, then has it started and stops. Null when this page
 * or frame is not one to fill (the same guards as the runner's). A failed start (no background
 * to answer) is tried again at the page's next change, never in a loop.
 */
export function startStageOne(ports: StageOnePorts): { stop(): void } | null {
  const doc = ports.doc ?? document;
  const win = doc.defaultView;
  const isTopFrame = !!win && (ports.isTopFrame ?? win.top === win);
  if (!win || !mayAutofill(doc.URL, isTopFrame)) return null;
  const layout = ports.layout ?? browserLayout(doc);
  let asking = false;
  let done = false;
  const unwatch = watchPageChanges(doc, look);
  look();
  return { stop };

  function look(): void {
    if (done || asking || !pageNeedsRunner(doc, layout)) return;
    asking = true;
    ports.startRunner().then(
      (started) => {
        asking = false;
        if (started) stop();
      },
      () => {
        asking = false;
      },
    );
  }

  function stop(): void {
    done = true;
    unwatch();
  }
}
