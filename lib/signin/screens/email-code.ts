/**
 * Emailed codes, never filled: login.live.com's older `#idTxtBx_OTC_Password` / `#iOttText`
 * (docs/ARCHITECTURE.md, 'Microsoft sign-in pages'), and the new UI's code entry
 * `[data-testid="codeEntry"]` / `[data-testid="codeInputWrapper"]`
 * (TheNetsky/Microsoft-Rewards-Script `src/browser/auth/Login.ts` OTP_CODE_ENTRY,
 * `methods/GetACodeLogin.ts`), which also uses `#otc-confirmation-input`: this runs before
 * live-code.ts.
 */
import type { Screen } from './types';

const EMAIL_CODE_SELECTOR =
  '#idTxtBx_OTC_Password, #iOttText, [data-testid="codeEntry"], [data-testid="codeInputWrapper"]';

export const emailCode: Screen = {
  name: 'email-code',
  order: 10,
  read: (page) => (page.doc.querySelector(EMAIL_CODE_SELECTOR) ? { screen: 'never-fill', reason: 'email' } : null),
};
