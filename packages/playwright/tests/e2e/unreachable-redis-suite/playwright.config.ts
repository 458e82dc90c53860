import { defineConfig } from '@playwright/test';
import type { MfaFixtures } from 'mfa-autofill-playwright';

/**
 * A suite whose Redis does not answer, run by ../unreachable-redis.spec.ts with the package's
 * globalSetup, as examples/sharded has it. The Redis comes from UNREACHABLE_COORDINATION (the
 * config's `mfaOptions.coordination`) or, when that is unset, from MFA_AUTOFILL_REDIS_URL.
 */
export default defineConfig<Pick<MfaFixtures, 'mfaOptions'>>({
  testDir: '.',
  testMatch: '*.suite.ts',
  globalSetup: 'mfa-autofill-playwright/global-setup',
  outputDir: process.env.UNREACHABLE_OUTPUT,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    trace: 'off',
    headless: true,
    mfaOptions: { accountPool: true, coordination: process.env.UNREACHABLE_COORDINATION || undefined },
  },
});
