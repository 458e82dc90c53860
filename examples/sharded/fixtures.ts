// The suite's fixtures, as for any suite (README.md, 'QA automation: unattended sign-in (mfa-autofill-playwright)');
// the options are in playwright.config.ts.
import { test as base } from '@playwright/test';
import { withMfaAutofill } from 'mfa-autofill-playwright';

export const test = withMfaAutofill(base);
export { expect } from '@playwright/test';
