/**
 * Emailed codes, never filled: login.live.com's older `#idTxtBx_OTC_Password` / `#iOttText`
 * (docs/ARCHITECTURE.md, 'Microsoft sign-in pages'), and the new UI's code entry
 * `[data-testid="codeEntry"]` / `[data-testid="codeInputWrapper"]`
 * (TheNetsky/Microsoft-Rewards-Script `src/browser/auth/Login.ts` OTP_CODE_ENTRY,
 * `methods/GetACodeLogin.ts`), which also uses `#otc-confirmation-input`: this runs before
 * live-code.ts.
 */
import { SCREEN_CUES } from '../screen-cues';
import type { Screen } from './types';

export const emailCode: Screen = {
  name: 'email-code',
  order: 10,
  read: (page) => (SCREEN_CUES['email-code'](page.doc) ? { screen: 'never-fill', reason: 'email' } : null),
};
