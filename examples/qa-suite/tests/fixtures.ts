// examples/qa-suite/tests/fixtures.ts
import { readFileSync } from 'node:fs';
import { test as base } from '@playwright/test';
import { withMfaAutofill } from 'mfa-autofill-playwright';
import { routeToFakeSignin } from 'mfa-autofill-playwright/fake-signin';

export { expect } from '@playwright/test';

export const test = withMfaAutofill(base).extend({
  // Only while Microsoft is played by the fake service (global-setup.ts): a suite that signs in
  // to the real Microsoft has no such fixture, just `withMfaAutofill(base)`.
  context: async ({ context }, use) => {
    const { port, certificate } = JSON.parse(process.env.FAKE_SIGNIN!) as { port: number; certificate: string };
    await routeToFakeSignin(context, { port, certificate: readFileSync(certificate) });
    await use(context);
  },
});
