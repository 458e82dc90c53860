import type { Page } from 'puppeteer-core';
import { RUNNER_MARK } from '../../lib/content/runner-marker';
import type { LocalHttpsServer } from '../support/https-server';
import { oathtoolCodesBetween, randomSecret } from '../support/oathtool';
import { clickByName, type FirefoxWithExtension, fillByName, LOOKALIKE_HOST, openExtensionPage } from './firefox';
import { expect, test as firefoxTest } from './fixtures';
import {
  allTabIds,
  badgeText,
  contentStages,
  expectNothingFilled,
  filledCode,
  fixtureHtml,
  fixtureState,
  NO_FILL_GRACE_MS,
  openSigninPage,
  renderedFrame,
  sendFromExtensionPage,
  serveFixture,
  sleep,
  waitFor,
  waitForTabStatus,
} from './signin-pages';

const PASSPHRASE = 'correct horse battery staple';
const CODE_PAGE = 'https://login.microsoftonline.com/common/login';
/** What the `framed` fixture frames (`framerPage` in tests/fixtures/signin/entra.ts). */
const FRAMED_CODE_PAGE = 'https://login.microsoftonline.com/common/SAS/ProcessAuth?framed=1';

let accounts = 0;
/** Every fill a test checks happens after this moment. */
let testStartedAt = 0;

/**
 * This file's Firefox with a vault, and an extension page kept open to send setup requests from,
 * as the popup would.
 */
const test = firefoxTest.extend('extensionPage', { scope: 'file' }, async ({ firefox }) => {
  const extensionPage = await openExtensionPage(firefox.browser, 'options.html');
  expect(
    await sendFromExtensionPage(extensionPage, {
      type: 'vault:create',
      passphrase: PASSPHRASE,
      confirmation: PASSPHRASE,
    }),
  ).toMatchObject({ ok: true });
  // Accounts the pages never name, so "the right account among several" is always tested.
  for (const name of ['megan.bowen@contoso.onmicrosoft.com', 'alex.wilber@fabrikam.onmicrosoft.com']) {
    await sendFromExtensionPage(extensionPage, { type: 'accounts:add', input: { name, secret: randomSecret() } });
  }
  return extensionPage;
});
test.beforeEach(() => {
  testStartedAt = Date.now();
});

/**
 * A new account for each test: the background hands out a code once per account per period
 * (replay protection), so reusing one would make a test wait for the next period.
 */
async function newAccount(extensionPage: Page): Promise<{ name: string; secret: string }> {
  const name = `qa.user${++accounts}@contoso.onmicrosoft.com`;
  const secret = randomSecret();
  const reply = await sendFromExtensionPage(extensionPage, { type: 'accounts:add', input: { name, secret } });
  expect(reply).toMatchObject({ ok: true });
  return { name, secret };
}

/**
 * The code is oathtool's for the period it was filled in: some moment of this test, however long
 * a loaded machine took between the fill and this check.
 */
function expectOathtoolCode(code: string, secret: string): void {
  expect(oathtoolCodesBetween(secret, testStartedAt, Date.now())).toContain(code);
}

/** The positive control of a never-fill case: the same account, the real page, filled. */
async function expectFilledOnTheRealPage(
  firefox: FirefoxWithExtension,
  server: LocalHttpsServer,
  account: { name: string; secret: string },
): Promise<void> {
  serveFixture(server, CODE_PAGE, 'enter-code', account.name);
  const page = await openSigninPage(firefox.browser, CODE_PAGE);
  expectOathtoolCode(await filledCode(page), account.secret);
  await page.close();
}

test('fills oathtool’s code on https://login.microsoftonline.com; the page sees input and change', async ({
  firefox,
  signinServer: server,
  extensionPage,
}) => {
  const account = await newAccount(extensionPage);
  // The banner in capitals: accounts match case-insensitively.
  serveFixture(server, CODE_PAGE, 'enter-code', account.name.toUpperCase());
  const page = await openSigninPage(firefox.browser, CODE_PAGE);
  const code = await filledCode(page);
  expectOathtoolCode(code, account.secret);
  const events = (await fixtureState(page)).seenEvents.filter((e) => e.id === 'idTxtBx_SAOTCC_OTC');
  expect(events.map((e) => e.type)).toEqual(['input', 'change']);
  expect(events.every((e) => e.value === code)).toBe(true);
  expect(await page.$eval('#idTxtBx_SAOTCC_OTC', (el) => (el as HTMLInputElement).value)).toBe(code);
  // Submitting is off by default.
  expect((await fixtureState(page)).submittedCodes).toEqual([]);
  await page.close();
});

test('never fills inside a frame, whoever frames it; the same page in the top frame is filled', async ({
  firefox,
  signinServer: server,
  extensionPage,
}) => {
  const account = await newAccount(extensionPage);
  serveFixture(server, FRAMED_CODE_PAGE, 'enter-code', account.name);
  for (const framer of ['https://app.fabrikam.example/portal', 'https://login.microsoftonline.com/common/framer']) {
    serveFixture(server, framer, 'framed', account.name);
    const page = await openSigninPage(firefox.browser, framer);
    const frame = await renderedFrame(page, 'https://login.microsoftonline.com/common/SAS/ProcessAuth');
    await expectNothingFilled(frame);
    await page.close();
  }
  // Positive control: the framed document itself, opened as the top frame.
  const page = await openSigninPage(firefox.browser, FRAMED_CODE_PAGE);
  expectOathtoolCode(await filledCode(page), account.secret);
  await page.close();
});

test(`never fills on the look-alike host ${LOOKALIKE_HOST}`, async ({
  firefox,
  signinServer: server,
  extensionPage,
}) => {
  const account = await newAccount(extensionPage);
  const url = `https://${LOOKALIKE_HOST}/common/login`;
  serveFixture(server, url, 'enter-code', account.name);
  const page = await openSigninPage(firefox.browser, url);
  expect(await page.evaluate(() => location.host)).toBe(LOOKALIKE_HOST);
  await expectNothingFilled(page);
  await page.close();
  await expectFilledOnTheRealPage(firefox, server, account);
});

/** Opens a sign-in page in a new tab and gives back the page and its tab id. */
async function openSigninTab(
  firefox: FirefoxWithExtension,
  extensionPage: Page,
  url: string,
): Promise<{ page: Page; tabId: number }> {
  const tabsBefore = await allTabIds(extensionPage);
  const page = await openSigninPage(firefox.browser, url);
  const [tabId = -1] = (await allTabIds(extensionPage)).filter((id) => !tabsBefore.includes(id));
  return { page, tabId };
}

test('the code prompt is filled by the runner the background injected (executeScript with its file) beside the first stage', async ({
  firefox,
  signinServer: server,
  extensionPage,
}) => {
  const account = await newAccount(extensionPage);
  serveFixture(server, CODE_PAGE, 'enter-code', account.name);
  const { page, tabId } = await openSigninTab(firefox, extensionPage, CODE_PAGE);
  expectOathtoolCode(await filledCode(page), account.secret);
  await waitForTabStatus(extensionPage, tabId, { state: 'filled', account: account.name });
  // The manifest's script has no fill in it (tests/build): the runner was injected and did it.
  expect(await contentStages(extensionPage, tabId, RUNNER_MARK)).toEqual({ firstStage: true, runner: true });
  await page.close();
});

test('the username page never gets the runner; the first stage loads it once the page shows an error', async ({
  firefox,
  signinServer: server,
  extensionPage,
}) => {
  serveFixture(server, CODE_PAGE, 'username');
  const { page, tabId } = await openSigninTab(firefox, extensionPage, CODE_PAGE);
  // The first stage is there and watching (its own global in the extension's sandbox) ...
  await waitFor('the first stage', async () => (await contentStages(extensionPage, tabId, RUNNER_MARK)).firstStage);
  // ... and, for as long as a screen would take to be acted on, loads nothing more.
  await sleep(NO_FILL_GRACE_MS);
  expect(await contentStages(extensionPage, tabId, RUNNER_MARK)).toEqual({ firstStage: true, runner: false });
  expect(await sendFromExtensionPage(extensionPage, { type: 'tab:status', tabId })).toMatchObject({ status: null });
  // The same document then shows an error the runner reports: the extension's own status says it
  // looked, and the same check now finds the runner.
  await page.evaluate(() =>
    document
      .getElementById('mount')
      ?.insertAdjacentHTML('beforeend', '<div id="usernameError" role="alert">AADSTS50034: user not found.</div>'),
  );
  await waitForTabStatus(extensionPage, tabId, { state: 'stopped', blocked: true, aadsts: '50034' });
  expect(await contentStages(extensionPage, tabId, RUNNER_MARK)).toEqual({ firstStage: true, runner: true });
  await page.close();
});

test('never fills the SMS variant of the code page', async ({ firefox, signinServer: server, extensionPage }) => {
  const account = await newAccount(extensionPage);
  serveFixture(server, CODE_PAGE, 'enter-code-sms', account.name);
  const tabsBefore = await allTabIds(extensionPage);
  const page = await openSigninPage(firefox.browser, CODE_PAGE);
  const [tabId = -1] = (await allTabIds(extensionPage)).filter((id) => !tabsBefore.includes(id));
  // Nothing filled proves something only once the extension has looked and said why not.
  await waitForTabStatus(extensionPage, tabId, { state: 'not-totp', reason: 'sms' });
  await expectNothingFilled(page);
  await page.close();
  await expectFilledOnTheRealPage(firefox, server, account);
});

test('locked: nothing is filled; unlocking from the popup fills the waiting page without a reload', async ({
  firefox,
  signinServer: server,
  extensionPage,
}) => {
  const account = await newAccount(extensionPage);
  expect(await sendFromExtensionPage(extensionPage, { type: 'vault:lock' })).toMatchObject({ ok: true });
  serveFixture(server, CODE_PAGE, 'enter-code', account.name);
  const tabsBefore = await allTabIds(extensionPage);
  const page = await openSigninPage(firefox.browser, CODE_PAGE);
  const [tabId] = (await allTabIds(extensionPage)).filter((id) => !tabsBefore.includes(id));
  expect(tabId).toBeTypeOf('number');
  // The background knows the page is waiting: the toolbar badge says so. It is set once the
  // extension has looked at the page, so only then does "nothing filled" prove anything.
  expect(await waitFor('the locked badge', () => badgeText(extensionPage, tabId ?? -1).then((t) => t === '🔒'))).toBe(
    true,
  );
  await expectNothingFilled(page);
  // A reload would lose this.
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });

  const popup = await openExtensionPage(firefox.browser, 'popup.html');
  await fillByName(popup, 'Passphrase', PASSPHRASE);
  await clickByName(popup, 'Unlock');
  // Unlocking runs the KDF (600,000 PBKDF2 rounds): slow on a loaded machine.
  expectOathtoolCode(await filledCode(page, 30_000), account.secret);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(await waitFor('the filled badge', () => badgeText(extensionPage, tabId ?? -1).then((t) => t === '✓'))).toBe(
    true,
  );
  await popup.close();
  await page.close();
});

test('the page learns nothing from the content script and cannot stop it', async ({
  firefox,
  signinServer: server,
  extensionPage,
}) => {
  const account = await newAccount(extensionPage);
  // Before the page's own scripts: record every message posted to the page, and send the event
  // WXT's content-script runtime stops on, under each name it could have, early and repeatedly.
  const probe = `<script>
    window.pageMessages = [];
    window.addEventListener('message', function (e) { window.pageMessages.push(e.data); }, true);
    var names = ['mfa-autofill@contoso.invalid', 'undefined'].flatMap(function (id) {
      return ['mfa', 'content'].map(function (entry) { return id + ':' + entry + ':wxt:content-script-started'; });
    });
    function stop() {
      names.forEach(function (name) {
        var detail = { contentScriptName: 'mfa', messageId: 'page' };
        document.dispatchEvent(new CustomEvent(name, { detail: detail }));
        window.postMessage(Object.assign({ type: name }, detail), '*');
      });
    }
    stop();
    var timer = setInterval(stop, 10);
    setTimeout(function () { clearInterval(timer); }, 2000);
  </script>`;
  server.page(CODE_PAGE, fixtureHtml('enter-code', account.name).replace('<head>', `<head>${probe}`));
  const page = await openSigninPage(firefox.browser, CODE_PAGE);
  expectOathtoolCode(await filledCode(page), account.secret);
  const messages = await page.evaluate(
    () => (window as unknown as { pageMessages: { messageId?: string }[] }).pageMessages,
  );
  expect(messages.filter((m) => m?.messageId !== 'page')).toEqual([]);
  await page.close();
});

test('push first ("Approve sign in request"): switches to the app code and fills it', async ({
  firefox,
  signinServer: server,
  extensionPage,
}) => {
  const account = await newAccount(extensionPage);
  serveFixture(server, CODE_PAGE, 'push', account.name);
  const page = await openSigninPage(firefox.browser, CODE_PAGE);
  expectOathtoolCode(await filledCode(page), account.secret);
  expect((await fixtureState(page)).clicks).toEqual(['signInAnotherWay', 'PhoneAppOTP']);
  await page.close();
});

test.for(['live-totp-banner', 'live-totp-instructions-above', 'live-totp-instructions-apart'])(
  "login.live.com's new UI: the app-code box is filled (%s)",
  async (fixture, { firefox, signinServer: server, extensionPage }) => {
    const account = await newAccount(extensionPage);
    const url = 'https://login.live.com/ppsecure/post.srf';
    serveFixture(server, url, fixture, account.name);
    const page = await openSigninPage(firefox.browser, url);
    expectOathtoolCode(await filledCode(page), account.secret);
    await page.close();
  },
);
