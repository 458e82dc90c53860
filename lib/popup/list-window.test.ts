import { describe, expect, it } from 'vitest';
import { isListKey, scrollToShow, targetRow, visibleWindow, wholeRowsThatFit } from './list-window';

describe('visibleWindow', () => {
  it.each([
    // scrollTop, viewport, rowHeight, rows, overscan → start, end
    [0, 440, 76, 2000, 4, 0, 10],
    [0, 440, 76, 3, 4, 0, 3],
    [76 * 1000, 440, 76, 2000, 4, 996, 1010],
    [76 * 1994, 456, 76, 2000, 4, 1990, 2000],
    [0, 0, 76, 2000, 0, 0, 1],
    [-50, 440, 76, 2000, 0, 0, 6],
  ])('scrollTop %i, view %i, rows of %i, %i rows, overscan %i → [%i, %i)', (top, view, h, n, over, start, end) => {
    expect(visibleWindow(top, view, h, n, over)).toEqual({ start, end });
  });

  it('renders nothing for an empty list', () => {
    expect(visibleWindow(0, 440, 76, 0)).toEqual({ start: 0, end: 0 });
  });

  it('covers every pixel of the view at any scroll position (no blank rows)', () => {
    for (let top = 0; top < 76 * 2000 - 440; top += 37) {
      const { start, end } = visibleWindow(top, 440, 76, 2000, 0);
      expect(start * 76).toBeLessThanOrEqual(top);
      expect(end * 76).toBeGreaterThanOrEqual(top + 440);
    }
  });
});

describe('targetRow', () => {
  it.each([
    [0, 'ArrowDown', 1],
    [0, 'ArrowUp', 0],
    [5, 'PageDown', 10],
    [1997, 'PageDown', 1999],
    [3, 'PageUp', 0],
    [700, 'Home', 0],
    [7, 'End', 1999],
  ] as const)('from %i, %s → %i', (from, key, to) => {
    expect(targetRow(from, key, 5, 2000)).toBe(to);
  });

  it('knows its keys', () => {
    expect(isListKey('End')).toBe(true);
    expect(isListKey('Enter')).toBe(false);
  });
});

describe('scrollToShow', () => {
  it.each([
    [0, 0, 0],
    [10, 0, 76 * 11 - 440],
    [2, 76 * 5, 76 * 2],
    [6, 76 * 5, 76 * 5],
  ])('row %i from scrollTop %i → %i', (row, top, expected) => {
    expect(scrollToShow(row, top, 440, 76)).toBe(expected);
  });
});

describe('wholeRowsThatFit', () => {
  it.each([
    // 600 px popup, 144 px of toolbar, status line, toast and footer: six rows of 76 px (456 px).
    [600 - 144, 76, 6],
    [456, 76, 6],
    [455, 76, 5],
    // The popup as it was: 440 px held 5.79 rows, the sixth cut.
    [440, 76, 5],
    // Little room (a long notice above the list): still a few rows, the popup scrolls.
    [100, 76, 3],
    [-20, 76, 3],
  ])('%i px of %i-px rows: %i whole rows', (available, rowHeight, rows) => {
    expect(wholeRowsThatFit(available, rowHeight)).toBe(rows);
  });
});
