import type { Page } from '@playwright/test';
import { openExtensionPage, randomSecret, sendFromExtensionPage } from './browser';
import { expect, test } from './fixtures';
import { expectPopupShowsCode } from './popup-codes';
import { openSigninPage, serveFixture } from './signin-pages';

const PASSPHRASE = 'correct horse battery staple';
const NEW_PASSPHRASE = 'a whole new passphrase';
const ACCOUNT = 'breakglass@fabrikam.onmicrosoft.com';

const sendFrom = sendFromExtensionPage;

test('change the passphrase: the old one stops working and the codes stay the same; then delete the vault', async ({
  extension,
}) => {
  const secret = randomSecret();
  const options = await openExtensionPage(extension, 'options.html');
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

  const popup = await openExtensionPage(extension, 'popup.html');
  await popup.getByRole('button', { name: 'Lock' }).click();
  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('alert')).toContainText('does not unlock');
  await popup.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('listitem').filter({ hasText: ACCOUNT })).toBeVisible();
  await expectPopupShowsCode(popup, ACCOUNT, secret);

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

test('auto-lock: when the alarm fires after the chosen idle time, the vault locks', async ({ extension }) => {
  const page = await openExtensionPage(extension, 'options.html');
  await sendFrom(page, { type: 'vault:delete', confirmation: 'DELETE' });
  await sendFrom(page, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  await sendFrom(page, { type: 'settings:set', changes: { autoLockMinutes: 5 } });
  expect(await sendFrom(page, { type: 'vault:state' })).toEqual({ ok: true, state: 'unlocked' });
  // Six idle minutes, then the auto-lock alarm (the browser's own) fires.
  await extension.worker.evaluate(async () => {
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

/** Runs `expression` in the extension's content-script world on `page` (CDP: its isolated execution context). */
async function inContentScript(page: Page, extensionId: string, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const contentScriptWorld = () =>
    contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
  // The script is injected at document_idle, which the fixture's own rendering does not wait for:
  // its world may be created after the page shows its form.
  await expect
    .poll(() => contentScriptWorld() !== undefined, { message: 'the content script runs on the sign-in page' })
    .toBe(true);
  const world = contentScriptWorld();
  const { result } = await cdp.send('Runtime.evaluate', { expression, contextId: world?.id, awaitPromise: true });
  await cdp.detach();
  return result.value;
}

test("a content script can neither read nor write storage.local: only the extension's pages and background can", async ({
  extension,
}) => {
  const page = await openExtensionPage(extension, 'options.html');
  await sendFrom(page, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  const url = 'https://login.microsoftonline.com/common/login';
  await serveFixture(extension.context, url, 'enter-code');
  const signin = await openSigninPage(extension.context, url);
  type Chrome = { chrome: { storage: { local: { get(keys: null): Promise<unknown> } } } };
  const stored = () =>
    extension.worker.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.get(null));
  const before = await stored();

  const attempt = (call: string) =>
    `(async () => { try { await ${call}; return 'allowed'; } catch (e) { return 'refused'; } })()`;
  expect(await inContentScript(signin, extension.extensionId, attempt('chrome.storage.local.get(null)'))).toBe(
    'refused',
  );
  expect(
    await inContentScript(
      signin,
      extension.extensionId,
      attempt('chrome.storage.local.set({ settings: { submitAfterFill: true }, vault: null })'),
    ),
  ).toBe('refused');
  expect(await inContentScript(signin, extension.extensionId, attempt('chrome.storage.session.get(null)'))).toBe(
    'refused',
  );
  expect(await stored()).toEqual(before);

  await signin.close();
  await sendFrom(page, { type: 'vault:delete', confirmation: 'DELETE' });
  await page.close();
});
