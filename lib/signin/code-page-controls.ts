/**
 * The other controls of the "Enter code" page (docs/ARCHITECTURE.md, 'Microsoft sign-in pages'):
 * submit `#idSubmit_SAOTCC_Continue` ("Verify") and "Don't ask again for N days"
 * `#idChkBx_SAOTCC_TD` (`name="rememberMFA"`). They are clicked, not set, so the page's own click
 * bindings run.
 */

/** Ticks "Don't ask again" unless it is already ticked. True when it ends up ticked. */
export function tickDontAskAgain(doc: Document = document): boolean {
  const checkbox = doc.getElementById('idChkBx_SAOTCC_TD') as HTMLInputElement | null;
  if (!checkbox || checkbox.disabled) return false;
  if (!checkbox.checked) checkbox.click();
  return checkbox.checked;
}

/**
 * The button that submits `field`: `#idSubmit_SAOTCC_Continue`, else (login.live.com) the one
 * submit button of the field's form.
 */
export function submitButton(field: HTMLInputElement): HTMLElement | null {
  const verify = field.ownerDocument.getElementById('idSubmit_SAOTCC_Continue');
  if (verify) return verify;
  const buttons =
    field.form?.querySelectorAll<HTMLElement>('button[type="submit"], button:not([type]), input[type="submit"]') ?? [];
  return buttons.length === 1 ? (buttons[0] ?? null) : null;
}

/** Clicks the submit button if it is there and enabled. True when it was clicked. */
export function submitCode(field: HTMLInputElement): boolean {
  const button = submitButton(field);
  if (!button || (button as HTMLButtonElement).disabled) return false;
  button.click();
  return true;
}
