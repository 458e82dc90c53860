import { readFileSync } from 'node:fs';
import { test as base } from '@playwright/test';
import { withMfaAutofill } from 'mfa-autofill-playwright';
import { routeToFakeSignin } from 'mfa-autofill-playwright/fake-signin';

export { expect } from '@playwright/test';

export const test = withMfaAutofill(base).extend({
  // Only because Microsoft is played by a local service here: a real suite has no such line.
  context: async ({ context }, use) => {
    const { port, certificate } = JSON.parse(process.env.FAKE_SIGNIN!) as { port: number; certificate: string };
    await routeToFakeSignin(context, { port, certificate: readFileSync(certificate) });
    await use(context);
  },
});
