/** Run by ../trust-boundary.spec.ts under a config whose `use` has ignoreHTTPSErrors: true. */
import { test as base, expect } from '@playwright/test';
import { withMfaAutofill } from 'mfa-autofill-playwright';

const test = withMfaAutofill(base);

test('the helper refuses the browser (this test fails at its fixture)', async ({ mfa }) => {
  expect(mfa.accounts.length).toBeGreaterThan(0);
});

test.describe('allowInsecureSignin', () => {
  test.use({ mfaOptions: { allowInsecureSignin: true } });

  test('the suite said so by name: the browser starts', async ({ mfa }) => {
    expect(mfa.accounts.length).toBeGreaterThan(0);
  });
});
