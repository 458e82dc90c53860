/**
 * Windowing for the popup's account list: which rows to render for a scroll position, and where
 * the list keys move the focus. Rows have one fixed height, so both are arithmetic.
 */

export interface ListWindow {
  /** First row to render (inclusive). */
  start: number;
  /** Row after the last one to render (exclusive). */
  end: number;
}

/**
 * Rows rendered beyond each edge of the view: a fast wheel or keyboard scroll lands on rows that
 * already exist, so no blank band shows before the next render.
 */
export const OVERSCAN_ROWS = 4;

export function visibleWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan = OVERSCAN_ROWS,
): ListWindow {
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  return {
    start: Math.max(0, Math.min(rowCount - 1, first - overscan)),
    end: Math.min(rowCount, Math.max(first + 1, last) + overscan),
  };
}

export type ListKey = 'ArrowDown' | 'ArrowUp' | 'PageDown' | 'PageUp' | 'Home' | 'End';

export function isListKey(key: string): key is ListKey {
  return ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'].includes(key);
}

/** The row the focus moves to from `index` when `key` is pressed; a page is the rows fully in view. */
export function targetRow(index: number, key: ListKey, rowsPerPage: number, rowCount: number): number {
  const page = Math.max(1, rowsPerPage);
  const moved = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    PageDown: index + page,
    PageUp: index - page,
    Home: 0,
    End: rowCount - 1,
  }[key];
  return Math.max(0, Math.min(rowCount - 1, moved));
}

/** The scroll position that brings row `index` fully into view, moving as little as possible. */
export function scrollToShow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/**
 * The most a toolbar popup is drawn high, in Chrome and in Firefox (800 × 600 px; taller content
 * scrolls inside it): the list's height is what is left of it.
 */
export const POPUP_MAX_HEIGHT_PX = 600;

/**
 * How many whole rows fit in `availablePx`, and never fewer than `atLeast`: a list that high
 * shows no row cut in half at its bottom edge (docs/ARCHITECTURE.md, 'Extension pages').
 */
export function wholeRowsThatFit(availablePx: number, rowHeight: number, atLeast = 3): number {
  if (rowHeight <= 0) return atLeast;
  return Math.max(atLeast, Math.floor(Math.max(0, availablePx) / rowHeight));
}
