/**
 * The fake service's "Approve sign in request" screen (DirectoryUser.pushFirst): the extension
 * ("Use a code instead of approving on the phone", on by default) follows "I can't use my
 * Microsoft Authenticator app right now", picks "Use a verification code" on the proofs list,
 * fills and submits. It never approves the push or types its number.
 */
import { APP_URL, enterCredentials, expect, test } from './fixtures';
import { USERS } from './world';

test('the push screen comes first for an account whose default is the push; the extension takes its other way to the code', async ({
  page,
  mfa,
  fakeMicrosoft,
}) => {
  await enterCredentials(page, USERS.patti);
  // The push screen, then the proofs list (#idDiv_SAOTCS_Proofs) in the same page, answered at
  // once with "Use a verification code" (the service's ChooseProof), then the code.
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
