/**
 * What every screen module (lib/signin/screens/*.ts) shares. A screen module recognises its
 * screen from the page's data (ids, names, `data-testid`, `$Config`; never translated text
 * alone) and says what it sees as a `ScreenReading`: plain data the pure `step`
 * (lib/content/step.ts) decides on, plus the elements an effect may act on, which `step`
 * never touches.
 */
import type { ActiveMethod } from '../active-method';
import type { PageConfig } from '../page-config';
import type { ScreenSummary } from '../screen-summary';
import type { Layout } from '../visibility';

/** What a screen module reads from: the document and what was already worked out about it. */
export interface PageFacts {
  doc: Document;
  layout: Layout;
  /** The page's `$Config`, parsed once per document (page-config.ts). */
  config: PageConfig | null;
  /** The proof picked on a chooser in this tab (by the user or by us), if any. */
  pickedProof: string | null;
}

/** The elements an effect can act on, by role. */
export type Target = 'field' | 'code-tile' | 'other-ways' | 'kmsi-yes' | 'kmsi-no';
export type Elements = Partial<Record<Target, HTMLElement>>;

export interface CodeFieldFacts {
  value: string;
  /** The field's maxlength, or null when it sets none. */
  maxLength: number | null;
  wrongCodeShown: boolean;
}

export type ScreenReading =
  /** A code box: Entra "Enter code", or login.live.com's one-time-code view. */
  | {
      screen: 'code-prompt';
      account: string | null;
      field: CodeFieldFacts | null;
      /** Why there is no field to fill, when there is none. */
      fieldProblem: 'none-visible' | 'several-visible' | null;
      method: ActiveMethod;
    }
  /** A list of methods with an app-code tile: Entra "Verify your identity", live.com "other ways". */
  | { screen: 'chooser'; account: string | null; codeTile: boolean }
  /**
   * A screen that waits for something else (a push approval, a passkey) and offers a way to a
   * code: the code tile itself, or a link to the list of methods.
   */
  | {
      screen: 'switch-to-code';
      /** The push approval, the passkey picker, or the passkey (WebAuthn) prompt. */
      from: 'push' | 'passkey' | 'passkey-prompt';
      account: string | null;
      /** The account has an app-code or OATH-token method (`$Config.arrUserProofs`). */
      codeProof: boolean;
      way: 'code-tile' | 'other-ways' | null;
    }
  /** "Stay signed in?"; `ready` once its buttons are shown. */
  | { screen: 'kmsi'; ready: boolean }
  /** A code that is not a TOTP, recognised from ids: never filled. */
  | { screen: 'never-fill'; reason: 'email' }
  /** Throttling, lockout and other error pages: the sign-in stops here. */
  | { screen: 'blocked'; summary: ScreenSummary }
  /** Username, password: the person is at work. */
  | { screen: 'sign-in-form' }
  /** Nothing shown yet (the pages start with the body display:none). */
  | { screen: 'loading' }
  /** Nothing the extension knows. */
  | { screen: 'unknown'; summary: ScreenSummary };

export type Reading = ScreenReading & { name: string; elements: Elements };

/** One screen module: its name, and its reading of a page, or null when the page is not this screen. */
export interface Screen {
  name: string;
  /** Lower runs first: never-fill and error screens before the ones that act. */
  order: number;
  read(page: PageFacts): (ScreenReading & { elements?: Elements }) | null;
}
