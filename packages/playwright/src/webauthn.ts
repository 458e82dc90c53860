/**
 * Passkey prompts must not hang a run: Microsoft offers passkeys first, and a WebAuthn request
 * in a browser nobody watches waits for an operating-system dialog until it times out. Each page
 * of the helper's browser gets a virtual authenticator with no credentials (Chrome DevTools
 * Protocol, WebAuthn domain, its UI off), so a request fails at once with NotAllowedError, and
 * the page falls back to its other ways, where the extension takes the code route.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { internally } from './internal-call.js';

async function addEmptyAuthenticator(context: BrowserContext, page: Page): Promise<void> {
  const attach = async () => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: false,
        // Presence is "given" at once, so the authenticator answers "no credential" at once;
        // without it a request waits for its full timeout (measured: 60 s of a 60 s request).
        automaticPresenceSimulation: true,
      },
    });
  };
  // Kept out of the suite's trace (internal-call.ts).
  await internally(context, attach);
}

/** Every page of `context`, open now or opened later; resolves once the open ones are done. */
export async function failWebAuthnFast(context: BrowserContext): Promise<void> {
  const apply = (page: Page) =>
    addEmptyAuthenticator(context, page).catch(() => {
      // The page closed before it could be set up: nothing to protect.
    });
  context.on('page', (page) => void apply(page));
  await Promise.all(context.pages().map(apply));
}
