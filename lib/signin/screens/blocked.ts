/**
 * Error pages that stop a sign-in: any page showing an AADSTS code (50196 too many sign-ins, 50053
 * locked, 50076/50079 MFA required or registration: docs/ARCHITECTURE.md, 'Microsoft sign-in
 * pages'), and login.live.com's account-locked page `#serviceAbuseLandingTitle`
 * (TheNetsky/Microsoft-Rewards-Script `src/browser/auth/Login.ts`, ACCOUNT_LOCKED). Reported at
 * once, with the code.
 */
import { SCREEN_CUES } from '../screen-cues';
import { screenSummary } from '../screen-summary';
import type { Screen } from './types';

export const blocked: Screen = {
  name: 'blocked',
  order: 80,
  read(page) {
    if (!SCREEN_CUES.blocked(page.doc)) return null;
    return { screen: 'blocked', summary: screenSummary(page.doc, page.config) };
  },
};
