import type { Page } from 'puppeteer-core';
import { oathtoolCodesBetween, randomSecret } from '../support/oathtool';
import { byName, clickByName, fillByName, openExtensionPage, textOfRole } from './firefox';
import { expect, test } from './fixtures';

const PASSPHRASE = 'correct horse battery staple';
const ACCOUNT = 'qa.user@contoso.onmicrosoft.com';
// The popup renders once a second, so the code it shows may be the previous period's for up to a
// tick (and a render) after a boundary.
const RENDER_LAG_MS = 1500;

/** The account's code once the popup has it: rows show "…" until the background sends their codes. */
async function shownCode(page: Page, name: string): Promise<string> {
  const handle = await page.waitForFunction(
    (n) => {
      const item = [...document.querySelectorAll('li')].find((li) => li.textContent?.includes(n));
      return (item?.querySelector('.code')?.textContent ?? '').replace(/\D/g, '') || false;
    },
    { timeout: 10_000 },
    name,
  );
  return String(await handle.jsonValue());
}

test('creates a vault, adds an account, shows oathtool’s code, locks and unlocks', async ({ firefox }) => {
  const popup = await openExtensionPage(firefox.browser, 'popup.html');
  await fillByName(popup, 'Passphrase', PASSPHRASE);
  await fillByName(popup, 'Confirm passphrase', PASSPHRASE);
  await clickByName(popup, 'Create vault');
  await clickByName(popup, 'Add account');

  const secret = randomSecret(32);
  await fillByName(popup, 'Account name', ACCOUNT);
  await fillByName(
    popup,
    'Secret key',
    secret
      .toLowerCase()
      .replace(/(.{4})/g, '$1 ')
      .trim(),
  );
  await clickByName(popup, 'Save');
  await byName(popup, `Copy code for ${ACCOUNT}`);
  let before = Date.now();
  const code = await shownCode(popup, ACCOUNT);
  expect(oathtoolCodesBetween(secret, before - RENDER_LAG_MS, Date.now())).toContain(code);

  // The data key is in storage.session, not storage.local; a wrong passphrase is refused.
  await clickByName(popup, 'Lock');
  await fillByName(popup, 'Passphrase', 'not the passphrase');
  await clickByName(popup, 'Unlock');
  expect(await textOfRole(popup, 'alert')).toContain('does not unlock');
  await fillByName(popup, 'Passphrase', PASSPHRASE);
  await clickByName(popup, 'Unlock');
  await byName(popup, `Copy code for ${ACCOUNT}`);
  before = Date.now();
  const again = await shownCode(popup, ACCOUNT);
  expect(oathtoolCodesBetween(secret, before - RENDER_LAG_MS, Date.now())).toContain(again);
  await popup.close();

  // A popup opened afresh finds the vault still unlocked.
  const reopened = await openExtensionPage(firefox.browser, 'popup.html');
  await byName(reopened, `Copy code for ${ACCOUNT}`);
});
