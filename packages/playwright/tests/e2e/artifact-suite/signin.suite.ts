/**
 * Run by ../artifacts.spec.ts with tracing, screenshots and HAR on. The accounts come as an
 * encrypted backup (MFA_ACCOUNTS_FILE, MFA_ACCOUNTS_PASSPHRASE) or as otpauth:// text in a
 * variable; one test reaches the app, one fails on purpose (an account not in the vault), so the
 * MFA report, the problem screenshot and an error message are among the artifacts.
 */
import { test as base, expect } from '@playwright/test';
import { withMfaAutofill } from 'mfa-autofill-playwright';
import { routeToFakeSignin, startFakeSignin } from 'mfa-autofill-playwright/fake-signin';
import { readDirectory, testPassword } from '../world';

const test = withMfaAutofill(base).extend({
  // The suite's own contextOptions reach the helper's browser: here, a HAR of every request.
  contextOptions: async ({ contextOptions }, use, testInfo) => {
    await use({ ...contextOptions, recordHar: { path: testInfo.outputPath('network.har'), content: 'embed' } });
  },
  context: async ({ context }, use) => {
    const service = await startFakeSignin({ users: readDirectory() });
    await routeToFakeSignin(context, service);
    await use(context);
    await service.close();
  },
});

async function signIn(page: import('@playwright/test').Page, user: string): Promise<void> {
  await page.goto('https://app.contoso.example/');
  await page.getByRole('textbox', { name: 'Enter your email, phone, or Skype.' }).fill(user);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByPlaceholder('Password').fill(testPassword());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('https://app.contoso.example/**');
}

test('an account from the encrypted backup signs in', async ({ page, mfa }) => {
  const user = process.env.ARTIFACT_SUITE_USER!;
  await signIn(page, user);
  await expect(page.getByRole('status')).toHaveText(`Signed in as ${user}`);
  // What a suite would print to its console.
  console.log(mfa.report());
});

test.describe('accounts as otpauth:// text in a variable', () => {
  test.use({ mfaOptions: { accounts: { env: 'ARTIFACT_SUITE_ACCOUNTS_TEXT' } } });

  test('an account missing from the vault fails, with the report attached', async ({ page, mfa }) => {
    test.fail(true, 'on purpose: the failure, its report and screenshot are artifacts to search');
    console.log(`accounts: ${mfa.accounts.join(', ')}`);
    await signIn(page, process.env.ARTIFACT_SUITE_MISSING_USER!);
  });
});
