/**
 * Entra "Enter code" (`PageID` ConvergedTFA): input `#idTxtBx_SAOTCC_OTC`, which takes TOTP, SMS
 * and voice codes alike; the active method decides (active-method.ts). docs/ARCHITECTURE.md,
 * 'Microsoft sign-in pages'.
 */
import { readCodePrompt } from '../code-prompt';
import { SCREEN_CUES } from '../screen-cues';
import type { Screen } from './types';

export const entraCode: Screen = {
  name: 'entra-code',
  order: 20,
  read: (page) => (SCREEN_CUES['entra-code'](page.doc) ? readCodePrompt(page) : null),
};
