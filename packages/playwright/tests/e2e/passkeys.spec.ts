/**
 * A passkey request in the helper's browser fails at once (NotAllowedError) instead of waiting
 * for a dialog nobody answers, in the first page and in pages opened later.
 */
import { type BrowserContext, expect, type Page } from '@playwright/test';
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
