/**
 * A passkey request in the helper's browser fails at once (NotAllowedError) instead of waiting
 * for a dialog nobody answers, in the first page and in pages opened later.
 */
import { type BrowserContext, expect, type Page } from '@playwright/test';
import { fixtureHtml } from '../../../../tests/fixtures/signin';
import { test } from './fixtures';

const PASSKEY_PAGE = 'https://app.contoso.example/passkey';

async function servePasskeyPage(context: BrowserContext): Promise<void> {
  await context.route(PASSKEY_PAGE, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Sign in with a passkey</title>' }),
  );
}

/** What Microsoft's "Sign in with a passkey" does: a discoverable-credential request, a minute to answer. */
function askForPasskey(page: Page): Promise<{ outcome: string; ms: number }> {
  return page.evaluate(async () => {
    const started = performance.now();
    try {
      await navigator.credentials.get({
        publicKey: {
          challenge: crypto.getRandomValues(new Uint8Array(32)),
          rpId: 'app.contoso.example',
          userVerification: 'required',
          timeout: 60_000,
        },
      });
      return { outcome: 'a credential', ms: performance.now() - started };
    } catch (error) {
      return { outcome: (error as Error).name, ms: performance.now() - started };
    }
  });
}

test('a passkey request fails at once, in the first page and in one opened later', async ({ page, context }) => {
  await servePasskeyPage(context);
  await page.goto(PASSKEY_PAGE);
  const first = await askForPasskey(page);
  expect(first.outcome).toBe('NotAllowedError');
  expect(first.ms).toBeLessThan(5_000);

  const later = await context.newPage();
  await later.goto(PASSKEY_PAGE);
  const second = await askForPasskey(later);
  expect(second.outcome).toBe('NotAllowedError');
  expect(second.ms).toBeLessThan(5_000);
});

test("the sign-in passkey prompt's request fails at once, and the page offers its way out", async ({
  page,
  context,
}) => {
  // The extension's sign-in fixture (tests/fixtures/signin/entra.ts), for an account the vault
  // does not hold: the extension leaves the prompt alone, so the page meets the authenticator.
  const promptUrl = 'https://login.microsoftonline.com/common/fido/get';
  await context.route(promptUrl, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: fixtureHtml('passkey-prompt', 'nobody.here@contoso.onmicrosoft.com'),
    }),
  );
  const started = Date.now();
  await page.goto(promptUrl);
  await expect
    .poll(() => page.evaluate(() => (window as { passkeyOutcome?: string }).passkeyOutcome), { timeout: 5_000 })
    .toBe('NotAllowedError');
  expect(Date.now() - started).toBeLessThan(5_000);
  await expect(page.locator('#loginHeader')).toHaveText("We couldn't sign you in");
  await expect(page.locator('#idA_PWD_SwitchToCredPicker')).toBeVisible();
});
