import { expect, test } from '@playwright/test';
import QRCode from 'qrcode';
import {
  buildWithToolbarGrant,
  type ExtensionBrowser,
  launchWithExtension,
  oathtoolCode,
  openExtensionPage,
  randomSecret,
  sendFromExtensionPage,
} from './browser';

const PASSPHRASE = 'correct horse battery staple';

let browser: ExtensionBrowser;
test.beforeAll(async () => {
  // Automation cannot click the toolbar button, whose activeTab grant allows the capture.
  browser = await launchWithExtension(buildWithToolbarGrant());
});
test.afterAll(async () => {
  await browser.close();
});

test('"Scan QR code" in the popup imports the code mysignins.microsoft.com shows in the current tab', async () => {
  const secret = randomSecret(16).toLowerCase();
  const link = `otpauth://totp/Fabrikam:qa.scan@fabrikam.onmicrosoft.com?secret=${secret}&issuer=Microsoft`;
  const qr = await QRCode.toDataURL(link, { width: 240 });
  await browser.context.route('https://mysignins.microsoft.com/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>My Sign-Ins</title><h1>Scan the QR code</h1><p>Use the authenticator app to scan the QR code.</p><img alt="QR code" src="${qr}">`,
    }),
  );
  const signins = await browser.context.newPage();
  await signins.goto('https://mysignins.microsoft.com/security-info');

  const popup = await openExtensionPage(browser, 'popup.html', { newWindow: true });
  await sendFromExtensionPage(popup, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  await popup.reload();
  await signins.bringToFront();
  await popup.getByRole('button', { name: 'Add account' }).click();
  await popup.getByRole('button', { name: 'Scan QR code' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Added 1' })).toBeVisible();
  const item = popup.getByRole('listitem').filter({ hasText: 'qa.scan@fabrikam.onmicrosoft.com' });
  const shown = ((await item.locator('.code').textContent()) ?? '').replace(/\D/g, '');
  const now = Date.now();
  expect([oathtoolCode(secret.toUpperCase(), now - 2000), oathtoolCode(secret.toUpperCase(), now)]).toContain(shown);
});
