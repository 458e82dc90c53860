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
const NEW_PASSPHRASE = 'a whole new passphrase';
const ACCOUNT = 'breakglass@fabrikam.onmicrosoft.com';

let browser: ExtensionBrowser;
test.beforeAll(async () => {
  browser = await launchWithExtension();
});
test.afterAll(async () => {
  await browser.close();
});

const sendFrom = sendFromExtensionPage;

async function codeShown(popup: Page, name: string): Promise<string> {
  const text = await popup.getByRole('listitem').filter({ hasText: name }).locator('.code').textContent();
  return (text ?? '').replace(/\D/g, '');
}

test('change the passphrase: the old one stops working and the codes stay the same; then delete the vault', async () => {
  const secret = randomSecret();
  const options = await openExtensionPage(browser, 'options.html');
  await sendFrom(options, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  await sendFrom(options, { type: 'accounts:add', input: { name: ACCOUNT, secret } });
  await options.reload();

  // A wrong current passphrase changes nothing.
  await options.getByLabel('Current passphrase').fill('not it at all');
  await options.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await options.getByLabel('Confirm new passphrase').fill(NEW_PASSPHRASE);
  await options.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(options.getByRole('alert')).toContainText('current passphrase is wrong');

  await options.getByLabel('Current passphrase').fill(PASSPHRASE);
  await options.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Passphrase changed' })).toBeVisible();

  const popup = await openExtensionPage(browser, 'popup.html');
  await popup.getByRole('button', { name: 'Lock' }).click();
  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('alert')).toContainText('does not unlock');
  await popup.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('listitem').filter({ hasText: ACCOUNT })).toBeVisible();
  const before = Date.now();
  expect([oathtoolCode(secret, before - 1000), oathtoolCode(secret, Date.now())]).toContain(
    await codeShown(popup, ACCOUNT),
  );

  // Deleting needs the typed confirmation; afterwards the popup offers a new vault.
  await options.reload();
  await expect(options.getByRole('button', { name: 'Delete vault' })).toBeDisabled();
  await options.getByLabel('Type DELETE to confirm').fill('DELETE');
  await options.getByRole('button', { name: 'Delete vault' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'vault is deleted' })).toBeVisible();
  await popup.reload();
  await expect(popup.getByRole('button', { name: 'Create vault' })).toBeVisible();
  expect(JSON.stringify(await sendFrom(options, { type: 'vault:state' }))).toContain('none');
});

test('auto-lock: when the alarm fires after the chosen idle time, the vault locks', async () => {
  const page = await openExtensionPage(browser, 'options.html');
  await sendFrom(page, { type: 'vault:delete', confirmation: 'DELETE' });
  await sendFrom(page, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  await sendFrom(page, { type: 'settings:set', changes: { autoLockMinutes: 5 } });
  expect(await sendFrom(page, { type: 'vault:state' })).toEqual({ ok: true, state: 'unlocked' });
  // Six idle minutes, then the auto-lock alarm (the browser's own) fires.
  await browser.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        storage: { session: { set(items: object): Promise<void> } };
        alarms: { create(name: string, info: { when: number }): Promise<void> };
      };
    };
    await chrome.storage.session.set({ lastActivity: Date.now() - 6 * 60_000 });
    await chrome.alarms.create('auto-lock', { when: Date.now() + 50 });
  });
  await expect
    .poll(() => sendFrom(page, { type: 'vault:state' }), { timeout: 15_000 })
    .toEqual({ ok: true, state: 'locked' });
});
