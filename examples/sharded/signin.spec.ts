// A test of the sharded suite: the account comes from the pool, so no other test signs it in now.
import { expect, test } from './fixtures';

test('signs in to the app', async ({ page, mfa, mfaAccount }) => {
  await page.goto('https://app.contoso.com/');
  if (!mfa.reusedSignIn) {
    await page.getByRole('textbox', { name: 'Enter your email, phone, or Skype.' }).fill(mfaAccount.upn);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByPlaceholder('Password').fill(process.env.QA_PASSWORD ?? '');
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await page.waitForURL('https://app.contoso.com/**');
  await expect(page.getByText(`Signed in as ${mfaAccount.upn}`)).toBeVisible();
});
