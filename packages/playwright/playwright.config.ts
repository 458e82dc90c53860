import { defineConfig } from '@playwright/test';

/**
 * The QA helper's own end-to-end tests (tests/e2e/, the package as installed from the workspace):
 * `npm run test:automation` at the repository's root, after `npm run build`.
 * Each test has its own browser. The tests that wait for a TOTP period say so in their names
 * (codes-refused.spec.ts, reuse-signin.spec.ts); artifacts.spec.ts runs a small suite of its own.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  // Mostly waiting on TOTP periods, not on the CPU: three browsers fit a 2-core CI machine.
  workers: process.env.CI ? 3 : 4,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'off', headless: true },
});
