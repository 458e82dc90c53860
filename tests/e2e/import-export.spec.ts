import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import QRCode from 'qrcode';
import {
  type ExtensionBrowser,
  launchWithExtension,
  oathtoolCodesBetween,
  openExtensionPage,
  randomSecret,
  sendFromExtensionPage,
} from './browser';
import { expectPopupShowsCode } from './popup-codes';

const PASSPHRASE = 'correct horse battery staple';
const BACKUP_PASSPHRASE = 'backup passphrase for the test';

let browser: ExtensionBrowser;
test.beforeAll(async () => {
  browser = await launchWithExtension();
});
test.afterAll(async () => {
  await browser.close();
});

async function freshVault(page: Page) {
  await sendFromExtensionPage(page, { type: 'vault:delete', confirmation: 'DELETE' });
  await sendFromExtensionPage(page, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  await page.reload();
}

async function importFile(options: Page, name: string, mimeType: string, buffer: Buffer) {
  await options.getByLabel('Import file').setInputFiles({ name, mimeType, buffer });
}

test('an Entra OATH CSV of 200 accounts imports through the options page and shows 200 codes', async () => {
  const accounts = Array.from({ length: 200 }, (_, i) => ({
    upn: `qa.user${i}@contoso.onmicrosoft.com`,
    secret: randomSecret(32),
    interval: i % 10 === 0 ? 60 : 30,
  }));
  const csv = `\uFEFFupn,serial number,secret key,time interval,manufacturer,model\r\n${accounts
    .map(
      (a, i) =>
        `${a.upn},${100000 + i},"${a.secret
          .toLowerCase()
          .replace(/(.{4})/g, '$1 ')
          .trim()}",${a.interval},Contoso,Hardware token`,
    )
    .join('\r\n')}\r\n`;

  const options = await openExtensionPage(browser, 'options.html');
  await freshVault(options);
  await importFile(options, 'tokens.csv', 'text/csv', Buffer.from(csv));
  await expect(options.getByRole('status').filter({ hasText: '200 valid accounts' })).toBeVisible();
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Added 200' })).toBeVisible();

  const popup = await openExtensionPage(browser, 'popup.html');
  // The popup renders only the rows in view; each row says its place among all 200.
  await expect(popup.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '200');
  for (const account of [accounts[0], accounts[10], accounts[199]]) {
    await popup.getByRole('searchbox', { name: 'Search accounts' }).fill(account!.upn);
    await expect(popup.getByRole('listitem')).toHaveCount(1);
    // By name: one row was shown before this search too (the previous account's), and the
    // popup may show the previous period's code for a tick after a boundary.
    await expectPopupShowsCode(popup, account!.upn, account!.secret, { period: account!.interval });
  }
  await popup.close();
});

test('a file with a bad line imports nothing and names the line; the valid ones on request', async () => {
  const options = await openExtensionPage(browser, 'options.html');
  await freshVault(options);
  const csv = `upn,serial number,secret key,time interval,manufacturer,model\nok@contoso.com,1,${randomSecret()},30,C,M\nbad@contoso.com,2,${randomSecret()},45,C,M\n`;
  await importFile(options, 'tokens.csv', 'text/csv', Buffer.from(csv));
  await expect(options.getByRole('alert')).toContainText('Line 3:');
  await expect(options.getByRole('alert')).toContainText('Period must be 30 or 60 seconds, not 45');
  expect(await sendFromExtensionPage(options, { type: 'accounts:list' })).toMatchObject({ accounts: [] });
  // One account: the singular, through the plural rules (it read "Import the 1 valid accounts").
  await options.getByRole('button', { name: 'Import the 1 valid account', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Added 1 account, 1 skipped.' })).toBeVisible();
});

test('pasted links import after the check, and the pasted text (secrets) is cleared once imported', async () => {
  const options = await openExtensionPage(browser, 'options.html');
  await freshVault(options);
  const pasted = options.getByLabel('Or paste links, a CSV, or a QR code image');
  await pasted.fill(
    `otpauth://totp/Contoso:paste1@contoso.com?secret=${randomSecret()}\notpauth://totp/Contoso:paste2@contoso.com?secret=${randomSecret()}\n`,
  );
  await options.getByRole('button', { name: 'Check pasted text' }).click();
  await expect(options.getByRole('status').filter({ hasText: '2 valid accounts' })).toBeVisible();
  await expect(pasted).not.toHaveValue('');
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Added 2 accounts.' })).toBeVisible();
  await expect(pasted).toHaveValue('');
});

test('a QR code image (as mysignins.microsoft.com shows it) imports the account named after the colon', async () => {
  const options = await openExtensionPage(browser, 'options.html');
  await freshVault(options);
  const secret = randomSecret(16).toLowerCase();
  const png = await QRCode.toBuffer(
    `otpauth://totp/Contoso:qa.qr@contoso.onmicrosoft.com?secret=${secret}&issuer=Microsoft`,
    {
      type: 'png',
      width: 400,
    },
  );
  await importFile(options, 'qr.png', 'image/png', png);
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Added 1' })).toBeVisible();
  const askedAt = Date.now();
  const reply = (await sendFromExtensionPage(options, { type: 'accounts:list' })) as {
    accounts: { name: string; code: string }[];
  };
  expect(reply.accounts.map((a) => a.name)).toEqual(['qa.qr@contoso.onmicrosoft.com']);
  expect(oathtoolCodesBetween(secret.toUpperCase(), askedAt, Date.now())).toContain(reply.accounts[0]?.code);
});

test('an encrypted backup survives wiping the extension storage and restores the same codes', async () => {
  const options = await openExtensionPage(browser, 'options.html');
  await freshVault(options);
  const secrets = [randomSecret(), randomSecret(), randomSecret()];
  for (const [i, secret] of secrets.entries()) {
    await sendFromExtensionPage(options, { type: 'accounts:add', input: { name: `admin${i}@fabrikam.com`, secret } });
  }
  await options.reload();
  await options.getByLabel('Passphrase for the backup', { exact: true }).fill(BACKUP_PASSPHRASE);
  await options.getByLabel('Confirm passphrase for the backup').fill(BACKUP_PASSPHRASE);
  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export encrypted backup' }).click();
  const backup = readFileSync((await (await downloading).path())!, 'utf8');
  for (const secret of secrets) expect(backup).not.toContain(secret);

  // Wipe everything the extension stored, as a new browser would have it.
  await options.evaluate(async () => {
    const { storage } = (globalThis as unknown as { chrome: { storage: Record<string, { clear(): Promise<void> }> } })
      .chrome;
    await storage.local!.clear();
    await storage.session!.clear();
  });
  await sendFromExtensionPage(options, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  await options.reload();

  await importFile(options, 'backup.json', 'application/json', Buffer.from(backup));
  await options.getByLabel('Backup passphrase').fill('not the backup passphrase');
  await options.getByRole('button', { name: 'Open backup' }).click();
  await expect(options.getByRole('alert')).toContainText('passphrase');
  await options.getByLabel('Backup passphrase').fill(BACKUP_PASSPHRASE);
  await options.getByRole('button', { name: 'Open backup' }).click();
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Added 3' })).toBeVisible();

  const askedAt = Date.now();
  const reply = (await sendFromExtensionPage(options, { type: 'accounts:list' })) as {
    accounts: { name: string; code: string }[];
  };
  const answeredAt = Date.now();
  for (const [i, secret] of secrets.entries()) {
    const restored = reply.accounts.find((a) => a.name === `admin${i}@fabrikam.com`);
    expect(oathtoolCodesBetween(secret, askedAt, answeredAt)).toContain(restored?.code);
  }
});
