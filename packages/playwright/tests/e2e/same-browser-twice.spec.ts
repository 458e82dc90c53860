/**
 * A wait the extension decides in the browser, with no lease asked for it: one browser signs the
 * same account in twice within one TOTP period. Its code ledger does not hand the second sign-in
 * the code the first one spent (Microsoft would refuse it as a replay), so the second waits for
 * the next period. The helper learns that from the tab's status ('waiting-next-period'), says it
 * and adds it to the test's timeout, as it does for a code another test holds. On Playwright's
 * default 30 s timeout.
 */
import { describeWait } from 'mfa-autofill-playwright';
import { APP_URL, test as base, expect, typeCredentials } from './fixtures';
import { USERS } from './world';

const PERIOD_MS = 30_000;
const regExpText = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SAID = new RegExp(
  `^Waited \\d+ s for the next code period \\(${regExpText(USERS.miriam)} already used its code for this period in this browser\\)\\.$`,
);

// The fixtures annotate a test's waits when its `mfa` ends, after the test's body: this automatic
// fixture, set up before `mfa` and so torn down after it, checks them there.
const test = base.extend<{ waitAnnotated: undefined }>({
  waitAnnotated: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright requires a destructuring pattern here.
    async ({}, use, testInfo) => {
      await use(undefined);
      if (testInfo.status !== testInfo.expectedStatus) return;
      expect(testInfo.annotations).toContainEqual({ type: 'mfa-autofill', description: expect.stringMatching(SAID) });
    },
    { auto: true },
  ],
});

test.describe("on Playwright's default timeout", () => {
  test.describe.configure({ timeout: 30_000 });

  test('waits for the next period: one browser signs the same account in twice within a period; the wait is said and added to the timeout', async ({
    context,
    page,
    mfa,
    fakeMicrosoft,
  }, testInfo) => {
    // Both sign-ins typed up to the password first, so the second follows the first at once.
    const second = await context.newPage();
    await Promise.all([typeCredentials(page, USERS.miriam), typeCredentials(second, USERS.miriam)]);
    // Both sign-ins at the start of a fresh period: they fit in it, and a period an earlier run of
    // this test (--repeat-each) leased for this account is over. Lining up is this test's own
    // arrangement, not the sign-in's wait: given on top of the timeout.
    const left = PERIOD_MS - (Date.now() % PERIOD_MS);
    testInfo.setTimeout(testInfo.timeout + left);
    await new Promise((resolve) => setTimeout(resolve, left + 100));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${APP_URL}**`);
    await expect(page.getByRole('status')).toHaveText(`Signed in as ${USERS.miriam}`);

    const timeoutBefore = testInfo.timeout;
    await second.getByRole('button', { name: 'Sign in' }).click();
    await second.waitForURL(`${APP_URL}**`);
    await expect(second.getByRole('status')).toHaveText(`Signed in as ${USERS.miriam}`);

    // Microsoft's side: two codes from consecutive periods, both accepted; nothing refused.
    const checks = fakeMicrosoft.codeChecks.filter((c) => c.upn === USERS.miriam);
    expect(checks.map((c) => c.result)).toEqual(['accepted', 'accepted']);
    expect(Math.floor(checks[1]!.at / PERIOD_MS)).toBe(Math.floor(checks[0]!.at / PERIOD_MS) + 1);
    // No lease was refused: the browser's own ledger held the second back, and its tab said so.
    expect(mfa.leases.filter((l) => l.account === USERS.miriam && !l.granted)).toEqual([]);
    expect(mfa.events.map((e) => e.state)).toEqual(['filled', 'waiting-next-period', 'filled']);
    expect(mfa.problems()).toEqual([]);

    expect(mfa.waits).toEqual([
      expect.objectContaining({ kind: 'code-period', account: USERS.miriam, endedAt: expect.any(Number) }),
    ]);
    const wait = mfa.waits[0]!;
    expect(describeWait(wait)).toMatch(SAID);
    expect(mfa.report()).toContain(describeWait(wait));
    // The wait, from the prompt to the next period, went on top of the test's timeout.
    const waited = wait.expectedUntil! - wait.since;
    expect(waited).toBeGreaterThan(5_000);
    expect(testInfo.timeout).toBeGreaterThanOrEqual(timeoutBefore + waited);
  });
});
