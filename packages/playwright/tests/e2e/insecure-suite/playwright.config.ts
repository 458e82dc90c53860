import { defineConfig } from '@playwright/test';

/**
 * A suite that ignores HTTPS errors for everything it opens (run by ../trust-boundary.spec.ts):
 * the helper must refuse to carry the extension into such a browser unless told otherwise.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.suite.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: { ignoreHTTPSErrors: true, trace: 'off', headless: true },
});
