/**
 * The helper's fixtures (mfa-autofill-playwright, as a suite installs it), plus what stands in for the internet here:
 * each test's browser reaches login.microsoftonline.com and app.contoso.example through
 * routing to the fake service of its worker. A real QA suite would not have this part.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { withMfaAutofill } from 'mfa-autofill-playwright';
import { type FakeSignin, routeToFakeSignin, startFakeSignin } from 'mfa-autofill-playwright/fake-signin';
import { readDirectory, testPassword } from './world';

export { expect };

export const test = withMfaAutofill(base).extend<object, { fakeMicrosoft: FakeSignin }>({
  fakeMicrosoft: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructuring pattern here.
    async ({}, use) => {
      const service = await startFakeSignin({ users: readDirectory() });
      await use(service);
      await service.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ context, fakeMicrosoft }, use) => {
    await routeToFakeSignin(context, fakeMicrosoft);
    await use(context);
  },
});

export const APP_URL = 'https://app.contoso.example/';

/** User name, then password typed but not yet submitted: the app's own sign-in steps. */
export async function typeCredentials(page: Page, user: string): Promise<void> {
  await page.goto(APP_URL);
  await page.getByRole('textbox', { name: 'Enter your email, phone, or Skype.' }).fill(user);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByPlaceholder('Password').fill(testPassword());
}

/** Ends on the page after the password: with MFA, the code prompt. */
export async function enterCredentials(page: Page, user: string): Promise<void> {
  await typeCredentials(page, user);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in to the app. The MFA step between the password and the app is the extension's. */
export async function signIn(page: Page, user: string): Promise<void> {
  await enterCredentials(page, user);
  await page.waitForURL(`${APP_URL}**`);
}
