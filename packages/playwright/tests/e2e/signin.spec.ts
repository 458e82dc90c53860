/**
 * Written as a QA suite would use the helper: the tests sign in with user name and password;
 * nothing here fills or submits a code. The accounts come from MFA_ACCOUNTS_FILE unless a test
 * says otherwise.
 */
import { APP_URL, enterCredentials, expect, signIn, test } from './fixtures';
import { withoutLateCodeWaits } from './late-code';
import { CSV_ACCOUNTS_VARIABLE, USERS } from './world';

test('signs in three accounts in a row, each reaching the app', async ({ page, mfa }) => {
  for (const user of [USERS.adele, USERS.megan, USERS.lee]) {
    await signIn(page, user);
    await expect(page.getByRole('status')).toHaveText(`Signed in as ${user}`);
    // The helper answers "Stay signed in?" with No and leaves "Don't ask again" unticked.
    await expect(page.locator('#staySignedIn')).toHaveText('No');
    await expect(page.locator('#rememberMfa')).toHaveText('Not ticked');
  }
  await expect
    .poll(() => withoutLateCodeWaits(mfa.events).map((e) => e.message))
    .toEqual([USERS.adele, USERS.megan, USERS.lee].map((u) => `Filled the code for ${u} and submitted it.`));
});

test('an account that is not in the vault fails at once, saying so', async ({ page, mfa }) => {
  const started = Date.now();
  await expect(signIn(page, USERS.diego)).rejects.toThrow(`MFA Autofill: No account for ${USERS.diego} in the vault`);
  // Far sooner than any timeout: the helper closes the prompt's page with the reason.
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(mfa.problems()).toEqual([
    expect.objectContaining({
      state: 'no-match',
      pageAccount: USERS.diego,
      message: expect.stringContaining(`(it has 13 accounts: ${USERS.adele}, `),
    }),
  ]);
});

test.describe('an account set to stop at the code page', () => {
  test.use({ mfaOptions: { submitAfterFillFor: { [USERS.lynne]: 'never' } } });

  test('is filled but not submitted, so the test can inspect the page', async ({ page, mfa }) => {
    await enterCredentials(page, USERS.lynne);
    await expect(page.getByRole('heading', { name: 'Enter code' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Code' })).toHaveValue(/^\d{6}$/);
    await mfa.waitForEvent((e) => e.state === 'filled' && e.account === USERS.lynne && !e.submitted);
    await expect(page).toHaveURL(/login\.microsoftonline\.com/);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL(`${APP_URL}**`);
    await expect(page.getByRole('status')).toHaveText(`Signed in as ${USERS.lynne}`);
  });
});

test.describe('with "Stay signed in?" answered Yes and "Don\'t ask again" ticked', () => {
  test.use({ mfaOptions: { staySignedIn: 'yes', rememberDevice: true } });

  test('the service sees both answers', async ({ page }) => {
    await signIn(page, USERS.pradeep);
    await expect(page.getByRole('status')).toHaveText(`Signed in as ${USERS.pradeep}`);
    await expect(page.locator('#staySignedIn')).toHaveText('Yes');
    await expect(page.locator('#rememberMfa')).toHaveText('Ticked');
  });
});

test('a locked vault fails at once, saying so', async ({ page, context, mfa }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${mfa.extensionId}/popup.html`);
  await popup.getByRole('button', { name: 'Lock' }).click();
  await expect(popup.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await popup.close();
  await expect(signIn(page, USERS.grady)).rejects.toThrow(
    'MFA Autofill: The vault is locked: the code prompt is waiting for it to be unlocked.',
  );
});

test.describe('accounts from an environment variable', () => {
  test.use({ mfaOptions: { accounts: { env: CSV_ACCOUNTS_VARIABLE } } });

  test('an Entra OATH token CSV in a variable signs its account in', async ({ page, mfa }) => {
    expect(mfa.accounts).toEqual([USERS.alex]);
    await signIn(page, USERS.alex);
    await expect(page.getByRole('status')).toHaveText(`Signed in as ${USERS.alex}`);
  });
});
