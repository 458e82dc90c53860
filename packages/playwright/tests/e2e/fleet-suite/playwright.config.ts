import { defineConfig } from '@playwright/test';

/**
 * One "machine" of the fleet run (../fleet.spec.ts starts three, each its own process, temp dir
 * and file ledger, all on one Redis and one fake Microsoft): 2 workers, 8 sign-ins.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.suite.ts',
  outputDir: process.env.FLEET_OUTPUT,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 90_000,
  reporter: [['list']],
  use: { trace: 'off', headless: true },
});
