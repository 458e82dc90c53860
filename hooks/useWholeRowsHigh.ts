import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { POPUP_MAX_HEIGHT_PX, wholeRowsThatFit } from '@/lib/popup/list-window';

/**
 * The height for a scrolling list of `rowHeight` rows: as many whole rows as fit in the popup
 * beside everything else on the page (toolbar, status line, footer), so no row shows cut in half
 * above empty space. Measured whenever the page's height changes (a status line arriving, the
 * shortcuts list opening), the first time before the first paint: a ResizeObserver reports after
 * the browser's own layout and before its paint, so reading heights there forces no extra layout
 * while the popup opens (README.md, 'Performance'). Null until measured.
 */
export function useWholeRowsHigh(list: RefObject<HTMLElement | null>, rowHeight: number): number | null {
  const [height, setHeight] = useState<number | null>(null);
  useLayoutEffect(() => {
    const measure = () => {
      const el = list.current;
      if (!el) return;
      // The page's height without the list: what the list leaves of the popup is the list's.
      const others = document.body.offsetHeight - el.offsetHeight;
      setHeight(wholeRowsThatFit(POPUP_MAX_HEIGHT_PX - others, rowHeight) * rowHeight);
    };
    // Its first report comes with the first layout. A change of the list's own height leaves
    // `others` as it was: no measuring loop.
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [list, rowHeight]);
  return height;
}
