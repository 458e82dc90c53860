// examples/qa-suite/tests/signin.spec.ts
import { USERS } from '../global-setup';
import { expect, test } from './fixtures';

// Eight sign-ins of two accounts on four workers: an account's code serves one sign-in per 30 s
// period, so most of these wait for a TOTP period (the code ledger tells them to).
for (let i = 0; i < 8; i++) {
  const user = USERS[i % 2]!;
  test(`sign-in ${i + 1} of ${user} reaches the app (may wait for a TOTP period)`, async ({ page, mfa }) => {
    await page.goto('https://app.contoso.example/');
    await page.getByRole('textbox', { name: 'Enter your email, phone, or Skype.' }).fill(user);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByPlaceholder('Password').fill(process.env.QA_PASSWORD!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The MFA step is the extension's: wait for the app.
    await page.waitForURL('https://app.contoso.example/**');
    await expect(page.getByRole('status')).toHaveText(`Signed in as ${user}`);
    expect(mfa.problems()).toEqual([]);
  });
}
