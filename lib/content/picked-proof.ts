/**
 * "The proof the user picked on the chooser in this tab" outranks everything else when deciding the
 * active method (docs/ARCHITECTURE.md, 'Fill rules'). The chooser and the code prompt may be
 * separate documents, so the pick is kept in the tab's sessionStorage (per tab and origin, gone
 * when the tab closes) as well as in memory. A pick older than PICK_LIFETIME_MS belongs to an
 * earlier sign-in and is ignored.
 */

const PICKED_PROOF_KEY = 'mfa-autofill:picked-proof';
/** Long enough to read the code page and fetch a code; short enough not to outlive the sign-in. */
export const PICK_LIFETIME_MS = 10 * 60_000;

/** The page's storage can be unavailable (blocked storage, sandboxed documents): then memory only. */
export function tabSessionStorage(win: Window | null): Storage | null {
  try {
    return win?.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/** Keeps `proof` as picked at `now`; null forgets the pick. */
export function storePickedProof(storage: Storage | null, proof: string | null, now: number): void {
  try {
    if (proof) storage?.setItem(PICKED_PROOF_KEY, `${now} ${proof}`);
    else storage?.removeItem(PICKED_PROOF_KEY);
  } catch {
    // Quota or access errors only lose the cross-document copy; the in-memory pick remains.
  }
}

export function recallPickedProof(storage: Storage | null, now: number): string | null {
  try {
    // "<epoch ms> <proof>", as storePickedProof writes it; anything else is no pick.
    const [, at, proof] = /^(\d+) (\w+)$/.exec(storage?.getItem(PICKED_PROOF_KEY) ?? '') ?? [];
    const age = now - Number(at);
    return proof && age >= 0 && age <= PICK_LIFETIME_MS ? proof : null;
  } catch {
    return null;
  }
}
