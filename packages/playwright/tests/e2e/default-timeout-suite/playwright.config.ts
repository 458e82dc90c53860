import { defineConfig } from '@playwright/test';

/**
 * A suite on Playwright's default 30 s test timeout (none set here), run by
 * ../default-timeout.spec.ts: four sign-ins of one account on two workers, which must wait for
 * code periods, and one account whose secret is wrong, whose second refusal takes a period.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.suite.ts',
  globalSetup: './global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'off', headless: true },
});
