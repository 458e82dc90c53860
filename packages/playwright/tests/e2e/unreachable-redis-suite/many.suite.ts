/**
 * Forty tests that would each need the Redis: none of them may start when it does not answer.
 * Each one that starts leaves a line in UNREACHABLE_STARTED, for ../unreachable-redis.spec.ts.
 */
import { appendFileSync } from 'node:fs';
import { test as base } from '@playwright/test';
import { withMfaAutofill } from 'mfa-autofill-playwright';

const test = withMfaAutofill(base);

for (let i = 1; i <= 40; i++) {
  test(`test ${i}`, async ({ mfaAccount }) => {
    appendFileSync(process.env.UNREACHABLE_STARTED!, `${i} ${mfaAccount.upn}\n`);
  });
}
