/**
 * The extension's Firefox as a Vitest fixture: one Firefox with the built extension per test file,
 * launched for the file's first test that asks for it and closed after its last, whatever
 * happened (Vitest's file-scoped fixtures, `{ scope: 'file' }`). The file's tests share it in
 * order, as they build on one vault; no two files share one.
 *
 * How to use it in a test file:
 *
 *     import { expect, test } from './fixtures';
 *
 *     test('…', async ({ firefox }) => {
 *       const popup = await openExtensionPage(firefox.browser, 'popup.html');
 *       …
 *     });
 *
 * - A file that launches Firefox otherwise (host access left to the user, a download folder)
 *   says so at its top: `test.override('launchOptions', { scope: 'file' }, { grantHostAccess: false })`.
 * - A file that serves the sign-in fixture pages asks for `signinServer`: an HTTPS server on
 *   port 443 for the sign-in hosts, closed after the file's last test whatever happened.
 * - What a file sets up once for all its tests (a vault, accounts) is a file-scoped fixture of
 *   its own, built with `test.extend` on this `test`; a suite hook may read file-scoped fixtures:
 *   `test.beforeAll(async ({ firefox }) => …)`.
 */
import { test as base } from 'vitest';
import { type LocalHttpsServer, startHttpsServer } from '../support/https-server';
import { type FirefoxLaunchOptions, launchFirefoxWithExtension, SERVED_HOSTS } from './firefox';

export { expect } from 'vitest';

export const test = base
  .extend('launchOptions', { scope: 'file' }, { grantHostAccess: true } as FirefoxLaunchOptions)
  .extend('firefox', { scope: 'file' }, async ({ launchOptions }, { onCleanup }) => {
    const firefox = await launchFirefoxWithExtension(launchOptions);
    onCleanup(() => firefox.close());
    return firefox;
  })
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern; it has none.
  .extend('signinServer', { scope: 'file' }, async ({}, { onCleanup }): Promise<LocalHttpsServer> => {
    const server = await startHttpsServer(SERVED_HOSTS);
    // Port 443 must be free for the next file whatever happened in this one.
    onCleanup(() => server.close());
    return server;
  });
