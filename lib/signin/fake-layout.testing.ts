/**
 * Test support (not shipped): a Layout for happy-dom, which computes styles but has no
 * geometry. Every element gets its own box, stacked down a tall viewport, and is on top at
 * its centre unless the test says something covers it; styles are happy-dom's real computed
 * styles. Real geometry is exercised by the e2e tests in Chromium.
 */
import type { Box, Layout } from './visibility';

export interface FakeGeometry {
  /** A box for this element, or undefined for the default slot. */
  boxOf?: (element: Element) => Box | undefined;
  /** What is drawn over this element at its centre, if anything. */
  coverOf?: (element: Element) => Element | null | undefined;
  viewport?: { width: number; height: number };
}

const SLOT_HEIGHT = 50;

export function fakeLayout(doc: Document, geometry: FakeGeometry = {}): Layout {
  const win = doc.defaultView;
  if (!win) throw new Error('fakeLayout needs a document with a window');
  /** Every element asked about so far, with its box: what hit testing can find. */
  const known = new Map<Element, Box>();
  let slotsUsed = 0;
  const box = (element: Element): Box => {
    let found = known.get(element);
    if (!found) {
      found = geometry.boxOf?.(element) ?? { left: 20, top: 20 + slotsUsed++ * SLOT_HEIGHT, width: 300, height: 36 };
      known.set(element, found);
    }
    return found;
  };
  return {
    box,
    viewport: () => geometry.viewport ?? { width: 1280, height: 100_000 },
    elementsAt(x, y) {
      const hits = [...known]
        .filter(([, { left, top, width, height }]) => {
          return x >= left && x < left + width && y >= top && y < top + height;
        })
        .map(([element]) => element);
      const covers = hits.flatMap((element) => geometry.coverOf?.(element) ?? []);
      return [...covers, ...hits];
    },
    style: (element) => win.getComputedStyle(element),
  };
}
