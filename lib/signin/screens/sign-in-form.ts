/**
 * Username and password screens: the person is typing, nothing to report however long it
 * takes. Entra `input[name="loginfmt"]`, `input[name="passwd"]`; login.live.com's new UI
 * `input#usernameEntry`, `[data-testid="passwordEntry"]` (TheNetsky/Microsoft-Rewards-Script
 * `src/browser/auth/Login.ts`).
 */
import { SCREEN_CUES } from '../screen-cues';
import type { Screen } from './types';

export const signInForm: Screen = {
  name: 'sign-in-form',
  order: 90,
  read: (page) => (SCREEN_CUES['sign-in-form'](page.doc) ? { screen: 'sign-in-form' } : null),
};
