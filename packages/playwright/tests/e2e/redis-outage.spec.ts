/**
 * Redis goes away in the middle of a run and comes back: the sign-in that needed a lease meanwhile
 * fails at once saying the lease could not be had, and no code reaches Microsoft without a lease;
 * once Redis is back, the same helper signs in again.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { launchWithMfaAutofill } from 'mfa-autofill-playwright';
import { APP_ORIGIN, routeToFakeSignin, startFakeSignin } from 'mfa-autofill-playwright/fake-signin';
import { randomSecret } from '../../../../tests/support/oathtool';
import { startRedisServer } from './redis-server';

const before = 'adele.outage@contoso.onmicrosoft.com';
const during = 'megan.outage@contoso.onmicrosoft.com';

test('Redis lost mid-run: no code without a lease, the sign-in fails saying so; Redis back: the run goes on', async ({
  playwright,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-outage-'));
  const redis = await startRedisServer();
  const password = randomBytes(12).toString('base64url');
  const users = [before, during].map((upn) => ({ upn, password, secret: randomSecret(32) }));
  const service = await startFakeSignin({ users });
  const accounts = join(dir, 'accounts.txt');
  writeFileSync(
    accounts,
    users.map((u) => `otpauth://totp/Contoso:${u.upn}?secret=${u.secret}&issuer=Microsoft\n`).join(''),
    { mode: 0o600 },
  );
  const mfa = await launchWithMfaAutofill({ playwright, accounts: { file: accounts }, coordination: redis.url });
  const signIn = async (upn: string): Promise<Page> => {
    const page = await mfa.context.newPage();
    await page.goto(`${APP_ORIGIN}/`);
    await page.getByRole('textbox', { name: 'Enter your email, phone, or Skype.' }).fill(upn);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByPlaceholder('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return page;
  };
  try {
    await routeToFakeSignin(mfa.context, service);
    await (await signIn(before)).waitForURL(`${APP_ORIGIN}/**`);

    await redis.stop();
    const page = await signIn(during);
    // The extension asked for its lease, was told within seconds that none could be had, and
    // handed out no code: the sign-in fails at once saying so.
    const problem = await mfa.waitForEvent((e) => e.problem, { timeout: 15_000 });
    expect(problem.message).toBe(
      `No code was filled for ${during}: the lease on it could not be had (the helper's coordination service did not answer or answered an error). Check that it is running and reachable; the page asks again at the next TOTP period.`,
    );
    await expect.poll(() => page.isClosed()).toBe(true);
    expect(service.codeChecks.filter((c) => c.upn === during)).toEqual([]);
    const refused = mfa.leases.filter((l) => l.account === during);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((l) => !l.granted && l.error?.includes(`cannot reach Redis at 127.0.0.1:${redis.port}`))).toBe(
      true,
    );

    await redis.start();
    const again = await signIn(during);
    await again.waitForURL(`${APP_ORIGIN}/**`, { timeout: 45_000 });
    await expect(again.getByRole('status')).toHaveText(`Signed in as ${during}`);
    expect(mfa.leases.filter((l) => l.account === during && l.granted)).toHaveLength(1);
    expect(service.codeChecks.map((c) => c.result)).toEqual(['accepted', 'accepted']);
  } finally {
    await mfa.close();
    await service.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
