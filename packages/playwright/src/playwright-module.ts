/**
 * The helper never brings a Playwright of its own (two copies of Playwright Test in one run do
 * not work): the fixtures take the suite's `playwright` fixture, and plain Node scripts use the
 * Playwright installed in the caller's project, found from the working directory.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserType } from '@playwright/test';

/** What the helper needs of a Playwright module. */
export interface PlaywrightLike {
  chromium: BrowserType;
}

/** Tried in this order: the suite's test runner first (the peer dependency), then the libraries. */
const CANDIDATES = ['@playwright/test', 'playwright', 'playwright-core'];

export async function resolvePlaywright(fromDirectory = process.cwd()): Promise<PlaywrightLike> {
  const bases = [join(fromDirectory, 'package.json'), import.meta.url];
  for (const base of bases) {
    const require = createRequire(base);
    for (const name of CANDIDATES) {
      let path: string;
      try {
        path = require.resolve(name);
      } catch {
        continue;
      }
      const module = (await import(pathToFileURL(path).href)) as Partial<PlaywrightLike> & {
        default?: Partial<PlaywrightLike>;
      };
      const chromium = module.chromium ?? module.default?.chromium;
      if (chromium) return { chromium };
    }
  }
  throw new Error(
    `MFA Autofill: no Playwright found from ${fromDirectory}. Install it in your project (npm i -D @playwright/test), ` +
      'or pass { playwright } to launchWithMfaAutofill.',
  );
}
