import { expect, type Page, test } from '@playwright/test';
import type { TabStatus } from '../../lib/messages';
import type { ReportedElement, ScreenReport } from '../../lib/signin/screen-report-types';
import {
  type ExtensionBrowser,
  launchWithExtension,
  openExtensionPage,
  randomSecret,
  sendFromExtensionPage,
  tabIdsMatching,
} from './browser';
import { openSigninPage, serveFixture } from './signin-pages';

const PASSPHRASE = 'correct horse battery staple';
const ACCOUNT = 'qa.report@contoso.onmicrosoft.com';
const PAGE = 'https://login.microsoftonline.com/common/login';
/** The query names the account: a report keeps the path only. */
const PAGE_WITH_QUERY = `${PAGE}?login_hint=${encodeURIComponent(ACCOUNT)}&sso_nonce=4711`;

let browser: ExtensionBrowser;
let extensionPage: Page;

test.beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  extensionPage = await openExtensionPage(browser, 'options.html');
  await sendFromExtensionPage(extensionPage, {
    type: 'vault:create',
    passphrase: PASSPHRASE,
    confirmation: PASSPHRASE,
  });
  await sendFromExtensionPage(extensionPage, {
    type: 'accounts:add',
    input: { name: ACCOUNT, secret: randomSecret() },
  });
});
test.afterAll(async () => {
  await browser.close();
});

async function statusOf(page: Page): Promise<TabStatus | null> {
  const url = new URL(page.url());
  const [tabId] = await tabIdsMatching(browser, `${url.origin}${url.pathname}*`);
  const reply = (await sendFromExtensionPage(extensionPage, { type: 'tab:status', tabId })) as {
    status?: TabStatus | null;
  };
  return reply.status ?? null;
}

function everyElement(element: ReportedElement | null): ReportedElement[] {
  return element ? [element, ...(element.children ?? []).flatMap(everyElement)] : [];
}

test('a sign-in held on an unknown screen: the popup copies a redacted screen report of it', async () => {
  await serveFixture(browser.context, PAGE, 'unknown-screen', ACCOUNT);
  const page = await openSigninPage(browser.context, PAGE_WITH_QUERY);
  await expect.poll(() => statusOf(page), { timeout: 15_000 }).toMatchObject({ state: 'stopped', blocked: false });

  const popup = await openExtensionPage(browser, 'popup.html', { newWindow: true });
  await popup.getByRole('button', { name: 'Copy screen report' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Screen report copied' })).toBeVisible();
  await popup.bringToFront();
  const copied = await popup.evaluate(() => navigator.clipboard.readText());
  const report = JSON.parse(copied) as ScreenReport;

  expect(report).toMatchObject({
    version: 1,
    url: PAGE,
    title: 'Sign in to your account',
    status: { state: 'stopped' },
    config: { pgid: 'ConvergedProofUpRedirect' },
  });
  const elements = everyElement(report.body);
  expect(elements.find((e) => e.role === 'heading')?.label).toBe('More information required');
  // Visibility as the browser lays the page out: the button is on screen, the templates' views are not in the report.
  expect(elements.find((e) => e.id === 'idSubmit_ProofUp_Redirect')).toMatchObject({
    tag: 'input',
    type: 'button',
    label: 'Next',
    shown: 'visible',
  });
  expect(elements.find((e) => e.id === 'displayName')?.text).toEqual({ method: null, address: true, aadsts: null });
  expect(elements.some((e) => e.id === 'idTxtBx_SAOTCC_OTC')).toBe(false);
  // Redacted: no account, no address, no query, no flow token, no number from the query.
  expect(copied).not.toContain(ACCOUNT.split('@')[0]);
  expect(copied).not.toContain('@');
  expect(copied).not.toContain('4711');
  expect(copied).not.toContain('login_hint');
  expect(copied).not.toContain('fixture-flow-token');
  await popup.close();
  await page.close();
});

test('a throttling page is Microsoft answering, not a screen to report: no "Copy screen report"', async () => {
  await serveFixture(browser.context, PAGE, 'throttled', ACCOUNT);
  const page = await openSigninPage(browser.context, PAGE);
  await expect.poll(() => statusOf(page), { timeout: 15_000 }).toMatchObject({ state: 'stopped', blocked: true });
  const popup = await openExtensionPage(browser, 'popup.html', { newWindow: true });
  // The status line is shown first: the button's absence is then a decision, not a slow render.
  await expect(popup.getByRole('status').filter({ hasText: 'AADSTS50196' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Copy screen report' })).toHaveCount(0);
  await popup.close();
  await page.close();
});
