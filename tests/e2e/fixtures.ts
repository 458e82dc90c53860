/**
 * The extension's browser as a Playwright fixture: one Chromium with the built extension per
 * spec file, shared by that file's tests in order (they build on one vault), never by two files.
 *
 * How to use it in a spec:
 *
 *     import { expect, test } from './fixtures';
 *
 *     test('…', async ({ extension }) => {
 *       const popup = await openExtensionPage(extension, 'popup.html');
 *       …
 *     });
 *
 * - Drop the file's `test.beforeAll(launchWithExtension)` / `test.afterAll(close)` and its
 *   module-level `browser`; helpers that used it take the `ExtensionBrowser` as a parameter.
 * - A file that needs the build with the toolbar's activeTab grant (see `buildWithToolbarGrant`)
 *   says so at its top: `test.use({ extensionBuild: 'with-toolbar-grant' });`.
 * - A test that needs a browser of its own (a restart, another language's build) still calls
 *   `launchWithExtension` itself and closes it in a `finally`.
 *
 * Playwright has no file-scoped fixtures. With `fullyParallel: false` a worker runs a file's
 * tests one after the other, so a worker-scoped holder keeps the browser of the file being run:
 * the first test of another file closes it (the first asking for `extension` launches a fresh
 * one), a test asking for another build replaces it, and the worker's end closes the last. A failed test ends its worker; Playwright goes on with a new
 * worker, and so with a new browser, as `beforeAll` did.
 */
import { rmSync } from 'node:fs';
import { test as base } from '@playwright/test';
import { buildWithToolbarGrant, type ExtensionBrowser, launchWithExtension } from './browser';

export { expect } from '@playwright/test';

/** `as-shipped`: the build in .output; `with-toolbar-grant`: a copy that also holds `<all_urls>`. */
export type ExtensionBuild = 'as-shipped' | 'with-toolbar-grant';

interface FileBrowser {
  file: string;
  build: ExtensionBuild;
  browser: ExtensionBrowser;
}

/** The open browser of the worker's current file, if any. */
interface FileBrowserHolder {
  current: FileBrowser | null;
}

async function launch(build: ExtensionBuild): Promise<ExtensionBrowser> {
  if (build === 'as-shipped') return launchWithExtension();
  const dir = buildWithToolbarGrant();
  const browser = await launchWithExtension(dir);
  return {
    ...browser,
    async close() {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function closeHeld(holder: FileBrowserHolder): Promise<void> {
  const held = holder.current;
  holder.current = null;
  await held?.browser.close();
}

export const test = base.extend<
  { extension: ExtensionBrowser; extensionBuild: ExtensionBuild; closeOtherFilesBrowser: undefined },
  { fileBrowser: FileBrowserHolder }
>({
  extensionBuild: ['as-shipped', { option: true }],

  fileBrowser: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none.
    async ({}, use) => {
      const holder: FileBrowserHolder = { current: null };
      await use(holder);
      await closeHeld(holder);
    },
    { scope: 'worker' },
  ],

  // Runs for every test, also one that does not ask for `extension`: another file's browser is
  // not left open beside it.
  closeOtherFilesBrowser: [
    async ({ fileBrowser }, use, testInfo) => {
      if (fileBrowser.current && fileBrowser.current.file !== testInfo.file) await closeHeld(fileBrowser);
      await use(undefined);
    },
    { auto: true },
  ],

  extension: async ({ fileBrowser, extensionBuild, closeOtherFilesBrowser }, use, testInfo) => {
    void closeOtherFilesBrowser; // it must run first
    if (fileBrowser.current && fileBrowser.current.build !== extensionBuild) await closeHeld(fileBrowser);
    if (!fileBrowser.current) {
      fileBrowser.current = { file: testInfo.file, build: extensionBuild, browser: await launch(extensionBuild) };
    }
    await use(fileBrowser.current.browser);
  },
});
