/**
 * Entra "Choose a way to sign in" (passkey first): `#credentialList` of tiles
 * `div[data-test-cred-id]`, with a push number in `#idRemoteNGC_DisplaySign` (aws-azure-login
 * PR #369). The tile ids are Entra's credential types (1 password, 2 PhoneAppNotification,
 * 3 PhoneAppOTP, 4 OneWaySMS, 7 FIDO), as public automation maps them; a tile carrying
 * `data-value="PhoneAppOTP"` counts too. The app-code tile is the way to a code; the account
 * has that method when `$Config.arrUserProofs` lists it or the page offers its tile.
 */
import { pageAccount } from '../page-account';
import { TOTP_PROOF } from '../proof-method';
import { SCREEN_CUES } from '../screen-cues';
import { isVisible } from '../visibility';
import type { Screen } from './types';

const CODE_TILE_SELECTOR = '[data-test-cred-id="3"], [data-test-cred-id][data-value="PhoneAppOTP"]';

export const passkey: Screen = {
  name: 'passkey',
  order: 41,
  read(page) {
    if (!SCREEN_CUES.passkey(page.doc)) return null;
    const list = page.doc.getElementById('credentialList') as HTMLElement;
    const tiles = Array.from(list.querySelectorAll<HTMLElement>(CODE_TILE_SELECTOR)).filter((tile) =>
      isVisible(tile, page.layout),
    );
    const tile = tiles.length === 1 ? tiles[0] : undefined;
    const listed = page.config?.proofs.some((proof) => proof.authMethodId === TOTP_PROOF) ?? false;
    return {
      screen: 'switch-to-code',
      from: 'passkey',
      account: pageAccount(page.doc, page.config),
      codeProof: listed || tile !== undefined,
      way: tile ? 'code-tile' : null,
      elements: tile ? { 'code-tile': tile } : {},
    };
  },
};
