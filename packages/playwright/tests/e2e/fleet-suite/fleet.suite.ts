/**
 * A suite as a sharded team runs it, with the three lines of mfaOptions the README shows (the
 * Redis from MFA_AUTOFILL_REDIS_URL, the session key from MFA_AUTOFILL_SESSION_KEY): each test
 * takes an account from the pool and signs in, with a kept sign-in when there is one, and at the
 * end of its body signs out of the app: the fake service, shared by every "machine", records each
 * test's use of its account from the account named to it to that sign-out, for ../fleet.spec.ts to
 * check that no two tests used one account at once. Each test also writes down its machine and
 * whether its sign-in was kept or reused.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { withMfaAutofill } from 'mfa-autofill-playwright';
import { APP_ORIGIN, routeToFakeSignin } from 'mfa-autofill-playwright/fake-signin';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: this suite is run by fleet.spec.ts`);
  return value;
};

const test = withMfaAutofill(base).extend({
  context: async ({ context }, use) => {
    const service = { port: Number(env('FLEET_SERVICE_PORT')), certificate: readFileSync(env('FLEET_SERVICE_CERT')) };
    await routeToFakeSignin(context, service);
    await use(context);
  },
});

async function signIn(
  {
    page,
    mfa,
    mfaAccount,
  }: {
    page: import('@playwright/test').Page;
    mfa: import('mfa-autofill-playwright').MfaAutofill;
    mfaAccount: { upn: string };
  },
  kind: 'fresh' | 'reuse',
): Promise<void> {
  await page.goto(`${APP_ORIGIN}/`);
  if (!mfa.reusedSignIn) {
    await page.getByRole('textbox', { name: 'Enter your email, phone, or Skype.' }).fill(mfaAccount.upn);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByPlaceholder('Password').fill(env('FLEET_PASSWORD'));
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await page.waitForURL(`${APP_ORIGIN}/**`, { timeout: 60_000 });
  await expect(page.getByRole('status')).toHaveText(`Signed in as ${mfaAccount.upn}`);
  mfa.assertNoProblems();
  // The last thing the test does with its account: the service's record of its use ends here.
  await page.goto(`${APP_ORIGIN}/signout`);
  await expect(page.getByRole('status')).toHaveText(`Signed out of the app (${mfaAccount.upn})`);
  const record = {
    machine: env('FLEET_MACHINE'),
    upn: mfaAccount.upn,
    kind,
    reused: mfa.reusedSignIn !== null,
  };
  // One short line per write, opened for appending: whole lines, whatever the other writers do.
  appendFileSync(env('FLEET_HOLDS'), `${JSON.stringify(record)}\n`);
}

const redisKeyPrefix = env('FLEET_PREFIX');

test.describe('signs in with MFA, keeping nothing', () => {
  test.use({ mfaOptions: { accountPool: true, redisKeyPrefix } });
  for (let i = 1; i <= 2; i++) {
    test(`fresh sign-in ${i}`, async ({ page, mfa, mfaAccount }) => signIn({ page, mfa, mfaAccount }, 'fresh'));
  }
});

test.describe('signs in once per account, then reuses it on any machine', () => {
  test.use({ mfaOptions: { accountPool: true, redisKeyPrefix, reuseSignIn: { maxAgeMinutes: 30 } } });
  for (let i = 1; i <= 6; i++) {
    test(`kept sign-in ${i}`, async ({ page, mfa, mfaAccount }) => signIn({ page, mfa, mfaAccount }, 'reuse'));
  }
});
