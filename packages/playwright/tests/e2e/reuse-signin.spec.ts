/**
 * reuseSignIn: an account signed in once starts later browsers signed in (no password, no MFA);
 * a session Microsoft rejects goes through MFA again and is kept afresh; an old one is dropped.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { launchWithMfaAutofill, type MfaAutofill } from 'mfa-autofill-playwright';
import { routeToFakeSignin, startFakeSignin } from 'mfa-autofill-playwright/fake-signin';
import { randomSecret } from '../../../../tests/support/oathtool';
import { fileSessionStore, restoreSignIn } from '../../src/reuse-signin';
import { withoutLateCodeWaits } from './late-code';

const USER = 'reuse.user@contoso.onmicrosoft.com';
const APP = 'https://app.contoso.example/';

test('waits for a TOTP period: a kept sign-in is reused without MFA, a rejected one signs in with MFA again', async ({
  playwright,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-reuse-'));
  const password = randomBytes(12).toString('base64url');
  const secret = randomSecret(32);
  const service = await startFakeSignin({ users: [{ upn: USER, password, secret }], keepSessions: true });
  const accounts = join(dir, 'accounts.txt');
  writeFileSync(accounts, `otpauth://totp/Contoso:${USER}?secret=${secret}&issuer=Microsoft\n`, { mode: 0o600 });
  const reuseSignIn = { dir: join(dir, 'sessions'), maxAgeMinutes: 30 };
  const session = async (): Promise<{ mfa: MfaAutofill; page: Page }> => {
    const mfa = await launchWithMfaAutofill({ playwright, accounts: { file: accounts }, reuseSignIn });
    await routeToFakeSignin(mfa.context, service);
    const page = await mfa.context.newPage();
    await page.goto(APP);
    return { mfa, page };
  };
  const signInWithPassword = async (page: Page) => {
    await page.getByRole('textbox', { name: 'Enter your email, phone, or Skype.' }).fill(USER);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByPlaceholder('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${APP}**`, { timeout: 45_000 });
  };
  try {
    // 1. The first sign-in: password and MFA; its cookies are kept, for the sign-in host only.
    const first = await session();
    expect(first.mfa.reusedSignIn).toBeNull();
    await signInWithPassword(first.page);
    await first.mfa.close();
    const files = readdirSync(reuseSignIn.dir);
    expect(files).toHaveLength(1);
    const file = join(reuseSignIn.dir, files[0]!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(reuseSignIn.dir).mode & 0o777).toBe(0o700);
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { cookies: { name: string; domain: string }[] };
    expect(kept.cookies.map((c) => [c.name, c.domain])).toEqual([['ESTSAUTH', 'login.microsoftonline.com']]);

    // 2. The next browser starts signed in: straight to the app, no user name, no code.
    const second = await session();
    expect(second.mfa.reusedSignIn).toBe(USER);
    await second.page.waitForURL(`${APP}**`);
    await expect(second.page.getByRole('status')).toHaveText(`Signed in as ${USER}`);
    await second.mfa.close();
    expect(second.mfa.events).toEqual([]);
    expect(service.signIns.map((s) => s.reusedSession)).toEqual([false, true]);

    // 3. Microsoft no longer honours the session: the normal sign-in with MFA, kept afresh.
    service.revokeSessions();
    const third = await session();
    expect(third.mfa.reusedSignIn).toBe(USER);
    await signInWithPassword(third.page);
    await third.mfa.close();
    expect(withoutLateCodeWaits(third.mfa.events).map((e) => e.message)).toEqual([
      `Filled the code for ${USER} and submitted it.`,
    ]);
    expect(service.signIns.map((s) => s.reusedSession)).toEqual([false, true, false]);
    expect(service.screens.filter((s) => s.screen === 'code')).toHaveLength(2);
    expect(service.codeChecks.map((c) => c.result)).toEqual(['accepted', 'accepted']);

    // 4. A kept session older than maxAgeMinutes is not used, and is deleted.
    const later = Date.now() + 31 * 60_000;
    const context = third.mfa.context;
    expect(
      await restoreSignIn(context, fileSessionStore(reuseSignIn), USER, ['login.microsoftonline.com'], later),
    ).toBe(false);
    expect(readdirSync(reuseSignIn.dir)).toEqual([]);
  } finally {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
