/**
 * login.live.com's "other ways to sign in" list: tiles `[data-testid="tile"]`. Tiles are told
 * apart by their structural attributes (`data-value`, ids, names, image sources), never their
 * translated labels; a tile whose attributes name `PhoneAppOTP` or `totp` is the app code
 * (TheNetsky/Microsoft-Rewards-Script `src/browser/auth/Login.ts`, which reads the same
 * attributes and treats "phone app otp|totp" as the code method). Answered like the Entra chooser.
 */
import { pageAccount } from '../page-account';
import { SCREEN_CUES } from '../screen-cues';
import { isVisible } from '../visibility';
import type { Screen } from './types';

const STRUCTURAL_ATTRIBUTES = ['data-value', 'id', 'name', 'src', 'data-testid'];
const CODE_SIGNATURE = /phone[\s_-]*app[\s_-]*otp|\btotp\b/i;

/** The attributes of a tile and everything inside it that say what it is. */
function signature(tile: Element): string {
  return [tile, ...Array.from(tile.querySelectorAll('*'))]
    .flatMap((node) => STRUCTURAL_ATTRIBUTES.map((name) => node.getAttribute(name) ?? ''))
    .join(' ');
}

export const liveOtherWays: Screen = {
  name: 'live-other-ways',
  order: 31,
  read(page) {
    if (!SCREEN_CUES['live-other-ways'](page.doc)) return null;
    const tiles = Array.from(page.doc.querySelectorAll<HTMLElement>('[data-testid="tile"]'));
    const codeTiles = tiles.filter((tile) => CODE_SIGNATURE.test(signature(tile)) && isVisible(tile, page.layout));
    const tile = codeTiles.length === 1 ? codeTiles[0] : undefined;
    return {
      screen: 'chooser',
      account: pageAccount(page.doc, page.config),
      codeTile: tile !== undefined,
      elements: tile ? { 'code-tile': tile } : {},
    };
  },
};
