/**
 * The "Stay signed in?" page. It is recognised by `#KmsiCheckboxField` only: its buttons
 * `#idSIButton9` (Yes) and `#idBtn_Back` (No) reuse ids that every sign-in page has, e.g. the
 * username page's "Next" is `#idSIButton9` too (docs/ARCHITECTURE.md, 'Microsoft sign-in pages').
 */

export function isKmsiPage(doc: Document = document): boolean {
  return doc.getElementById('KmsiCheckboxField') !== null;
}

/** The button that answers "Stay signed in?", or null when this is not that page. */
export function kmsiButton(answer: 'yes' | 'no', doc: Document = document): HTMLElement | null {
  if (!isKmsiPage(doc)) return null;
  const button = doc.getElementById(answer === 'yes' ? 'idSIButton9' : 'idBtn_Back');
  if (!button || (button as HTMLInputElement).disabled) return null;
  return button;
}
