/**
 * Playwright Test fixtures: `context` (and so `page`) is a Chromium with MFA Autofill set up
 * by launchWithMfaAutofill, fresh for each test. Import `test`, `expect` (and any other name of
 * Playwright Test) from here instead of '@playwright/test'; set options with
 * `test.use({ mfaOptions: { … } })`.
 *
 * After a failed test the MFA report (and a screenshot of any prompt that could not complete)
 * is attached, and the problem is added to the test's errors unless its message already says it.
 */
import { test as base } from '@playwright/test';
import { launchWithMfaAutofill, type MfaAutofill, MfaAutofillError, type MfaAutofillOptions } from './index';

// Everything else of Playwright Test too, so a suite outside this repository imports only this file.
export * from '@playwright/test';
export type { MfaAutofill, MfaAutofillOptions, MfaEvent } from './index';

export interface MfaFixtures {
  /** Options for launchWithMfaAutofill (headless follows Playwright's own `headless` unless set here). */
  mfaOptions: MfaAutofillOptions;
  /** The helper's session: events, report(), waitForEvent(), … */
  mfa: MfaAutofill;
}

export const test = base.extend<MfaFixtures>({
  mfaOptions: [{}, { option: true }],

  mfa: async ({ mfaOptions, headless }, use, testInfo) => {
    const mfa = await launchWithMfaAutofill({ headless, ...mfaOptions });
    // `use` does not throw when the test fails: Playwright records that in testInfo.
    await use(mfa);
    await mfa.close();
    const failed = testInfo.status !== testInfo.expectedStatus;
    if (failed || mfa.problems().length > 0) {
      await testInfo.attach('mfa-autofill-report', { body: mfa.report(), contentType: 'text/plain' });
      for (const [i, shot] of mfa.screenshots.entries()) {
        await testInfo.attach(`mfa-autofill-problem-${i + 1}`, { body: shot.png, contentType: 'image/png' });
      }
    }
    // An assertion on a closed page says only "Target page … has been closed": say why.
    const unsaid = mfa.problems().filter((p) => !testInfo.errors.some((e) => e.message?.includes(p.message)));
    if (failed && unsaid.length > 0) throw new MfaAutofillError(unsaid);
  },

  context: async ({ mfa }, use) => {
    await use(mfa.context);
  },
});
