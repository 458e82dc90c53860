/**
 * How both stages of the content script watch a sign-in page (docs/ARCHITECTURE.md, 'Content
 * script'). The pages render late with knockout or React and the body starts display:none
 * (docs/ARCHITECTURE.md, 'Microsoft sign-in pages'): insertions, text, and the style and class
 * changes that unhide things are watched. No polling.
 */

const PAGE_CHANGES: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['style', 'class', 'hidden', 'disabled', 'aria-invalid'],
};

/**
 * Calls `look` on every change of the page, at most once per frame and without delaying the
 * first: a change after a quiet frame is looked at at once (the field appearing is filled in the
 * same task), and any more in that frame are looked at together at the next one. A timer stands in
 * for frames in a hidden tab. Returns the disconnect.
 */
export function watchPageChanges(doc: Document, look: () => void): () => void {
  const win = doc.defaultView;
  if (!win) return () => {};
  let frameBusy = false;
  let lookPending = false;
  const onChange = (): void => {
    if (frameBusy) {
      lookPending = true;
      return;
    }
    look();
    frameBusy = true;
    const release = () => {
      if (!frameBusy) return;
      frameBusy = false;
      if (lookPending) {
        lookPending = false;
        onChange();
      }
    };
    win.requestAnimationFrame?.(release);
    setTimeout(release, 50);
  };
  const observer = new win.MutationObserver(onChange);
  observer.observe(doc, PAGE_CHANGES);
  return () => observer.disconnect();
}
