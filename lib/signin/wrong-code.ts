/**
 * "Wrong code" as the page shows it (docs/ARCHITECTURE.md, 'Microsoft sign-in pages'): the input
 * gets class `has-error`, and the message ("You didn't enter the expected verification code. Please
 * try again.") is in `#idSpan_SAOTCC_Error_OTC` or `#idDiv_SAOTCC_ErrorMsg_OTC`. login.live.com's
 * newer UI has no SAOTCC ids: there the field's `aria-invalid="true"` is the standard signal.
 */
import { browserLayout, isRendered, type Layout } from './visibility';

const ERROR_MESSAGE_IDS = ['idSpan_SAOTCC_Error_OTC', 'idDiv_SAOTCC_ErrorMsg_OTC'];

export function isWrongCodeShown(
  field: HTMLInputElement,
  layout: Layout = browserLayout(field.ownerDocument),
): boolean {
  if (field.classList.contains('has-error') || field.getAttribute('aria-invalid') === 'true') return true;
  return ERROR_MESSAGE_IDS.some((id) => {
    const message = field.ownerDocument.getElementById(id);
    return !!message && (message.textContent ?? '').trim() !== '' && isRendered(message, layout);
  });
}
