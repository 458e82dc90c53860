/**
 * Which Microsoft sign-in page this is (DESIGN.md, "Microsoft sign-in pages"). Pages that
 * ask for a code that is not a TOTP come first, so nothing below can mistake them for a
 * prompt: the device-code page (an `otc` input at `/common/oauth2/deviceauth`) and the
 * emailed-code pages of login.live.com (`#idTxtBx_OTC_Password`, `#iOttText`).
 */
import { isChooserPage } from './chooser';
import { LIVE_CODE_FIELD_SELECTOR } from './code-field';
import { LIVE_HOST } from './hosts';
import { isKmsiPage } from './kmsi';
import { isNeverFillUrl } from './never-fill';

export type PageKind =
  /** "Enter code" (`PageID` ConvergedTFA, `#idTxtBx_SAOTCC_OTC`): TOTP, SMS or voice. */
  | 'enter-code'
  /** login.live.com's newer UI asking for a code (`input[name="otc"]`, `#otc-confirmation-input`). */
  | 'live-code'
  /** "Verify your identity": pick a method. */
  | 'chooser'
  /** "Stay signed in?" */
  | 'kmsi'
  | 'device-code'
  | 'email-code'
  | 'other';

export function pageKind(doc: Document = document): PageKind {
  if (isNeverFillUrl(doc.URL)) return 'device-code';
  if (doc.querySelector('#idTxtBx_OTC_Password, #iOttText')) return 'email-code';
  if (isKmsiPage(doc)) return 'kmsi';
  if (doc.getElementById('idTxtBx_SAOTCC_OTC')) return 'enter-code';
  if (doc.location?.hostname === LIVE_HOST && doc.querySelector(LIVE_CODE_FIELD_SELECTOR)) {
    return 'live-code';
  }
  if (isChooserPage(doc)) return 'chooser';
  return 'other';
}

/** A page whose code box takes a TOTP when the active method is one. */
export function isCodePrompt(kind: PageKind): boolean {
  return kind === 'enter-code' || kind === 'live-code';
}
