/**
 * "Copy screen report" in Firefox: the background runs the report script (its own file, not the
 * content script) in the tab through `scripting.executeScript`, which Firefox MV3 has too, and
 * answers the popup's request with the redacted report. (The Chromium e2e reads it back from
 * the clipboard; Firefox reads the clipboard only within 5 s of a click, so here the reply is
 * checked.)
 */
import type { ScreenReport } from '../../lib/signin/screen-report-types';
import { openExtensionPage } from './firefox';
import { expect, test as firefoxTest } from './fixtures';
import { openSigninPage, sendFromExtensionPage, serveFixture, tabIdsMatching, waitForTabStatus } from './signin-pages';

const PASSPHRASE = 'correct horse battery staple';
const ACCOUNT = 'qa.report@contoso.onmicrosoft.com';
const PAGE = 'https://login.microsoftonline.com/common/proofup';

/** This file's Firefox with a vault, and an extension page to ask the background from, as the popup would. */
const test = firefoxTest.extend('extensionPage', { scope: 'file' }, async ({ firefox }) => {
  const extensionPage = await openExtensionPage(firefox.browser, 'options.html');
  await sendFromExtensionPage(extensionPage, {
    type: 'vault:create',
    passphrase: PASSPHRASE,
    confirmation: PASSPHRASE,
  });
  return extensionPage;
});

test('reports a screen it does not know: structure, no account, no query', async ({
  firefox,
  signinServer: server,
  extensionPage,
}) => {
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
