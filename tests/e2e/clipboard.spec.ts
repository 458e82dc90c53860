import { openExtensionPage, randomSecret, sendFromExtensionPage } from './browser';
import { expect, test } from './fixtures';

const PASSPHRASE = 'correct horse battery staple';
const ACCOUNT = 'qa.clipboard@contoso.onmicrosoft.com';

test('a copied code is cleared from the clipboard after the delay set in the options', async ({ extension }) => {
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const popup = await openExtensionPage(extension, 'popup.html');
  await sendFromExtensionPage(popup, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  await sendFromExtensionPage(popup, { type: 'accounts:add', input: { name: ACCOUNT, secret: randomSecret() } });
  await sendFromExtensionPage(popup, { type: 'settings:set', changes: { clipboardClearSeconds: 15 } });
  await popup.reload();

  // The delay starts after the click: nothing may clear the clipboard sooner than 15 s from here.
  const clickedAt = Date.now();
  await popup.getByRole('button', { name: `Copy code for ${ACCOUNT}` }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const copied = await popup.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^\d{6}$/);

  // Still there well before the delay, gone after it (read back from the real clipboard). A read
  // that a loaded machine delayed past the delay proves nothing about "before", so it is judged
  // only when it came back in time; the moment it is seen gone is judged always.
  await popup.waitForTimeout(8_000);
  const held = await popup.evaluate(() => navigator.clipboard.readText());
  if (Date.now() - clickedAt < 15_000) expect(held).toBe(copied);
  await expect.poll(() => popup.evaluate(() => navigator.clipboard.readText()), { timeout: 15_000 }).toBe('');
  expect(Date.now() - clickedAt).toBeGreaterThanOrEqual(15_000);
});
