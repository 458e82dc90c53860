/**
 * The fake service's "Approve sign in request" screen (DirectoryUser.pushFirst), as a person
 * meets it: the push with its number, "I can't use my Microsoft Authenticator app right now", the
 * proofs list; from there the extension picks "Use a verification code", fills and submits.
 */
import { APP_URL, enterCredentials, expect, test } from './fixtures';
import { USERS } from './world';

test('the push screen comes first for an account whose default is the push; its other way leads to the code', async ({
  page,
  mfa,
  fakeMicrosoft,
}) => {
  await enterCredentials(page, USERS.patti);
  await expect(page.getByRole('heading', { name: 'Approve sign in request' })).toBeVisible();
  await expect(page.locator('#idDiv_SAOTCAS_Title')).toBeVisible();
  await expect(page.locator('#idDiv_SAOTCAS_Description')).toBeVisible();
  await expect(page.locator('#idRichContext_DisplaySign')).toHaveText(/^\d{2}$/);
  await expect(page.locator('#idChkBx_SAOTCAS_TD')).not.toBeChecked();
  const config = await page.evaluate(() => (window as unknown as { $Config: { arrUserProofs: unknown[] } }).$Config);
  expect(config.arrUserProofs).toEqual([
    expect.objectContaining({ authMethodId: 'PhoneAppNotification', isDefault: true }),
    expect.objectContaining({ authMethodId: 'PhoneAppOTP', isDefault: false }),
  ]);

  await page.locator('a#signInAnotherWay').click();
  // The proofs list (#idDiv_SAOTCS_Proofs) renders in the same page and the extension answers it
  // at once, "Use a verification code" (the service's ChooseProof), then fills the code.
  await page.waitForURL(`${APP_URL}**`);
  await expect(page.getByRole('status')).toHaveText(`Signed in as ${USERS.patti}`);
  expect(fakeMicrosoft.screens.filter((s) => s.upn === USERS.patti).map((s) => s.screen)).toEqual([
    'push',
    'code',
    'kmsi',
  ]);
  await expect
    .poll(() => mfa.events.map((e) => e.message))
    .toEqual([`Filled the code for ${USERS.patti} and submitted it.`]);
});
