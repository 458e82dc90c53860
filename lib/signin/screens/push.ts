/**
 * Entra "Approve sign in request" (Authenticator push with number matching):
 * `#idDiv_SAOTCAS_Title`, `#idDiv_SAOTCAS_Description`, the number `#idRichContext_DisplaySign`,
 * and `a#signInAnotherWay` ("I can't use my Microsoft Authenticator app right now"), which opens
 * the proofs list (estruyf/playwright-m365-helpers `src/auth/login.ts`; aws-azure-login
 * `src/login.ts`). The way to a code is that link, when the account has an app-code or
 * OATH-token method in `$Config.arrUserProofs`. The number is never read or typed anywhere.
 */
import { pageAccount } from '../page-account';
import { TOTP_PROOF } from '../proof-method';
import { SCREEN_CUES } from '../screen-cues';
import { isVisible } from '../visibility';
import type { Screen } from './types';

export const push: Screen = {
  name: 'push',
  order: 40,
  read(page) {
    const { doc } = page;
    if (!SCREEN_CUES.push(doc)) return null;
    const link = doc.querySelector<HTMLElement>('a#signInAnotherWay');
    const usable = link && isVisible(link, page.layout) ? link : null;
    return {
      screen: 'switch-to-code',
      from: 'push',
      account: pageAccount(doc, page.config),
      codeProof: page.config?.proofs.some((proof) => proof.authMethodId === TOTP_PROOF) ?? false,
      way: usable ? 'other-ways' : null,
      elements: usable ? { 'other-ways': usable } : {},
    };
  },
};
