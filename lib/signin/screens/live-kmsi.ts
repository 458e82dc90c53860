/**
 * login.live.com's "Stay signed in?": `[data-testid="kmsiVideo"]`, Yes is
 * `button[data-testid="primaryButton"]`, No `button[data-testid="secondaryButton"]`
 * (TheNetsky/Microsoft-Rewards-Script `src/browser/auth/Login.ts`, KMSI_PROMPT).
 */
import { SCREEN_CUES } from '../screen-cues';
import { isRendered } from '../visibility';
import type { Elements, Screen } from './types';

export const liveKmsi: Screen = {
  name: 'live-kmsi',
  order: 51,
  read(page) {
    const { doc } = page;
    if (!SCREEN_CUES['live-kmsi'](doc)) return null;
    const elements: Elements = {};
    const yes = doc.querySelector<HTMLButtonElement>('button[data-testid="primaryButton"]');
    const no = doc.querySelector<HTMLButtonElement>('button[data-testid="secondaryButton"]');
    if (yes && !yes.disabled && isRendered(yes, page.layout)) elements['kmsi-yes'] = yes;
    if (no && !no.disabled && isRendered(no, page.layout)) elements['kmsi-no'] = no;
    return { screen: 'kmsi', ready: elements['kmsi-yes'] !== undefined, elements };
  },
};
