import { expect, type Page, test } from '@playwright/test';
import {
  type ExtensionBrowser,
  launchWithExtension,
  oathtoolCode,
  openExtensionPage,
  randomSecret,
  sendFromExtensionPage,
} from './browser';

const PASSPHRASE = 'correct horse battery staple';
const ACCOUNTS = [
  { name: 'alex.wilber@contoso.onmicrosoft.com', issuer: 'Contoso', secret: randomSecret() },
  { name: 'megan.bowen@fabrikam.onmicrosoft.com', issuer: 'Fabrikam', secret: randomSecret() },
  { name: 'lynne.robbins@contoso.onmicrosoft.com', issuer: 'Contoso', secret: randomSecret() },
];

let browser: ExtensionBrowser;
test.beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
test.afterAll(async () => {
  await browser.close();
});

const namesInOrder = (popup: Page) => popup.getByRole('listitem').locator('.name').allTextContents();
const clean = (names: string[]) => names.map((n) => n.replace(/^(★\s*)?(Pinned:\s*)?/, '').trim());

test('search, copy with Enter, pin and most-recently-used order in the popup', async () => {
  const setup = await openExtensionPage(browser, 'options.html');
  await sendFromExtensionPage(setup, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  for (const account of ACCOUNTS) await sendFromExtensionPage(setup, { type: 'accounts:add', input: account });

  const popup = await openExtensionPage(browser, 'popup.html');
  await expect(popup.getByRole('listitem')).toHaveCount(3);
  // Never used yet: by name. The issuer is shown under the name.
  expect(clean(await namesInOrder(popup))).toEqual([ACCOUNTS[0]!.name, ACCOUNTS[2]!.name, ACCOUNTS[1]!.name]);
  await expect(popup.getByRole('listitem').filter({ hasText: ACCOUNTS[1]!.name })).toContainText('Fabrikam');

  // The search box has focus on open; typing filters; Enter copies the first match.
  await expect(popup.getByRole('searchbox', { name: 'Search accounts' })).toBeFocused();
  await popup.keyboard.type('megan');
  await expect(popup.getByRole('listitem')).toHaveCount(1);
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toContainText(ACCOUNTS[1]!.name);
  const copied = await popup.evaluate(() => navigator.clipboard.readText());
  const now = Date.now();
  expect([oathtoolCode(ACCOUNTS[1]!.secret, now - 2000), oathtoolCode(ACCOUNTS[1]!.secret, now)]).toContain(copied);

  // Most recently used comes first.
  await popup.reload();
  await expect(popup.getByRole('listitem')).toHaveCount(3);
  expect(clean(await namesInOrder(popup))[0]).toBe(ACCOUNTS[1]!.name);

  // Pinned accounts come before everything else.
  await popup.getByRole('button', { name: `Edit ${ACCOUNTS[2]!.name}` }).click();
  await popup.getByRole('checkbox', { name: 'Pin to top' }).check();
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(popup.getByRole('listitem')).toHaveCount(3);
  expect(clean(await namesInOrder(popup))).toEqual([ACCOUNTS[2]!.name, ACCOUNTS[1]!.name, ACCOUNTS[0]!.name]);

  // A search that matches nothing says so.
  await popup.getByRole('searchbox', { name: 'Search accounts' }).fill('nobody');
  await expect(popup.getByRole('listitem')).toHaveCount(0);
});
