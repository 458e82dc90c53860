/**
 * Screens before the code prompt, through the fake service: "Approve sign in request" (the
 * account's default is the Authenticator push), which the extension leaves by "I can't use my
 * Microsoft Authenticator app right now" → "Use a verification code"; and Microsoft's "too many
 * sign-ins" page, on which the helper fails the page at once, naming the screen, with a screenshot.
 */
import { APP_URL, expect, signIn, test } from './fixtures';
import { USERS } from './world';

test('signs in an account whose fake service shows the push screen first', async ({ page, mfa, fakeMicrosoft }) => {
  await signIn(page, USERS.patti);
  await expect(page.getByRole('status')).toHaveText(`Signed in as ${USERS.patti}`);
  await expect(page).toHaveURL(new RegExp(`^${APP_URL}`));
  // The service showed the push, then (after its proofs list, ChooseProof) the code prompt.
  expect(fakeMicrosoft.screens.filter((s) => s.upn === USERS.patti).map((s) => s.screen)).toEqual([
    'push',
    'code',
    'kmsi',
  ]);
  await expect
    .poll(() => mfa.events.filter((e) => e.state === 'filled').map((e) => e.message))
    .toEqual([`Filled the code for ${USERS.patti} and submitted it.`]);
  expect(mfa.problems()).toEqual([]);
});

test('a sign-in stopped on "too many sign-ins" fails at once, naming the screen, with a screenshot', async ({
  page,
  mfa,
}) => {
  const started = Date.now();
  await expect(signIn(page, USERS.debra)).rejects.toThrow(
    'MFA Autofill: The sign-in stopped on "Sign in" (page ConvergedError, AADSTS50196).',
  );
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(mfa.problems()).toEqual([expect.objectContaining({ state: 'stopped', blocked: true, aadsts: '50196' })]);
  expect(mfa.screenshots).toHaveLength(1);
  expect(mfa.screenshots[0]!.png.subarray(1, 4).toString()).toBe('PNG');
});
