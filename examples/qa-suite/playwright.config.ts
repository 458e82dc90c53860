import { defineConfig } from '@playwright/test';

/**
 * 4 workers × 2 accounts × 8 tests, tracing on. One fake Microsoft serves every worker (started in
 * global-setup.ts), so a code used by one worker is refused to any other, as Microsoft does: the
 * helper's code ledger has the others wait for the next period instead. The run is mostly waiting
 * on TOTP periods: two sign-ins per 30 s, one per account.
 */
export default defineConfig({
  testDir: 'tests',
  globalSetup: './global-setup.ts',
  fullyParallel: true,
  workers: 4,
  retries: 0,
  // A test can lose the race for its account's code a few periods in a row: 4 periods and the setup.
  timeout: 210_000,
  reporter: [['list']],
  use: { trace: 'on', headless: true },
});
