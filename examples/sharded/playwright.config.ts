import { defineConfig } from '@playwright/test';
import type { MfaFixtures } from 'mfa-autofill-playwright';

/**
 * A suite that runs sharded on several CI runners (github-actions.yml), coordinated through the
 * Redis in MFA_AUTOFILL_REDIS_URL, with kept sign-ins encrypted under MFA_AUTOFILL_SESSION_KEY
 * (README.md, 'Parallel runs').
 */
export default defineConfig<Pick<MfaFixtures, 'mfaOptions'>>({
  testDir: '.',
  workers: 2,
  // Checks the Redis before any test: one that does not answer stops the run at once, naming it.
  globalSetup: 'mfa-autofill-playwright/global-setup',
  use: {
    mfaOptions: {
      accountPool: true, // each test: an account no other test on any runner holds now (mfaAccount)
      reuseSignIn: { maxAgeMinutes: 60 }, // one runner's sign-in serves the others (encrypted in Redis)
      signInsPerMinute: 6, // per account, across all runners (the default)
    },
  },
});
