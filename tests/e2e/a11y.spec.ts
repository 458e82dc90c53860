import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  CHROME_EXTENSION_DIR,
  launchWithExtension,
  openExtensionPage,
  randomSecret,
  sendFromExtensionPage,
} from './browser';
import { expect, test } from './fixtures';

const PASSPHRASE = 'correct horse battery staple';
const ACCOUNTS = ['qa.user@contoso.onmicrosoft.com', 'breakglass@fabrikam.onmicrosoft.com'];

/** One line per violation and element: enough to find and fix it from the test output. */
function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`),
  );
}

/** axe in the light and the dark colour scheme: contrast must hold in both. */
async function expectNoViolations(page: Page, state: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect.soft(describeViolations(violations), `${state}, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

async function resetVault(page: Page) {
  await sendFromExtensionPage(page, { type: 'vault:delete', confirmation: 'DELETE' });
}

async function seedVault(page: Page) {
  await resetVault(page);
  await sendFromExtensionPage(page, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  for (const name of ACCOUNTS) {
    await sendFromExtensionPage(page, { type: 'accounts:add', input: { name, secret: randomSecret(32) } });
  }
}

test('the popup has no axe violations in any state, light or dark', async ({ extension }) => {
  const popup = await openExtensionPage(extension, 'popup.html');
  await resetVault(popup);
  await popup.reload();

  await expect(popup.getByRole('button', { name: 'Create vault' })).toBeVisible();
  await expectNoViolations(popup, 'new vault');
  await popup.getByLabel('Passphrase', { exact: true }).fill('short');
  await popup.getByRole('button', { name: 'Create vault' }).click();
  await expect(popup.getByRole('alert')).toBeVisible();
  await expectNoViolations(popup, 'new vault, passphrase too short');

  await seedVault(popup);
  await sendFromExtensionPage(popup, { type: 'vault:lock' });
  await popup.reload();
  await expect(popup.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await expectNoViolations(popup, 'locked');
  await popup.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('alert')).toBeVisible();
  await expectNoViolations(popup, 'locked, wrong passphrase');

  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  await expect(popup.getByRole('listitem')).toHaveCount(ACCOUNTS.length);
  await expectNoViolations(popup, 'unlocked with accounts');
  await popup.getByRole('button', { name: `Copy code for ${ACCOUNTS[0]}` }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  await popup.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expectNoViolations(popup, 'unlocked, copied, shortcuts shown');
  await popup.getByRole('searchbox', { name: 'Search accounts' }).fill('nothing matches this');
  await expectNoViolations(popup, 'unlocked, nothing matches the search');

  await popup.getByRole('searchbox', { name: 'Search accounts' }).fill('');
  await popup.getByRole('button', { name: 'Add account' }).click();
  await expectNoViolations(popup, 'add form');
  await popup.getByRole('textbox', { name: 'Secret key' }).fill('not base32 1890');
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(popup.getByRole('alert').first()).toBeVisible();
  await expectNoViolations(popup, 'add form with errors');

  await popup.getByRole('button', { name: 'Cancel' }).click();
  await popup.getByRole('button', { name: `Edit ${ACCOUNTS[1]}` }).click();
  await popup.getByRole('button', { name: 'Show secret key' }).click();
  await expectNoViolations(popup, 'edit form');
  await popup.getByRole('button', { name: 'Delete account' }).click();
  await expectNoViolations(popup, 'delete confirmation');
  await popup.close();
});

test('the options page has no axe violations, locked or unlocked, light or dark', async ({ extension }) => {
  const options = await openExtensionPage(extension, 'options.html');
  await resetVault(options);
  await options.reload();
  // Settings live inside the vault: with none yet, the page says so instead.
  await expect(options.getByRole('heading', { name: 'Vault' })).toBeVisible();
  await expectNoViolations(options, 'options, no vault');

  await seedVault(options);
  await sendFromExtensionPage(options, { type: 'vault:lock' });
  await options.reload();
  await expect(options.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await expectNoViolations(options, 'options, locked');

  await options.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await options.getByRole('button', { name: 'Unlock' }).click();
  await expect(options.getByRole('button', { name: 'Export encrypted backup' })).toBeVisible();
  await options.getByRole('checkbox', { name: 'Submit after filling' }).check();
  await expect(options.getByRole('status').first()).toBeVisible();
  await expectNoViolations(options, 'options, unlocked');

  // The account table's dialogs: edit one, confirm deleting the selected ones.
  await options.getByRole('button', { name: `Edit ${ACCOUNTS[0]}` }).click();
  await expect(options.getByRole('dialog', { name: 'Edit account' })).toBeVisible();
  await expectNoViolations(options, 'options, account table, edit dialog');
  await options.keyboard.press('Escape');
  await expect(options.getByRole('dialog')).toBeHidden();
  await options.getByRole('checkbox', { name: 'Select all shown accounts' }).check();
  await options.getByRole('button', { name: 'Delete selected' }).click();
  await expect(options.getByRole('dialog')).toBeVisible();
  await expectNoViolations(options, 'options, account table, delete confirmation');
  await options.getByRole('button', { name: 'Cancel' }).click();
  await options.getByRole('button', { name: 'Export selected' }).click();
  await expect(options.getByRole('dialog')).toBeVisible();
  await expectNoViolations(options, 'options, account table, export dialog');
  await options.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  const csv =
    'upn,serial number,secret key,time interval,manufacturer,model\n' +
    `new.user@contoso.onmicrosoft.com,1,${randomSecret(32)},30,Contoso,Token\n` +
    'bad.user@contoso.onmicrosoft.com,2,not base32 1890,30,Contoso,Token\n';
  await options
    .getByLabel('Import file')
    .setInputFiles({ name: 'tokens.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(options.getByRole('alert')).toContainText('Line 3:');
  await expectNoViolations(options, 'options, import preview with a bad line');

  await options.getByLabel('Type DELETE to confirm').fill('NOT IT');
  await options.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(options.getByRole('alert').last()).toBeVisible();
  await expectNoViolations(options, 'options, passphrase change refused');
  await options.close();
});

/** Tabs through the page and returns what each focused control shows as its focus indicator. */
async function focusIndicators(page: Page, presses: number) {
  const seen: { control: string; outline: string }[] = [];
  for (let i = 0; i < presses; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
      return {
        control: `${el.tagName.toLowerCase()} ${name || (el as HTMLInputElement).type}`,
        outline: style.outlineStyle === 'none' ? 'none' : style.outlineWidth,
      };
    });
    if (focused) seen.push(focused);
  }
  return seen;
}

test('every control of the popup and the options page shows where the keyboard focus is', async ({ extension }) => {
  const popup = await openExtensionPage(extension, 'popup.html');
  await seedVault(popup);
  await popup.reload();
  await expect(popup.getByRole('listitem')).toHaveCount(ACCOUNTS.length);
  const popupControls = await focusIndicators(popup, 12);
  expect(popupControls.length).toBeGreaterThan(6);
  expect(popupControls.filter((c) => !/^[2-9]px$/.test(c.outline))).toEqual([]);

  const options = await openExtensionPage(extension, 'options.html');
  await expect(options.getByRole('button', { name: 'Export encrypted backup' })).toBeVisible();
  const optionsControls = await focusIndicators(options, 30);
  expect(optionsControls.length).toBeGreaterThan(20);
  expect(optionsControls.filter((c) => !/^[2-9]px$/.test(c.outline))).toEqual([]);
  await popup.close();
  await options.close();
});

test('the keyboard shortcuts are listed in the popup, and Enter in the search copies the first match', async ({
  extension,
}) => {
  const popup = await openExtensionPage(extension, 'popup.html');
  await seedVault(popup);
  await popup.reload();
  const help = popup.getByRole('button', { name: 'Keyboard shortcuts' });
  await expect(help).toHaveAttribute('aria-expanded', 'false');
  await help.click();
  await expect(help).toHaveAttribute('aria-expanded', 'true');
  const list = popup.getByRole('region', { name: 'Keyboard shortcuts' });
  await expect(list).toContainText('Alt+Shift+M');
  await expect(list).toContainText('Alt+Shift+F');
  await expect(list).toContainText('Enter');

  await popup.getByRole('searchbox', { name: 'Search accounts' }).fill('fabrikam');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toContainText(ACCOUNTS[1] ?? '');
  await popup.close();
});

/**
 * The build with the German texts in place of the English ones: the system Chromium ships only
 * its en-US locale, so it cannot be switched to German; the extension can be made to speak it.
 */
function germanBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-autofill-de-'));
  cpSync(CHROME_EXTENSION_DIR, dir, { recursive: true });
  cpSync(join(dir, '_locales/de/messages.json'), join(dir, '_locales/en/messages.json'));
  return dir;
}

/** Controls wider than the popup, or text cut off without an ellipsis. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth)
      found.push('the page scrolls sideways');
    for (const el of document.querySelectorAll<HTMLElement>('button, input, select, label, h1, p, a, dt, dd')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > document.documentElement.clientWidth + 0.5) {
        found.push(
          `${el.tagName.toLowerCase()} "${el.textContent?.trim() || el.getAttribute('aria-label')}" ends at ${box.right}px`,
        );
      }
    }
    return found;
  });
}

for (const language of ['English', 'German'] as const) {
  test(`in ${language}, every popup view fits the popup's width and has no axe violations`, async ({ extension }) => {
    const localized = language === 'German' ? await launchWithExtension(germanBuild()) : extension;
    try {
      const popup = await openExtensionPage(localized, 'popup.html');
      await popup.setViewportSize({ width: 360, height: 600 });
      await seedVault(popup);
      await popup.reload();
      await expect(popup.getByRole('listitem')).toHaveCount(ACCOUNTS.length);
      await popup.locator('#shortcuts-toggle').click();
      expect(await overflowing(popup), 'account list').toEqual([]);
      await expectNoViolations(popup, `${language}: account list`);

      await popup.locator('.toolbar button').first().click();
      await expect(popup.locator('form h1')).toBeVisible();
      expect(await overflowing(popup), 'add form').toEqual([]);
      await expectNoViolations(popup, `${language}: add form`);

      await sendFromExtensionPage(popup, { type: 'vault:lock' });
      await popup.reload();
      await expect(popup.locator('input[type="password"]')).toBeFocused();
      expect(await overflowing(popup), 'locked').toEqual([]);
      await expectNoViolations(popup, `${language}: locked`);

      const options = await openExtensionPage(localized, 'options.html');
      await expect(options.locator('input[type="password"]')).toBeVisible();
      await expectNoViolations(options, `${language}: options, locked`);
      await options.locator('input[type="password"]').fill(PASSPHRASE);
      await options.locator('input[type="password"]').press('Enter');
      await expect(options.locator('table.accounts-table tbody tr')).toHaveCount(ACCOUNTS.length);
      await expectNoViolations(options, `${language}: options, account table`);
      expect(await options.evaluate(() => document.documentElement.lang)).toBe(language === 'German' ? 'de' : 'en');
    } finally {
      if (localized !== extension) await localized.close();
    }
  });
}
