/**
 * "Copy screen report" in Firefox: the background runs the report script (its own file, not the
 * content script) in the tab through `scripting.executeScript`, which Firefox MV3 has too, and
 * answers the popup's request with the redacted report. (The Chromium e2e reads it back from
 * the clipboard; Firefox reads the clipboard only within 5 s of a click, so here the reply is
 * checked.)
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ScreenReport } from '../../lib/signin/screen-report-types';
import { type LocalHttpsServer, startHttpsServer } from '../support/https-server';
import { type FirefoxWithExtension, launchFirefoxWithExtension, openExtensionPage, SERVED_HOSTS } from './firefox';
import { openSigninPage, sendFromExtensionPage, serveFixture, tabIdsMatching, waitForTabStatus } from './signin-pages';

const PASSPHRASE = 'correct horse battery staple';
const ACCOUNT = 'qa.report@contoso.onmicrosoft.com';
const PAGE = 'https://login.microsoftonline.com/common/proofup';

let server: LocalHttpsServer;
let firefox: FirefoxWithExtension;
let extensionPage: Page;

beforeAll(async () => {
  server = await startHttpsServer(SERVED_HOSTS);
  firefox = await launchFirefoxWithExtension({ grantHostAccess: true });
  extensionPage = await openExtensionPage(firefox.browser, 'options.html');
  await sendFromExtensionPage(extensionPage, {
    type: 'vault:create',
    passphrase: PASSPHRASE,
    confirmation: PASSPHRASE,
  });
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

it('reports a screen it does not know: structure, no account, no query', async () => {
  serveFixture(server, PAGE, 'unknown-screen', ACCOUNT);
  const page = await openSigninPage(firefox.browser, `${PAGE}?login_hint=${encodeURIComponent(ACCOUNT)}`);
  const [tabId] = await tabIdsMatching(extensionPage, `${PAGE}*`);
  expect(tabId).toBeTypeOf('number');
  await waitForTabStatus(extensionPage, tabId!, { state: 'stopped', blocked: false });

  const reply = (await sendFromExtensionPage(extensionPage, { type: 'tab:screen-report', tabId: tabId! })) as {
    ok: boolean;
    report?: ScreenReport;
  };
  expect(reply).toMatchObject({
    ok: true,
    report: { url: PAGE, status: { state: 'stopped' }, config: { pgid: 'ConvergedProofUpRedirect' } },
  });
  const text = JSON.stringify(reply.report);
  expect(text).toContain('"label":"More information required"');
  expect(text).toContain('"id":"idSubmit_ProofUp_Redirect"');
  expect(text).not.toContain('@');
  expect(text).not.toContain('login_hint');
  await page.close();
});
