import { defineConfig } from '@playwright/test';

/**
 * The QA helper's tests (packages/playwright, as installed from the workspace; tests/automation/):
 * `npm run test:automation`, after `npm run build`.
 * Each test has its own browser. The tests that wait for a TOTP period say so in their names
 * (codes-refused.spec.ts, reuse-signin.spec.ts); artifacts.spec.ts runs a small suite of its own.
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
