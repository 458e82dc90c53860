/**
 * Playwright Test fixtures for the suite's own `test`: `withMfaAutofill(test)` returns it extended
 * so that `context` (and so `page`) is a Chromium with MFA Autofill set up by
 * launchWithMfaAutofill, fresh for each test, launched with the suite's own Playwright (the
 * `playwright` fixture): this package never loads a copy of its own. Options through
 * `test.use({ mfaOptions: { … } })`.
 *
 * While a sign-in waits for the next TOTP period (or, with accountPool, for a free account or a
 * sign-in slot), the test's timeout is extended by the wait.
 * After a failed test the MFA report (and a screenshot of any prompt that could not complete,
 * with its redacted screen-report.json when the extension did not know the screen or left its
 * prompt unfilled) is attached, and the problem is added to the test's errors unless its message already says it.
 */
import type {
  PlaywrightTestArgs,
  PlaywrightTestOptions,
  PlaywrightWorkerArgs,
  PlaywrightWorkerOptions,
  TestInfo,
  TestType,
} from '@playwright/test';
import type { ContextOptions } from './browser.js';
import { MfaAutofillError } from './events.js';
import { attachScreenReports } from './screen-report.js';
import { launchWithMfaAutofill, type MfaAutofill, type MfaAutofillOptions } from './session.js';
import { extendTestTimeout } from './test-timeout.js';
import { describeWait } from './waits.js';

export interface MfaFixtures {
  /** Options for launchWithMfaAutofill (headless follows Playwright's own `headless` unless set here). */
  mfaOptions: MfaAutofillOptions;
  /** The helper's session: events, report(), waitForEvent(), … */
  mfa: MfaAutofill;
  /** With `mfaOptions.accountPool`: the account this test holds, which no other test holds now. */
  mfaAccount: { upn: string };
}

/** Room for the helper's setup while it runs; afterwards the test is charged nothing for it. */
const SETUP_ALLOWANCE_MS = 120_000;

type SuiteTestArgs = PlaywrightTestArgs & PlaywrightTestOptions;
type SuiteWorkerArgs = PlaywrightWorkerArgs & PlaywrightWorkerOptions;

/** The suite's `use` options that make sense for the helper's browser, as Playwright's own context gets them. */
function suiteContextOptions(args: Partial<PlaywrightTestOptions>): ContextOptions {
  const options: ContextOptions = { ...args.contextOptions };
  const named = {
    baseURL: args.baseURL,
    viewport: args.viewport,
    locale: args.locale,
    timezoneId: args.timezoneId,
    colorScheme: args.colorScheme,
    ignoreHTTPSErrors: args.ignoreHTTPSErrors,
    userAgent: args.userAgent,
    extraHTTPHeaders: args.extraHTTPHeaders,
    httpCredentials: args.httpCredentials,
    acceptDownloads: args.acceptDownloads,
  };
  for (const [name, value] of Object.entries(named)) {
    if (value !== undefined) (options as Record<string, unknown>)[name] = value;
  }
  return options;
}

export function withMfaAutofill<T extends SuiteTestArgs, W extends SuiteWorkerArgs>(
  test: TestType<T, W>,
): TestType<T & MfaFixtures, W> {
  // The generic fixture map of test.extend cannot be spelled for any T: typed at the edges instead.
  const fixtures = {
    mfaOptions: [{}, { option: true }],

    // Playwright reads the fixtures a fixture needs from its destructuring pattern: name each one.
    mfa: async (
      {
        mfaOptions,
        headless,
        playwright,
        contextOptions,
        baseURL,
        viewport,
        locale,
        timezoneId,
        colorScheme,
        ignoreHTTPSErrors,
        userAgent,
        extraHTTPHeaders,
        httpCredentials,
        acceptDownloads,
      }: SuiteTestArgs & SuiteWorkerArgs & { mfaOptions: MfaAutofillOptions },
      use: (mfa: MfaAutofill) => Promise<void>,
      testInfo: TestInfo,
    ) => {
      const args = {
        contextOptions,
        baseURL,
        viewport,
        locale,
        timezoneId,
        colorScheme,
        ignoreHTTPSErrors,
        userAgent,
        extraHTTPHeaders,
        httpCredentials,
        acceptDownloads,
      };
      // Starting Chromium with the extension and making the vault (its key derivation) is the
      // helper's setup, not the test's steps: like a worker's browser launch, it is not charged to
      // the test's timeout, which a loaded machine would otherwise spend before the test begins.
      const setupStarted = Date.now();
      const timeout = testInfo.timeout;
      if (timeout > 0) testInfo.setTimeout(timeout + SETUP_ALLOWANCE_MS);
      const mfa = await launchWithMfaAutofill({
        playwright,
        headless,
        sessionLabel: `worker ${testInfo.parallelIndex}: "${testInfo.title}"`,
        ...mfaOptions,
        contextOptions: { ...suiteContextOptions(args), ...mfaOptions.contextOptions },
        // Waiting for a code period is not the test being slow (test-timeout.ts); nor is waiting for
        // a pool account or a sign-in slot, which happens during the setup below and pushes its deadline.
        onWait: (wait, longerByMs) => {
          extendTestTimeout(testInfo, longerByMs);
          mfaOptions.onWait?.(wait, longerByMs);
        },
      });
      // The whole setup, the pool's waits included, is given back once (not also each wait's slack).
      if (timeout > 0) testInfo.setTimeout(timeout + (Date.now() - setupStarted));
      // The pool's waits are over before the test begins: said now, so the test's own report has them.
      const setupWaits = mfa.waits.length;
      for (const wait of mfa.waits)
        testInfo.annotations.push({ type: 'mfa-autofill', description: describeWait(wait) });
      // `use` does not throw when the test fails: Playwright records that in testInfo.
      await use(mfa);
      await mfa.close();
      // Said in the HTML and list reports too, for a test that passed after waiting.
      for (const wait of mfa.waits.slice(setupWaits))
        testInfo.annotations.push({ type: 'mfa-autofill', description: describeWait(wait) });
      for (const note of mfa.notes) testInfo.annotations.push({ type: 'mfa-autofill', description: note });
      const failed = testInfo.status !== testInfo.expectedStatus;
      if (failed || mfa.problems().length > 0 || mfa.notes.length > 0) {
        await testInfo.attach('mfa-autofill-report', { body: mfa.report(), contentType: 'text/plain' });
        for (const [i, shot] of mfa.screenshots.entries()) {
          await testInfo.attach(`mfa-autofill-problem-${i + 1}`, { body: shot.png, contentType: 'image/png' });
        }
        await attachScreenReports(testInfo, mfa.screenshots);
      }
      // An assertion on a closed page says only "Target page … has been closed": say why.
      const unsaid = mfa.problems().filter((p) => !testInfo.errors.some((e) => e.message?.includes(p.message)));
      if (failed && unsaid.length > 0) throw new MfaAutofillError(unsaid);
    },

    context: async ({ mfa }: MfaFixtures, use: (context: MfaAutofill['context']) => Promise<void>) => {
      await use(mfa.context);
    },

    mfaAccount: async ({ mfa }: MfaFixtures, use: (account: { upn: string }) => Promise<void>) => {
      if (!mfa.account) {
        throw new Error('MFA Autofill: the mfaAccount fixture needs test.use({ mfaOptions: { accountPool: true } }).');
      }
      await use(mfa.account);
    },
  };
  // biome-ignore lint/suspicious/noExplicitAny: see above; the result type is stated.
  return test.extend<MfaFixtures>(fixtures as any) as unknown as TestType<T & MfaFixtures, W>;
}
