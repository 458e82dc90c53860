/**
 * The cases that wait for the next TOTP period (at most once each): they run side by side,
 * each with its own browser (packages/playwright/playwright.config.ts). Written as a QA suite would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithMfaAutofill } from 'mfa-autofill-playwright';
import { routeToFakeSignin } from 'mfa-autofill-playwright/fake-signin';
import { APP_URL, expect, signIn, test, typeCredentials } from './fixtures';
import { withoutLateCodeWaits } from './late-code';
import { USERS } from './world';

const PERIOD_MS = 30_000;

/** Waits until `ms` are left in a TOTP period (this one, or the next). */
async function untilLeftInPeriod(ms: number): Promise<void> {
  const left = PERIOD_MS - (Date.now() % PERIOD_MS);
  await new Promise((resolve) => setTimeout(resolve, (left - ms + PERIOD_MS) % PERIOD_MS));
}

test('waits for the next period: a wrong secret in the vault gets one retry with the next code, then fails saying why', async ({
  page,
  mfa,
  fakeMicrosoft,
}) => {
  await expect(signIn(page, USERS.isaiah)).rejects.toThrow(
    `MFA Autofill: The page refused the code for ${USERS.isaiah} again, after a retry with the next period's code: ` +
      `the secret key in the vault for ${USERS.isaiah} is probably wrong`,
  );
  expect(withoutLateCodeWaits(mfa.events).map((e) => e.message)).toEqual([
    `Filled the code for ${USERS.isaiah} and submitted it.`,
    `The page refused the code for ${USERS.isaiah}; retrying once with the next period's code.`,
    `Filled the code for ${USERS.isaiah} and submitted it.`,
    expect.stringContaining(`The page refused the code for ${USERS.isaiah} again`),
  ]);
  const checks = fakeMicrosoft.codeChecks.filter((c) => c.upn === USERS.isaiah);
  expect(checks.map((c) => c.result)).toEqual(['wrong', 'wrong']);
  // The retry came from the next period, not a second try of the same code.
  expect(Math.floor(checks[1]!.at / PERIOD_MS)).toBe(Math.floor(checks[0]!.at / PERIOD_MS) + 1);
});

test('waits for the next period: on another machine, a code already used in its period is refused, and the extension retries with the next one', async ({
  page,
  mfa,
  fakeMicrosoft,
}) => {
  // A second machine signing in the same account at the same moment (say, a CI shard), with its
  // own browser, vault and code ledger: it fills the code the first one has just used.
  const otherMachineLedger = mkdtempSync(join(tmpdir(), 'mfa-other-machine-'));
  const [otherJob] = await Promise.all([
    launchWithMfaAutofill({ ledgerDir: otherMachineLedger }),
    typeCredentials(page, USERS.nestor),
  ]);
  try {
    await routeToFakeSignin(otherJob.context, fakeMicrosoft);
    const otherPage = await otherJob.context.newPage();
    await typeCredentials(otherPage, USERS.nestor);
    // Early in a period, and both at once, so that both sign-ins reach the code prompt within it
    // even on a loaded machine (a code with < 3 s left is not filled).
    await untilLeftInPeriod(27_000);
    const both = [page, otherPage].map(async (p) => {
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.waitForURL(`${APP_URL}**`);
      await expect(p.getByRole('status')).toHaveText(`Signed in as ${USERS.nestor}`);
    });
    await Promise.all(both);

    const checks = fakeMicrosoft.codeChecks.filter((c) => c.upn === USERS.nestor);
    expect(checks.map((c) => c.result)).toEqual(['accepted', 'reused', 'accepted']);
    expect(checks[1]!.code).toBe(checks[0]!.code);
    expect(Math.floor(checks[2]!.at / PERIOD_MS)).toBe(Math.floor(checks[1]!.at / PERIOD_MS) + 1);
    // Whichever machine came second retried; the other filled once.
    const filled = `Filled the code for ${USERS.nestor} and submitted it.`;
    const retried = [
      filled,
      `The page refused the code for ${USERS.nestor}; retrying once with the next period's code.`,
      filled,
    ];
    await expect
      .poll(() => [mfa, otherJob].map((job) => job.events.map((e) => e.message)).sort((a, b) => a.length - b.length))
      .toEqual([[filled], retried]);
    expect([...mfa.problems(), ...otherJob.problems()]).toEqual([]);
  } finally {
    await otherJob.close();
    rmSync(otherMachineLedger, { recursive: true, force: true });
  }
});

test('waits for the next period: two browsers on one machine share the code ledger, so the second waits instead of being refused', async ({
  page,
  mfa,
  fakeMicrosoft,
  playwright,
}) => {
  // Another worker (or suite) on this machine: the same ledger ($MFA_AUTOFILL_LEDGER of this run).
  const [otherWorker] = await Promise.all([launchWithMfaAutofill({ playwright }), typeCredentials(page, USERS.joni)]);
  try {
    await routeToFakeSignin(otherWorker.context, fakeMicrosoft);
    const otherPage = await otherWorker.context.newPage();
    await typeCredentials(otherPage, USERS.joni);
    await untilLeftInPeriod(14_000);

    await Promise.all([
      page.getByRole('button', { name: 'Sign in' }).click(),
      otherPage.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    for (const signedIn of [page, otherPage]) {
      await signedIn.waitForURL(`${APP_URL}**`, { timeout: 45_000 });
      await expect(signedIn.getByRole('status')).toHaveText(`Signed in as ${USERS.joni}`);
    }

    // Microsoft's side: two codes, both accepted, from consecutive periods; nothing refused.
    const checks = fakeMicrosoft.codeChecks.filter((c) => c.upn === USERS.joni);
    expect(checks.map((c) => c.result)).toEqual(['accepted', 'accepted']);
    expect(Math.floor(checks[1]!.at / PERIOD_MS)).toBe(Math.floor(checks[0]!.at / PERIOD_MS) + 1);
    // The ledger's side: each period's code leased once; the loser was told to wait.
    const leases = [...mfa.leases, ...otherWorker.leases].filter((l) => l.account === USERS.joni);
    // Either browser may win the first period: order the grants by period, not by browser.
    const granted = leases
      .filter((l) => l.granted)
      .map((l) => l.counter)
      .sort((a, b) => a - b);
    expect(granted).toHaveLength(2);
    expect(granted[1]! - granted[0]!).toBe(1);
    expect(leases.filter((l) => !l.granted).map((l) => l.counter)).toContain(Math.min(...granted));
    expect([...mfa.problems(), ...otherWorker.problems()]).toEqual([]);
  } finally {
    await otherWorker.close();
  }
});
