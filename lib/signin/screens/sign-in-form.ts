/**
 * Username and password screens: the person is typing, nothing to report however long it
 * takes. Entra `input[name="loginfmt"]`, `input[name="passwd"]`; login.live.com's new UI
 * `input#usernameEntry`, `[data-testid="passwordEntry"]` (TheNetsky/Microsoft-Rewards-Script
 * `src/browser/auth/Login.ts`).
 */
import type { Screen } from './types';

const FORM_SELECTOR =
  'input[name="loginfmt"], input[name="passwd"], input#usernameEntry, [data-testid="passwordEntry"]';

export const signInForm: Screen = {
  name: 'sign-in-form',
  order: 90,
  read: (page) => (page.doc.querySelector(FORM_SELECTOR) ? { screen: 'sign-in-form' } : null),
};
