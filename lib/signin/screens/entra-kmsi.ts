/**
 * Entra "Stay signed in?": recognised by `#KmsiCheckboxField` only, because its buttons
 * `#idSIButton9` (Yes) and `#idBtn_Back` (No) reuse ids every sign-in page has
 * (docs/ARCHITECTURE.md, 'Microsoft sign-in pages').
 */
import { kmsiButton } from '../kmsi';
import { SCREEN_CUES } from '../screen-cues';
import { isRendered } from '../visibility';
import type { Elements, Screen } from './types';

export const entraKmsi: Screen = {
  name: 'entra-kmsi',
  order: 50,
  read(page) {
    if (!SCREEN_CUES['entra-kmsi'](page.doc)) return null;
    const elements: Elements = {};
    const yes = kmsiButton('yes', page.doc);
    const no = kmsiButton('no', page.doc);
    // Knockout shows the page late: answered once its Yes button is on screen.
    if (yes && isRendered(yes, page.layout)) elements['kmsi-yes'] = yes;
    if (no && isRendered(no, page.layout)) elements['kmsi-no'] = no;
    return { screen: 'kmsi', ready: elements['kmsi-yes'] !== undefined, elements };
  },
};
