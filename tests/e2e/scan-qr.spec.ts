import type { Page } from '@playwright/test';
import QRCode from 'qrcode';
import {
  type ExtensionBrowser,
  oathtoolCodesBetween,
  openExtensionPage,
  randomSecret,
  sendFromExtensionPage,
} from './browser';
import { expect, test } from './fixtures';
import { expectPopupShowsCode } from './popup-codes';

const PASSPHRASE = 'correct horse battery staple';

// Automation cannot click the toolbar button, whose activeTab grant allows the capture.
test.use({ extensionBuild: 'with-toolbar-grant' });

/** The registration page of mysignins.microsoft.com showing `link` as a QR code, in a tab of its own. */
async function showQrCode(extension: ExtensionBrowser, link: string): Promise<Page> {
  const qr = await QRCode.toDataURL(link, { width: 240 });
  await extension.context.unroute('https://mysignins.microsoft.com/**');
  await extension.context.route('https://mysignins.microsoft.com/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>My Sign-Ins</title><h1>Scan the QR code</h1><p>Use the authenticator app to scan the QR code.</p><img alt="QR code" src="${qr}">`,
    }),
  );
  const signins = await extension.context.newPage();
  await signins.goto('https://mysignins.microsoft.com/security-info');
  // The popup captures the active tab of the other window; with only this one open, that is
  // the tab showing the code, whichever window headless Chromium reports as focused.
  for (const page of extension.context.pages()) if (page !== signins) await page.close();
  return signins;
}

async function popupWithVault(extension: ExtensionBrowser): Promise<Page> {
  const popup = await openExtensionPage(extension, 'popup.html', { newWindow: true });
  await sendFromExtensionPage(popup, { type: 'vault:delete', confirmation: 'DELETE' });
  await sendFromExtensionPage(popup, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  await popup.reload();
  return popup;
}

async function accountsIn(popup: Page): Promise<{ name: string; code: string }[]> {
  return (
    (await sendFromExtensionPage(popup, { type: 'accounts:list' })) as { accounts: { name: string; code: string }[] }
  ).accounts;
}

test('"Scan QR code" shows the account the page\'s QR code holds and imports it only when the user confirms', async ({
  extension,
}) => {
  const secret = randomSecret(16).toLowerCase();
  const signins = await showQrCode(
    extension,
    `otpauth://totp/Fabrikam:qa.scan@fabrikam.onmicrosoft.com?secret=${secret}&issuer=Microsoft`,
  );
  const popup = await popupWithVault(extension);
  await signins.bringToFront();
  await popup.getByRole('button', { name: 'Add account' }).click();
  await popup.getByRole('button', { name: 'Scan QR code' }).click();

  await expect(popup.getByRole('status').filter({ hasText: 'The QR code holds 1 account. Import it?' })).toBeVisible();
  await expect(popup.getByText('qa.scan@fabrikam.onmicrosoft.com (Microsoft)')).toBeVisible();
  // What the page showed is not in the vault until the user says so.
  expect(await accountsIn(popup)).toEqual([]);

  await popup.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Added 1' })).toBeVisible();
  await expectPopupShowsCode(popup, 'qa.scan@fabrikam.onmicrosoft.com', secret.toUpperCase());
});

test('a QR code for a name already in the vault with another secret asks keep, replace or rename; "Don\'t import" changes nothing', async ({
  extension,
}) => {
  const kept = randomSecret(16);
  const signins = await showQrCode(
    extension,
    `otpauth://totp/Fabrikam:qa.conflict@fabrikam.onmicrosoft.com?secret=${randomSecret(16)}&issuer=Microsoft`,
  );
  const popup = await popupWithVault(extension);
  await sendFromExtensionPage(popup, {
    type: 'accounts:add',
    input: { name: 'qa.conflict@fabrikam.onmicrosoft.com', secret: kept },
  });
  await signins.bringToFront();
  await popup.getByRole('button', { name: 'Add account' }).click();
  await popup.getByRole('button', { name: 'Scan QR code' }).click();

  await expect(
    popup.getByRole('group', { name: /qa\.conflict@fabrikam\.onmicrosoft\.com has another secret/ }),
  ).toBeVisible();
  await expect(popup.getByRole('radio', { name: 'Keep the account in the vault' })).toBeChecked();
  await expect(popup.getByRole('radio', { name: 'Replace its secret with the imported one' })).toBeVisible();
  await popup.getByRole('button', { name: "Don't import" }).click();
  await expect(popup.getByRole('button', { name: 'Scan QR code' })).toBeVisible();

  const askedAt = Date.now();
  const [account, ...others] = await accountsIn(popup);
  expect(others).toEqual([]);
  expect(oathtoolCodesBetween(kept, askedAt, Date.now())).toContain(account?.code);
});
