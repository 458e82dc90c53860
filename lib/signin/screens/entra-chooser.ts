/**
 * Entra "Verify your identity": `#idDiv_SAOTCS_Proofs` (`role="list"`), tiles
 * `[role="button"][data-value]`; "Use a verification code" is `PhoneAppOTP` (docs/ARCHITECTURE.md,
 * 'Microsoft sign-in pages').
 */
import { verificationCodeTile } from '../chooser';
import { pageAccount } from '../page-account';
import { SCREEN_CUES } from '../screen-cues';
import type { Screen } from './types';

export const entraChooser: Screen = {
  name: 'entra-chooser',
  order: 30,
  read(page) {
    if (!SCREEN_CUES['entra-chooser'](page.doc)) return null;
    const tile = verificationCodeTile(page.doc, page.layout);
    return {
      screen: 'chooser',
      account: pageAccount(page.doc, page.config),
      codeTile: tile !== null,
      elements: tile ? { 'code-tile': tile } : {},
    };
  },
};
