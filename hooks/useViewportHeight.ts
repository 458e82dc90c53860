import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * The scrolling element's visible height, `initial` until measured and again whenever it changes
 * (more rows, a new max-height). Read in ResizeObserver reports, after the browser's own layout:
 * never forcing a layout of its own while the popup opens (README.md, 'Performance').
 * `present`: whether the element is rendered now (observed afresh when it comes back).
 */
export function useViewportHeight(scroller: RefObject<HTMLElement | null>, initial: number, present: boolean): number {
  const [viewport, setViewport] = useState(initial);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight || initial));
    observer.observe(el);
    return () => observer.disconnect();
  }, [present]);
  return viewport;
}
