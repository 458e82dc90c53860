import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  type ExtensionBrowser,
  launchWithExtension,
  openExtensionPage,
  randomSecret,
  sendFromExtensionPage,
} from './browser';

// The README's pictures, taken from the built extension. `UPDATE_SCREENSHOTS=1 npx playwright
// test screenshots` writes them to docs/screenshots; otherwise they go to test-results, so a
// normal run checks the pages still render without changing committed files (codes differ).
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';

const PASSPHRASE = 'correct horse battery staple';
// Made-up tenants (Microsoft's documentation names): contoso and fabrikam.
const ACCOUNTS = [
  { name: 'qa.user@contoso.onmicrosoft.com', issuer: 'Contoso', pinned: true },
  { name: 'breakglass@fabrikam.onmicrosoft.com', issuer: 'Fabrikam' },
  { name: 'release.bot@contoso.onmicrosoft.com', issuer: 'Contoso', digits: 8, period: 60 },
  { name: 'admin@fabrikam.onmicrosoft.com', issuer: 'Fabrikam' },
];
/** The popup's width in Chrome: the page's own min-width (components/theme.css). */
const POPUP_WIDTH = 360;
const OPTIONS_WIDTH = 800;

let browser: ExtensionBrowser;
test.beforeAll(async () => {
  browser = await launchWithExtension();
});
test.afterAll(async () => {
  await browser.close();
});

/**
 * A picture of `target` at twice the CSS pixels, sharp on high-density screens. Playwright's own
 * screenshot resets the device scale factor to the context's (1), so this asks CDP directly.
 */
async function snap(page: Page, target: Locator, name: string, width: number) {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width, height: 600, deviceScaleFactor: 2, mobile: false });
  const box = await target.boundingBox();
  if (!box) throw new Error(`${name}: nothing to take a picture of`);
  // The box is relative to the viewport, the clip to the document: add what the page is scrolled by.
  const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
  const { data } = await cdp.send('Page.captureScreenshot', {
    format: 'png',
    captureBeyondViewport: true,
    clip: { x: box.x + scroll.x, y: box.y + scroll.y, width: box.width, height: Math.ceil(box.height), scale: 1 },
  });
  await cdp.send('Emulation.clearDeviceMetricsOverride');
  await cdp.detach();
  const dir = UPDATE ? resolve('docs/screenshots') : test.info().outputPath('screenshots');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), Buffer.from(data, 'base64'));
}

/** Waits until every code has more than `seconds` left, so no row shows the red "ending" state. */
async function codesFreshFor(popup: Page, seconds: number) {
  await expect
    .poll(
      async () =>
        Math.min(
          ...(await popup
            .getByRole('progressbar', { name: 'Time left' })
            .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('aria-valuenow'))))),
        ),
      { timeout: 40_000, intervals: [250] },
    )
    .toBeGreaterThan(seconds);
}

test('screenshots of the popup and the options page', async () => {
  const popup = await openExtensionPage(browser, 'popup.html');
  await emulateDarkOr(popup);
  await sendFromExtensionPage(popup, { type: 'vault:delete', confirmation: 'DELETE' });
  await sendFromExtensionPage(popup, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  for (const { pinned, ...input } of ACCOUNTS) {
    const reply = (await sendFromExtensionPage(popup, {
      type: 'accounts:add',
      input: { ...input, secret: randomSecret(32) },
    })) as { ok: boolean; id?: string };
    expect(reply.ok).toBe(true);
    if (pinned) await sendFromExtensionPage(popup, { type: 'accounts:update', id: reply.id, changes: { pinned } });
    // A date in "Last used": the options table's widest column.
    if (input.digits) await sendFromExtensionPage(popup, { type: 'accounts:mark-used', id: reply.id });
  }
  await sendFromExtensionPage(popup, { type: 'vault:lock' });
  await popup.reload();
  const app = popup.locator('#app');

  await expect(popup.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await snap(popup, app, 'popup-locked.png', POPUP_WIDTH);

  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('listitem')).toHaveCount(ACCOUNTS.length);
  await codesFreshFor(popup, 8);
  await popup.getByRole('searchbox', { name: 'Search accounts' }).blur();
  await snap(popup, app, 'popup-list.png', POPUP_WIDTH);

  await popup.getByRole('button', { name: 'Add account' }).click();
  await popup.getByRole('textbox', { name: 'Account name' }).fill('new.hire@contoso.onmicrosoft.com');
  await snap(popup, app, 'popup-add.png', POPUP_WIDTH);

  const options = await openExtensionPage(browser, 'options.html');
  await emulateDarkOr(options);
  await expect(options.getByRole('button', { name: 'Export encrypted backup' })).toBeVisible();
  await snap(options, options.locator('body'), 'options.png', OPTIONS_WIDTH);

  // The account table, two accounts selected.
  const accounts = options.getByRole('region', { name: 'Accounts' });
  await accounts.getByRole('checkbox', { name: `Select ${ACCOUNTS[1]!.name}` }).check();
  await accounts.getByRole('checkbox', { name: `Select ${ACCOUNTS[3]!.name}` }).check();
  await snap(options, accounts, 'options-accounts.png', OPTIONS_WIDTH);
});

/** `SCREENSHOT_SCHEME=dark` takes the same pictures in the dark colour scheme. */
async function emulateDarkOr(page: Page) {
  // Reduced motion: the countdown bars stand still where they are instead of mid-animation.
  await page.emulateMedia({
    colorScheme: process.env.SCREENSHOT_SCHEME === 'dark' ? 'dark' : 'light',
    reducedMotion: 'reduce',
  });
}
