/**
 * Every screen module in this folder, run in their `order`; the first that recognises the page
 * says what it is. Adding a screen is adding a file that exports a `Screen`.
 */
import { screenSummary } from '../screen-summary';
import { isRendered } from '../visibility';
import type { PageFacts, Reading, Screen } from './types';

const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts', '!./index.ts', '!./types.ts'], {
  eager: true,
});

function isScreen(value: unknown): value is Screen {
  const screen = value as Screen | null;
  return typeof screen?.read === 'function' && typeof screen.name === 'string' && typeof screen.order === 'number';
}

export const SCREENS: readonly Screen[] = Object.values(modules)
  .flatMap((exports) => Object.values(exports).filter(isScreen))
  .sort((a, b) => a.order - b.order);

export function readScreen(page: PageFacts): Reading {
  for (const screen of SCREENS) {
    const reading = screen.read(page);
    if (reading) return { elements: {}, ...reading, name: screen.name };
  }
  const body = page.doc.body;
  if (!body || !isRendered(body, page.layout)) return { screen: 'loading', name: 'loading', elements: {} };
  return { screen: 'unknown', summary: screenSummary(page.doc, page.config), name: 'unknown', elements: {} };
}
