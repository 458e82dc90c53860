/**
 * "A visible enabled field" (docs/ARCHITECTURE.md, 'Fill rules'): non-zero size, in the viewport,
 * not `visibility:hidden` or `display:none`, the product of the computed opacities of the field and
 * all its ancestors up to `html` at least 0.7, and the field on top at its centre per
 * `elementsFromPoint`. Bitwarden's hostile fixtures (hidden field, clickjacking overlay) are the
 * reason for each rule.
 *
 * The geometry comes through a `Layout`, so tests can supply it: happy-dom has no layout.
 */

export const MIN_OPACITY = 0.7;

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface StyleFacts {
  display: string;
  visibility: string;
  opacity: string;
}

export interface Layout {
  /** The border box in viewport coordinates (getBoundingClientRect). */
  box(element: Element): Box;
  viewport(): { width: number; height: number };
  /** Elements at a viewport point, topmost first (document.elementsFromPoint). */
  elementsAt(x: number, y: number): readonly Element[];
  /** Computed style (getComputedStyle). */
  style(element: Element): StyleFacts;
}

/** The real geometry of a document that is shown in a window. */
export function browserLayout(doc: Document = document): Layout {
  const win = doc.defaultView as Window;
  return {
    // A link that wraps onto two lines has a bounding box whose centre can be blank page: its
    // first line box is where it is drawn.
    box: (element) => {
      const lines = element.getClientRects();
      return lines.length > 1 && lines[0] ? lines[0] : element.getBoundingClientRect();
    },
    viewport: () => ({ width: win.innerWidth, height: win.innerHeight }),
    // Without hit testing nothing can be shown to be on top: fail closed.
    elementsAt: (x, y) => doc.elementsFromPoint?.(x, y) ?? [],
    style: (element) => win.getComputedStyle(element),
  };
}

/**
 * Shown by its styles: no `display:none` on it or an ancestor, not `visibility:hidden`, and the
 * opacities multiplied up to `html` at least MIN_OPACITY. Needs no geometry.
 */
export function isRendered(element: Element, layout: Layout = browserLayout(element.ownerDocument)): boolean {
  const visibility = layout.style(element).visibility;
  if (visibility === 'hidden' || visibility === 'collapse') return false;
  let opacity = 1;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = layout.style(node);
    // The hidden attribute is display:none by the browser's own style sheet, which happy-dom lacks.
    if (style.display === 'none' || node.hasAttribute('hidden')) return false;
    opacity *= opacityOf(style.opacity);
  }
  return opacity >= MIN_OPACITY;
}

/** Rendered, of non-zero size, centred in the viewport and on top there. */
export function isVisible(element: Element, layout: Layout = browserLayout(element.ownerDocument)): boolean {
  if (!isRendered(element, layout)) return false;
  const box = layout.box(element);
  if (!(box.width > 0 && box.height > 0)) return false;
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  const viewport = layout.viewport();
  if (x < 0 || y < 0 || x >= viewport.width || y >= viewport.height) return false;
  const top = layout.elementsAt(x, y)[0];
  // The element itself or something inside it (a tile's text); anything else covers it.
  return !!top && element.contains(top);
}

function opacityOf(value: string): number {
  const number = Number.parseFloat(value);
  if (Number.isNaN(number)) return 1;
  return value.trim().endsWith('%') ? number / 100 : number;
}
