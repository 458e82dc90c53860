/**
 * Empties the clipboard from a page that has a DOM (Chrome's offscreen document, Firefox's
 * background page). Extension code cannot read the clipboard without the clipboardRead
 * permission, which we do not ask for, so it cannot check what the clipboard holds first:
 * a later copy of ours re-arms the timer instead (README.md, 'Clipboard').
 */
export function clearClipboardIn(doc: Document): boolean {
  const blank = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  doc.addEventListener('copy', blank, { once: true });
  try {
    // execCommand is deprecated for pages, but it is what works in an unfocused extension document.
    return doc.execCommand('copy');
  } finally {
    doc.removeEventListener('copy', blank);
  }
}

/** Keeps one pending clear: a new copy replaces the timer of the previous one. */
export function clipboardClearTimer(clear: () => void) {
  let pending: ReturnType<typeof setTimeout> | undefined;
  return (delayMs: number) => {
    clearTimeout(pending);
    pending = setTimeout(() => {
      pending = undefined;
      clear();
    }, delayMs);
  };
}
