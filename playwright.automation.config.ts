import { defineConfig } from '@playwright/test';

/**
 * The QA automation helper's example tests (automation/, tests/automation/): `npm run test:automation`.
 * Each test has its own browser; the two that wait for the next TOTP period sort first
 * (codes-refused.spec.ts) so they run side by side while the others share the third worker.
 */
export default defineConfig({
  testDir: 'tests/automation',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/automation/global-setup.ts',
  fullyParallel: true,
  // Mostly waiting on TOTP periods, not on the CPU: three browsers fit a 2-core CI machine.
  workers: process.env.CI ? 3 : 4,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'off', headless: true },
});
