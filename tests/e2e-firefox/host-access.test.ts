import type { Page } from 'puppeteer-core';
import { oathtoolCodesBetween, randomSecret } from '../support/oathtool';
import { byName, clickByName, openExtensionPage } from './firefox';
import { expect, test } from './fixtures';
import {
  allTabIds,
  contentScriptListens,
  expectNothingFilled,
  filledCode,
  openSigninPage,
  reloadSigninPage,
  sendFromExtensionPage,
  serveFixture,
  waitFor,
} from './signin-pages';

const PASSPHRASE = 'correct horse battery staple';
const CODE_PAGE = 'https://login.microsoftonline.com/common/login';
const NOTICE = 'Access to sign-in pages';
const ALLOW = 'Allow access to Microsoft sign-in pages';

// As a user's Firefox MV3 does: host permissions are the user's to grant, not given at install.
test.override('launchOptions', { scope: 'file' }, { grantHostAccess: false });

/** Whether the popup shows the notice (a region named "Access to sign-in pages"). */
function noticeShown(popup: Page): Promise<boolean> {
  return popup.evaluate(
    (name) =>
      [...document.querySelectorAll('[aria-label]')].some(
        (el) => el.getAttribute('aria-label') === name && (el as HTMLElement).offsetParent !== null,
      ),
    NOTICE,
  );
}

function grantedOrigins(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const { browser } = globalThis as unknown as {
      browser: { permissions: { getAll(): Promise<{ origins?: string[] }> } };
    };
    return (await browser.permissions.getAll()).origins ?? [];
  });
}

test('asks for the sign-in hosts from the popup; once allowed, a reloaded sign-in page is filled', async ({
  firefox,
  signinServer: server,
}) => {
  const setup = await openExtensionPage(firefox.browser, 'options.html');
  expect(await grantedOrigins(setup)).toEqual([]);
  expect(
    await sendFromExtensionPage(setup, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE }),
  ).toMatchObject({ ok: true });
  const name = 'qa.user@contoso.onmicrosoft.com';
  const secret = randomSecret();
  expect(await sendFromExtensionPage(setup, { type: 'accounts:add', input: { name, secret } })).toMatchObject({
    ok: true,
  });
  await setup.close();
  // Over an unlocked vault: the accounts, and the notice above them.
  const popup = await openExtensionPage(firefox.browser, 'popup.html');
  await byName(popup, `Copy code for ${name}`);
  expect(await waitFor('the host-access notice', () => noticeShown(popup))).toBe(true);

  serveFixture(server, CODE_PAGE, 'enter-code', name);
  const tabsBefore = await allTabIds(popup);
  const page = await openSigninPage(firefox.browser, CODE_PAGE);
  const [tabId = -1] = (await allTabIds(popup)).filter((id) => !tabsBefore.includes(id));
  await expectNothingFilled(page);
  // Not a refusal by the content script: Firefox did not inject it at all.
  expect(await contentScriptListens(popup, tabId)).toBe(false);

  // A real click is a user gesture; with extensions.webextOptionalPermissionPrompts off, Firefox
  // grants permissions.request() without its doorhanger (on, the request waits for a click there).
  await popup.bringToFront();
  await clickByName(popup, ALLOW);
  await waitFor('the notice to go', async () => !(await noticeShown(popup)));
  expect(await grantedOrigins(popup)).toEqual(expect.arrayContaining(['https://login.microsoftonline.com/*']));

  await page.bringToFront();
  const reloadedAt = Date.now();
  await reloadSigninPage(page);
  expect(await waitFor('the content script', () => contentScriptListens(popup, tabId))).toBe(true);
  const code = await filledCode(page);
  // Filled after the reload: any period from then to now, however slow the machine.
  expect(oathtoolCodesBetween(secret, reloadedAt, Date.now())).toContain(code);
  await page.close();
  await popup.close();
});
