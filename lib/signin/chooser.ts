/**
 * The "Verify your identity" chooser: `#idDiv_SAOTCS_Proofs` (`role="list"`) of tiles
 * `[role="button"][data-value="PhoneAppOTP" | "OneWaySMS" | "PhoneAppNotification" | …]`;
 * "Use a verification code" is `PhoneAppOTP` (docs/ARCHITECTURE.md, 'Microsoft sign-in pages').
 */
import { TOTP_PROOF } from './proof-method';
import { browserLayout, isVisible, type Layout } from './visibility';

export const PROOF_LIST_ID = 'idDiv_SAOTCS_Proofs';
const TILE_SELECTOR = `#${PROOF_LIST_ID} [role="button"][data-value]`;

export function isChooserPage(doc: Document = document): boolean {
  return doc.getElementById(PROOF_LIST_ID) !== null;
}

/**
 * The "Use a verification code" tile, when exactly one is visible. Two would be two TOTP
 * proofs (an app and a hardware token), and only the user knows which one the vault holds.
 */
export function verificationCodeTile(
  doc: Document = document,
  layout: Layout = browserLayout(doc),
): HTMLElement | null {
  const tiles = Array.from(doc.querySelectorAll<HTMLElement>(TILE_SELECTOR)).filter(
    (tile) => tile.dataset.value === TOTP_PROOF && isVisible(tile, layout),
  );
  return tiles.length === 1 ? (tiles[0] ?? null) : null;
}

/** The proof a click or key press on the chooser picked (the tile's `data-value`), if it hit a tile. */
export function proofPickedBy(target: EventTarget | null): string | null {
  // Text nodes and the document have no `closest`.
  const tile = (target as Partial<Element> | null)?.closest?.<HTMLElement>(TILE_SELECTOR);
  return tile?.dataset.value || null;
}
