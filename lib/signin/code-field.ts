/**
 * Which input takes the code. The "Enter code" page's input is `#idTxtBx_SAOTCC_OTC`
 * (`name="otc"`); login.live.com's newer UI uses `input[name="otc"]` or `#otc-confirmation-input`
 * (docs/ARCHITECTURE.md, 'Microsoft sign-in pages'). The page can also hold copies moved off-screen
 * (class `moveOffScreen`): only the visible one counts, and anything but exactly one visible
 * enabled candidate fills nothing.
 */
import { browserLayout, isVisible, type Layout } from './visibility';

/**
 * login.live.com's newer UI (docs/ARCHITECTURE.md, 'Microsoft sign-in pages';
 * TheNetsky/Microsoft-Rewards-Script `src/browser/auth/methods/Totp2FALogin.ts` names both the form
 * and the `otc` inputs).
 */
export const LIVE_CODE_FIELD_SELECTOR =
  'input[name="otc"], #otc-confirmation-input, form[name="OneTimeCodeViewForm"] input[type="text"], input#floatingLabelInput5';
export const CODE_FIELD_SELECTOR = `#idTxtBx_SAOTCC_OTC, ${LIVE_CODE_FIELD_SELECTOR}`;

export type CodeFieldChoice =
  | { field: HTMLInputElement; reason: null }
  | { field: null; reason: 'none-visible' | 'several-visible' };

export function chooseCodeField(doc: Document = document, layout: Layout = browserLayout(doc)): CodeFieldChoice {
  const visible = codeFieldCandidates(doc).filter((field) => isVisible(field, layout));
  if (visible.length === 1 && visible[0]) return { field: visible[0], reason: null };
  return { field: null, reason: visible.length === 0 ? 'none-visible' : 'several-visible' };
}

/** Enabled, editable code inputs that are not off-screen copies, before any geometry is asked. */
export function codeFieldCandidates(doc: Document = document): HTMLInputElement[] {
  // localName, not instanceof: a document from another window (a test's page) has its own classes.
  return Array.from(doc.querySelectorAll(CODE_FIELD_SELECTOR)).filter(
    (element): element is HTMLInputElement =>
      element.localName === 'input' &&
      (element as HTMLInputElement).type !== 'hidden' &&
      !(element as HTMLInputElement).disabled &&
      !(element as HTMLInputElement).readOnly &&
      !element.closest('.moveOffScreen'),
  );
}
