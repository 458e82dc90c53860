/** Run by ../default-timeout.spec.ts on Playwright's default timeout. */
import { readFileSync } from 'node:fs';
import { test as base, expect } from '@playwright/test';
import { withMfaAutofill } from 'mfa-autofill-playwright';
import { routeToFakeSignin } from 'mfa-autofill-playwright/fake-signin';
import { PATIENT, WRONG_SECRET } from './global-setup';

const test = withMfaAutofill(base).extend({
  context: async ({ context }, use) => {
    const { port, certificate } = JSON.parse(process.env.FAKE_SIGNIN!) as { port: number; certificate: string };
    await routeToFakeSignin(context, { port, certificate: readFileSync(certificate) });
    await use(context);
  },
});

async function signIn(page: import('@playwright/test').Page, user: string): Promise<void> {
  await page.goto('https://app.contoso.example/');
  await page.getByRole('textbox', { name: 'Enter your email, phone, or Skype.' }).fill(user);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByPlaceholder('Password').fill(process.env.QA_PASSWORD!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('https://app.contoso.example/**');
}

for (let i = 1; i <= 4; i++) {
  test(`sign-in ${i} of one account`, async ({ page, mfa }) => {
    await signIn(page, PATIENT);
    await expect(page.getByRole('status')).toHaveText(`Signed in as ${PATIENT}`);
    console.log(`REPORT ${i}\n${mfa.report()}\nEND REPORT`);
  });
}

test('a wrong secret key', async ({ page }) => {
  await signIn(page, WRONG_SECRET);
});
