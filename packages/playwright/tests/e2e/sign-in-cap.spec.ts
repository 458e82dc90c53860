/**
 * The cap on sign-ins of one account (signInsPerMinute) without the account pool: the lease
 * server takes the account's sign-in slot at its first code lease (lease-server.ts). Two browsers
 * of one ledger sign the same account in with a cap of one a minute: the second waits for the
 * slot, the wait is said in its report and given back to the test's timeout (Playwright's default
 * 30 s here), and Microsoft's side saw no code twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWait, launchWithMfaAutofill } from 'mfa-autofill-playwright';
import { routeToFakeSignin } from 'mfa-autofill-playwright/fake-signin';
import { APP_URL, test as base, expect, signIn } from './fixtures';
import { USERS } from './world';

const CAP_MS = 60_000;
const PERIOD_MS = 30_000;
const SAID = new RegExp(
  `^Waited \\d+ s to sign in ${USERS.johanna.replace(/\./g, '\\.')} \\(at most 1 sign-ins of one account a minute, signInsPerMinute\\)\\.$`,
);

/** This test's own ledger (no other test takes its slots), and the cap of one sign-in a minute. */
const test = base.extend<{ ledgerDir: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructuring pattern here.
  ledgerDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'mfa-cap-test-'));
    await use(join(dir, 'ledger'));
    rmSync(dir, { recursive: true, force: true });
  },
  mfaOptions: async ({ ledgerDir }, use) => {
    await use({ ledgerDir, signInsPerMinute: 1 });
  },
});

test.describe("on Playwright's default timeout", () => {
  test.describe.configure({ timeout: 30_000 });

  test('without the account pool, a second sign-in of one account within the minute waits for a slot and says why', async ({
    playwright,
    ledgerDir,
    page,
    mfa,
    fakeMicrosoft,
  }, testInfo) => {
    // Another test (its own browser, the same ledger) signed the account in a moment ago.
    const other = await launchWithMfaAutofill({ playwright, ledgerDir, signInsPerMinute: 1 });
    try {
      await routeToFakeSignin(other.context, fakeMicrosoft);
      await signIn(await other.context.newPage(), USERS.johanna);
    } finally {
      await other.close();
    }
    const firstLease = other.leases.find((l) => l.granted)!;
    expect(firstLease).toMatchObject({ account: USERS.johanna });

    // This sign-in starts in a period after the other's, so its code is free and only the slot is
    // waited for. Lining up is this test's arrangement, not the sign-in's wait: given on top of the timeout.
    const left = PERIOD_MS - (Date.now() % PERIOD_MS);
    testInfo.setTimeout(testInfo.timeout + left);
    await new Promise((resolve) => setTimeout(resolve, left + 100));
    const timeoutBefore = testInfo.timeout;
    await signIn(page, USERS.johanna);
    await expect(page.getByRole('status')).toHaveText(`Signed in as ${USERS.johanna}`);

    // Refused for want of a slot until a minute after the other's sign-in took it, then granted.
    const refused = mfa.leases.filter((l) => !l.granted);
    expect(refused.length).toBeGreaterThan(0);
    for (const lease of refused) expect(lease).toMatchObject({ signInCap: 1, heldBy: null });
    const granted = mfa.leases.find((l) => l.granted)!;
    expect(granted.at - firstLease.at).toBeGreaterThanOrEqual(CAP_MS);
    expect(mfa.problems()).toEqual([]);

    expect(mfa.waits).toEqual([
      expect.objectContaining({ kind: 'sign-in-slot', account: USERS.johanna, endedAt: expect.any(Number) }),
    ]);
    const wait = mfa.waits[0]!;
    expect(describeWait(wait)).toMatch(SAID);
    expect(mfa.report()).toContain(describeWait(wait));
    expect(testInfo.timeout).toBeGreaterThanOrEqual(timeoutBefore + (wait.endedAt! - wait.since));

    // Microsoft's side: two sign-ins, two codes, each accepted once.
    const checks = fakeMicrosoft.codeChecks.filter((c) => c.upn === USERS.johanna);
    expect(checks.map((c) => c.result)).toEqual(['accepted', 'accepted']);
    await expect(page).toHaveURL(new RegExp(`^${APP_URL}`));
  });
});
