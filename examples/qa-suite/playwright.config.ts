// examples/qa-suite/playwright.config.ts
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests',
  // One fake Microsoft for every worker: a code one worker used is refused to the others.
  globalSetup: './global-setup.ts',
  // Spread the tests of one file over the workers too.
  fullyParallel: true,
  workers: 4,
  // Playwright's default 30 s timeout: the helper adds any wait for a code period to it.
  use: { trace: 'on', headless: true },
});
