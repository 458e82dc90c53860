/**
 * Sets a field "the way the page's own bindings see it" (docs/ARCHITECTURE.md, 'Fill rules'): the
 * native value setter, then `input` and `change` events. The setter from the prototype bypasses any
 * setter a framework put on the element (React's value tracker on login.live.com), so the framework
 * sees the `input` event as a real change; knockout's `textInput`/`value` bindings read the value
 * on those events.
 */
export function setFieldValue(field: HTMLInputElement, value: string): void {
  // The field's own window: in tests the document is not the global one.
  const win = field.ownerDocument.defaultView ?? window;
  const setValue = Object.getOwnPropertyDescriptor(win.HTMLInputElement.prototype, 'value')?.set;
  if (setValue) setValue.call(field, value);
  else field.value = value;
  field.dispatchEvent(new win.Event('input', { bubbles: true }));
  field.dispatchEvent(new win.Event('change', { bubbles: true }));
}
