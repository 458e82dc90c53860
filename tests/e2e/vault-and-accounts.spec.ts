import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  asMicrosoftShowsIt,
  CHROME_EXTENSION_DIR,
  launchWithExtension,
  openExtensionPage,
  randomSecret,
  sendFromExtensionPage,
} from './browser';
import { expect, test } from './fixtures';
import { expectPopupShowsCode } from './popup-codes';

const PASSPHRASE = 'correct horse battery staple';
const ACCOUNT = 'qa.user@contoso.onmicrosoft.com';

test('create a vault, add an account, lock, refuse a wrong passphrase, unlock, survive a worker restart', async ({
  extension,
}) => {
  const popup = await openExtensionPage(extension, 'popup.html');

  // Mismatch and too-short passphrases are refused with a message on the field.
  await popup.getByLabel('Passphrase', { exact: true }).fill('short');
  await popup.getByLabel('Confirm passphrase').fill('short');
  await popup.getByRole('button', { name: 'Create vault' }).click();
  await expect(popup.getByRole('alert')).toContainText('at least 8 characters');
  await expect(popup.getByLabel('Passphrase', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByLabel('Confirm passphrase').fill(`${PASSPHRASE}!`);
  await popup.getByRole('button', { name: 'Create vault' }).click();
  await expect(popup.getByRole('alert')).toContainText('do not match');

  await popup.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Create vault' }).click();
  await expect(popup.getByRole('button', { name: 'Add account' })).toBeVisible();

  // Add an account with the secret as Microsoft shows it: lower case, groups of four.
  const secret = randomSecret(32);
  await popup.getByRole('button', { name: 'Add account' }).click();
  await popup.getByRole('textbox', { name: 'Account name' }).fill(ACCOUNT);
  await popup.getByRole('textbox', { name: 'Secret key' }).fill('not base32 1890');
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(popup.getByRole('alert')).toContainText('not Base32');
  await expect(popup.getByRole('textbox', { name: 'Secret key' })).toHaveAttribute('aria-invalid', 'true');
  await popup.getByRole('textbox', { name: 'Secret key' }).fill(asMicrosoftShowsIt(secret));
  await popup.getByRole('button', { name: 'Save' }).click();

  await expect(popup.getByRole('listitem').filter({ hasText: ACCOUNT })).toBeVisible();
  await expectPopupShowsCode(popup, ACCOUNT, secret);

  // Copy shows a visible confirmation.
  await popup.getByRole('button', { name: `Copy code for ${ACCOUNT}` }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toContainText(ACCOUNT);

  // Lock; a wrong passphrase is refused and the vault stays as it was.
  await popup.getByRole('button', { name: 'Lock' }).click();
  await expect(popup.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await popup.getByLabel('Passphrase', { exact: true }).fill('wrong passphrase');
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('alert')).toContainText('does not unlock');
  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('listitem').filter({ hasText: ACCOUNT })).toBeVisible();
  await expectPopupShowsCode(popup, ACCOUNT, secret);
  await popup.close();

  // Stop the service worker the way the browser does when idle; the vault stays unlocked.
  const page = await extension.context.newPage();
  const cdp = await extension.context.newCDPSession(page);
  const workerStopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${extension.extensionId}/`));
      if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await workerStopped;
  await page.close();
  const reopened = await openExtensionPage(extension, 'popup.html');
  await expect(reopened.getByRole('listitem').filter({ hasText: ACCOUNT })).toBeVisible();
  await expectPopupShowsCode(reopened, ACCOUNT, secret);
  await reopened.close();
});

test('restarting the browser locks the vault; the accounts are still there after unlocking', async () => {
  const first = await launchWithExtension(undefined, mkdtempSync(join(tmpdir(), 'mfa-autofill-restart-')));
  try {
    const popup = await openExtensionPage(first, 'popup.html');
    await sendFromExtensionPage(popup, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
    await sendFromExtensionPage(popup, { type: 'accounts:add', input: { name: ACCOUNT, secret: randomSecret() } });
    expect(await sendFromExtensionPage(popup, { type: 'vault:state' })).toEqual({ ok: true, state: 'unlocked' });
    await first.context.close();

    const second = await launchWithExtension(undefined, first.profile);
    try {
      const reopened = await openExtensionPage(second, 'popup.html');
      await expect(reopened.getByRole('button', { name: 'Unlock' })).toBeVisible();
      await reopened.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
      await reopened.getByRole('button', { name: 'Unlock' }).click();
      await expect(reopened.getByRole('listitem').filter({ hasText: ACCOUNT })).toBeVisible();
    } finally {
      await second.context.close();
    }
  } finally {
    rmSync(first.profile, { recursive: true, force: true });
  }
});

/**
 * The build with the German texts in place of the English ones (the system Chromium ships only
 * en-US, so the browser cannot be switched to German; the extension can be made to speak it).
 */
function germanBuild(): { dir: string; de: (key: string, ...params: string[]) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-autofill-de-'));
  cpSync(CHROME_EXTENSION_DIR, dir, { recursive: true });
  cpSync(join(dir, '_locales/de/messages.json'), join(dir, '_locales/en/messages.json'));
  const messages = JSON.parse(readFileSync(join(dir, '_locales/de/messages.json'), 'utf8'));
  const de = (key: string, ...params: string[]) => {
    const { message, placeholders = {} } = messages[key];
    return Object.entries(placeholders as Record<string, { content: string }>).reduce(
      (text, [name, { content }]) =>
        text.replaceAll(`$${name.toUpperCase()}$`, params[Number(content.slice(1)) - 1] ?? ''),
      message as string,
    );
  };
  return { dir, de };
}

test("in German, the background's problems are German, and a popup whose vault was locked meanwhile asks to unlock", async () => {
  const { dir, de } = germanBuild();
  const german = await launchWithExtension(dir);
  try {
    const options = await openExtensionPage(german, 'options.html');
    await sendFromExtensionPage(options, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
    await sendFromExtensionPage(options, { type: 'accounts:add', input: { name: ACCOUNT, secret: randomSecret() } });

    const popup = await openExtensionPage(german, 'popup.html');
    // Locked from the options page while the popup shows the list: its next refresh asks to unlock.
    await popup.getByRole('button', { name: de('editAccountNamed', ACCOUNT) }).click();
    await sendFromExtensionPage(options, { type: 'vault:lock' });
    await popup.getByRole('button', { name: de('cancel') }).click();
    await expect(popup.getByRole('button', { name: de('unlock') })).toBeVisible();
    await popup.getByLabel(de('passphrase'), { exact: true }).fill(PASSPHRASE);
    await popup.getByRole('button', { name: de('unlock') }).click();

    // A validation problem from the background: a name already in the vault.
    await popup.getByRole('button', { name: de('addAccount') }).click();
    await popup.getByRole('textbox', { name: de('accountName') }).fill(ACCOUNT.toUpperCase());
    await popup.getByRole('textbox', { name: de('secretKey') }).fill(randomSecret());
    await popup.getByRole('button', { name: de('save') }).click();
    await expect(popup.getByRole('alert')).toHaveText(de('problemDuplicateName', ACCOUNT));
    // A malformed otpauth:// link pasted as the key: the form words its issue, in German too
    // (docs/ARCHITECTURE.md, 'Problems and words').
    await popup
      .getByRole('textbox', { name: de('secretKey') })
      .fill(`otpauth://hotp/${ACCOUNT}?secret=${randomSecret()}&counter=1`);
    await popup.getByRole('button', { name: de('save') }).click();
    await expect(popup.getByRole('alert')).toHaveText(de('impLinkHotp'));
    await popup.getByRole('button', { name: de('cancel') }).click();

    await popup.getByRole('button', { name: de('lock') }).click();
    // A wrong passphrase, in German.
    await popup.getByLabel(de('passphrase'), { exact: true }).fill('wrong passphrase');
    await popup.getByRole('button', { name: de('unlock') }).click();
    await expect(popup.getByRole('alert')).toHaveText(de('problemWrongPassphrase'));
  } finally {
    await german.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the options page lists every account in a table: search, sort, edit, delete several after confirming, export the selected ones', async ({
  extension,
}) => {
  const setup = await openExtensionPage(extension, 'options.html');
  await sendFromExtensionPage(setup, { type: 'vault:delete', confirmation: 'DELETE' });
  await sendFromExtensionPage(setup, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  const accounts = [
    { name: 'alex.wilber@contoso.onmicrosoft.com', issuer: 'Contoso', secret: randomSecret() },
    { name: 'megan.bowen@fabrikam.onmicrosoft.com', issuer: 'Fabrikam', secret: randomSecret() },
    { name: 'lynne.robbins@contoso.onmicrosoft.com', issuer: 'Contoso', secret: randomSecret() },
    { name: 'diego.siciliani@fabrikam.onmicrosoft.com', issuer: 'Fabrikam', secret: randomSecret() },
    { name: 'admin@contoso.onmicrosoft.com', issuer: 'Contoso', secret: randomSecret() },
  ];
  for (const input of accounts) await sendFromExtensionPage(setup, { type: 'accounts:add', input });
  await setup.close();

  const options = await openExtensionPage(extension, 'options.html');
  const table = options.getByRole('table', { name: 'Accounts' });
  // Web-first: the rows are checked as rendered after the click, not read once beside it.
  const names = table.locator('tbody th');
  await expect(table.getByRole('row')).toHaveCount(1 + accounts.length);
  // By name, A to Z; a click on the column header turns it round (and says so to screen readers).
  await expect(names).toHaveText([...accounts.map((a) => a.name)].sort());
  const nameHeader = table.getByRole('columnheader', { name: 'Account name' });
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(names).toHaveText([...accounts.map((a) => a.name)].sort().reverse());

  // Search by issuer.
  const search = options.getByRole('searchbox', { name: 'Search accounts' });
  await search.fill('fabrikam');
  await expect(table.getByRole('row')).toHaveCount(1 + 2);
  await search.fill('');

  // Edit one: a dialog with the popup's edit form.
  await options.getByRole('button', { name: `Edit ${accounts[0]!.name}` }).click();
  const edit = options.getByRole('dialog', { name: 'Edit account' });
  await edit.getByRole('textbox', { name: 'Issuer' }).fill('Contoso QA');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(table.getByRole('row').filter({ hasText: accounts[0]!.name })).toContainText('Contoso QA');

  // Select two with the keyboard, export only them.
  await options.getByRole('checkbox', { name: `Select ${accounts[1]!.name}` }).focus();
  await options.keyboard.press('Space');
  await options.getByRole('checkbox', { name: `Select ${accounts[3]!.name}` }).focus();
  await options.keyboard.press('Space');
  await expect(options.getByText('Selected: 2.')).toBeVisible();
  await options.getByRole('button', { name: 'Export selected' }).click();
  const exportDialog = options.getByRole('dialog', { name: 'Export the selected accounts (2)' });
  await exportDialog.getByLabel('Vault passphrase').fill(PASSPHRASE);
  await exportDialog.getByRole('checkbox', { name: /plain text/ }).check();
  const downloading = options.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export plain file' }).click();
  const exported = readFileSync((await (await downloading).path())!, 'utf8');
  expect(exported.trim().split('\n')).toHaveLength(2);
  for (const i of [1, 3]) expect(exported).toContain(accounts[i]!.secret);
  for (const i of [0, 2, 4]) expect(exported).not.toContain(accounts[i]!.secret);
  await exportDialog.getByRole('button', { name: 'Close' }).click();
  await expect(exportDialog).toBeHidden();

  // Delete them: nothing happens until confirmed.
  await options.getByRole('button', { name: 'Delete selected' }).click();
  const confirm = options.getByRole('dialog', { name: 'Delete the selected accounts (2)?' });
  await expect(confirm).toContainText(accounts[1]!.name);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(table.getByRole('row')).toHaveCount(1 + accounts.length);
  await options.getByRole('button', { name: 'Delete selected' }).click();
  await confirm.getByRole('button', { name: 'Delete 2 selected' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Accounts deleted: 2.' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(1 + 3);
  const listed = (await sendFromExtensionPage(options, { type: 'accounts:list' })) as { accounts: { name: string }[] };
  expect(listed.accounts.map((a) => a.name).sort()).toEqual(
    [accounts[0]!.name, accounts[2]!.name, accounts[4]!.name].sort(),
  );
  await options.close();
});
