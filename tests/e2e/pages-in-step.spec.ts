import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  type ExtensionBrowser,
  launchWithExtension,
  openExtensionPage,
  randomSecret,
  sendFromExtensionPage,
} from './browser';

const PASSPHRASE = 'correct horse battery staple';
const HEADER = 'upn,serial number,secret key,time interval,manufacturer,model';

let browser: ExtensionBrowser;
test.beforeAll(async () => {
  browser = await launchWithExtension();
});
test.afterAll(async () => {
  await browser.close();
});

/** A vault holding exactly `names` (what an earlier test left is deleted first); their ids. */
async function freshVault(names: readonly string[], issuer = 'Contoso'): Promise<string[]> {
  const setup = await openExtensionPage(browser, 'options.html');
  await sendFromExtensionPage(setup, { type: 'vault:delete', confirmation: 'DELETE' });
  await sendFromExtensionPage(setup, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  const ids: string[] = [];
  for (const name of names) {
    const reply = (await sendFromExtensionPage(setup, {
      type: 'accounts:add',
      input: { name, issuer, secret: randomSecret() },
    })) as { id: string };
    ids.push(reply.id);
  }
  await setup.close();
  return ids;
}

/** Neither "Import" nor "Import the N valid accounts" (the file input is a button named "Import file"). */
async function expectNoImportOffered(page: Page) {
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Import the/ })).toHaveCount(0);
}

/** The options page, marked so that a reload (which would lose the mark) fails the test. */
async function optionsPage(options: { newWindow?: boolean } = {}): Promise<Page> {
  const page = await openExtensionPage(browser, 'options.html', options);
  await expect(page.getByRole('table', { name: 'Accounts' })).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  return page;
}

const stillTheSamePage = (page: Page) =>
  page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

function tableOf(page: Page) {
  const table = page.getByRole('table', { name: 'Accounts' });
  return {
    table,
    rows: table.locator('tbody tr'),
    row: (name: string) => table.locator('tbody tr', { hasText: name }),
  };
}

test("the options page's table follows imports, edits, pins and deletes made in another window and in the popup, without a reload", async () => {
  await freshVault(['alex.wilber@contoso.onmicrosoft.com', 'megan.bowen@contoso.onmicrosoft.com']);
  const watching = await optionsPage();
  const { rows, row } = tableOf(watching);
  await expect(rows).toHaveCount(2);

  // Another window imports a file with two good rows and a bad one: only the good ones, on request.
  const other = await optionsPage({ newWindow: true });
  const csv = [
    HEADER,
    `lynne.robbins@contoso.onmicrosoft.com,1,${randomSecret()},30,Contoso,Token`,
    `diego.siciliani@contoso.onmicrosoft.com,2,${randomSecret()},60,Contoso,Token`,
    `bad.period@contoso.onmicrosoft.com,3,${randomSecret()},45,Contoso,Token`,
  ].join('\n');
  const file = { name: 'tokens.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`) };
  await other.getByLabel('Import file').setInputFiles(file);
  await other.getByRole('button', { name: 'Import the 2 valid accounts', exact: true }).click();
  // The bad row was left out on purpose: skipped, not failed.
  await expect(other.getByRole('status').filter({ hasText: 'Added 2 accounts, 1 skipped.' })).toBeVisible();
  await expect(rows).toHaveCount(4);
  await expect(watching.getByText('Shown: 4 of 4.')).toBeVisible();
  await expect(tableOf(other).rows).toHaveCount(4);

  // The same file again: its valid rows are all in the vault, so no Import is offered.
  await other.getByLabel('Import file').setInputFiles(file);
  await expect(other.getByRole('status').filter({ hasText: '2 valid accounts (0 new)' })).toBeVisible();
  await expect(other.getByRole('alert')).toContainText('Nothing was imported: fix these lines.');
  await expectNoImportOffered(other);

  // Pasted text: imported once, then offered nothing to import.
  const link = `otpauth://totp/Contoso:pasted@contoso.onmicrosoft.com?secret=${randomSecret()}&issuer=Contoso`;
  const pasted = other.getByLabel('Or paste links, a CSV, or a QR code image');
  await pasted.fill(link);
  await other.getByRole('button', { name: 'Check pasted text' }).click();
  await other.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Added 1 account.' })).toBeVisible();
  await expect(row('pasted@contoso.onmicrosoft.com')).toHaveCount(1);
  await pasted.fill(link);
  await other.getByRole('button', { name: 'Check pasted text' }).click();
  await expect(other.getByText('Nothing to import: every valid account here is already in the vault.')).toBeVisible();
  await expectNoImportOffered(other);
  await other.close();

  // The popup edits, pins and deletes.
  const popup = await openExtensionPage(browser, 'popup.html');
  const name = 'megan.bowen@contoso.onmicrosoft.com';
  await popup.getByRole('button', { name: `Edit ${name}` }).click();
  await popup.getByRole('textbox', { name: 'Issuer' }).fill('Fabrikam QA');
  await popup.getByRole('checkbox', { name: 'Pin to top' }).check();
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(row(name)).toContainText('Fabrikam QA');
  await expect(row(name).getByRole('rowheader')).toContainText('Pinned');

  await popup.getByRole('button', { name: 'Edit alex.wilber@contoso.onmicrosoft.com' }).click();
  await popup.getByRole('button', { name: 'Delete account' }).click();
  await popup.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(row('alex.wilber@contoso.onmicrosoft.com')).toHaveCount(0);
  await expect(watching.getByText('Shown: 4 of 4.')).toBeVisible();

  // A code copied in the popup shows as used, too.
  await expect(row('lynne.robbins@contoso.onmicrosoft.com')).toContainText('never');
  await popup.getByRole('button', { name: 'Copy code for lynne.robbins@contoso.onmicrosoft.com' }).click();
  await expect(row('lynne.robbins@contoso.onmicrosoft.com').locator('time')).toBeVisible();
  expect(await stillTheSamePage(watching)).toBe(true);
});

/** Whether `inner` lies wholly inside `outer` (left and right edges), as drawn. */
async function horizontallyInside(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  if (!a || !b) return false;
  return a.x >= b.x - 0.5 && a.x + a.width <= b.x + b.width + 0.5;
}

for (const width of [1400, 800]) {
  test(`at ${width} px, the account table fits its box with dates in "Last used": Edit buttons and the Actions header in view`, async () => {
    const names = [
      'breakglass.administrator@fabrikam.onmicrosoft.com',
      'release.pipeline.bot@contoso.onmicrosoft.com',
      'qa.user@contoso.onmicrosoft.com',
    ];
    const ids = await freshVault(names, 'Contoso Quality Assurance');
    const options = await optionsPage();
    await options.setViewportSize({ width, height: 900 });
    for (const id of ids) await sendFromExtensionPage(options, { type: 'accounts:mark-used', id });
    const { table, rows } = tableOf(options);
    await expect(rows.locator('time')).toHaveCount(names.length);

    const box = options.locator('.table-scroll');
    const overflow = await box.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await options.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
      0,
    );
    const actions = table.getByRole('columnheader', { name: 'Actions' });
    await expect(actions).toBeInViewport();
    expect(await horizontallyInside(actions, box)).toBe(true);
    for (const name of names) {
      const edit = options.getByRole('button', { name: `Edit ${name}` });
      await expect(edit).toBeVisible();
      expect(await horizontallyInside(edit, box)).toBe(true);
    }
  });
}
