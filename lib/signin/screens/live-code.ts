/**
 * login.live.com's one-time-code view (React, Fluent 2): `form[name="OneTimeCodeViewForm"]
 * input` / `input#floatingLabelInput5`, or `input#otc-confirmation-input[name="otc"]`
 * (TheNetsky/Microsoft-Rewards-Script `src/browser/auth/methods/Totp2FALogin.ts`,
 * `src/browser/auth/Login.ts`). The emailed-code view shares `#otc-confirmation-input`
 * (`methods/GetACodeLogin.ts`), so email-code.ts runs first, and the method must still be a
 * TOTP by the usual evidence (active-method.ts).
 */
import { readCodePrompt } from '../code-prompt';
import { SCREEN_CUES } from '../screen-cues';
import type { Screen } from './types';

export const liveCode: Screen = {
  name: 'live-code',
  order: 21,
  read: (page) => (SCREEN_CUES['live-code'](page.doc) ? readCodePrompt(page) : null),
};
