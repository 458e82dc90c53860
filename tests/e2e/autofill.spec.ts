import type { Page } from '@playwright/test';
import type { CodeLeaseEndpoint } from '../../lib/background/code-lease';
import { GRANTED, LEASE_UNAVAILABLE, startLeaseServer } from '../../lib/background/lease-server.testing';
import { RUNNER_MARK } from '../../lib/content/runner-marker';
import { STALL_MS } from '../../lib/content/step';
import type { TabStatus } from '../../lib/messages';
import { SIGNIN_HOSTS } from '../../lib/signin/hosts';
import {
  badgeTexts,
  contentStagesIn,
  type ExtensionBrowser,
  oathtoolCodesBetween,
  openExtensionPage,
  randomSecret,
  sendFromExtensionPage,
  tabIdsMatching,
} from './browser';
import { expect, test as fileBrowserTest } from './fixtures';
import { codeFieldValues, NO_FILL_GRACE_MS, openSigninPage, pageState, serveFixture } from './signin-pages';

const PASSPHRASE = 'correct horse battery staple';
const CODE_PAGE = '/common/login';

let accounts = 0;
/** Every fill a test checks happens after this moment. */
let testStartedAt = 0;

/** Per browser, its options page once the vault is set up (what this file's `beforeAll` did). */
const prepared = new WeakMap<ExtensionBrowser, Page>();

async function preparedExtensionPage(extension: ExtensionBrowser): Promise<Page> {
  const ready = prepared.get(extension);
  if (ready) return ready;
  const extensionPage = await openExtensionPage(extension, 'options.html');
  await sendFromExtensionPage(extensionPage, {
    type: 'vault:create',
    passphrase: PASSPHRASE,
    confirmation: PASSPHRASE,
  });
  // A few accounts the pages never name, so "the right account among several" is always tested.
  for (const name of ['megan.bowen@contoso.onmicrosoft.com', 'alex.wilber@fabrikam.onmicrosoft.com']) {
    await sendFromExtensionPage(extensionPage, { type: 'accounts:add', input: { name, secret: randomSecret() } });
  }
  prepared.set(extension, extensionPage);
  return extensionPage;
}

/** The file's browser and, as `extensionPage`, its options page with the vault set up. */
const test = fileBrowserTest.extend<{ extensionPage: Page }>({
  extensionPage: async ({ extension }, use) => {
    await use(await preparedExtensionPage(extension));
  },
});

test.beforeEach(async ({ extensionPage }) => {
  testStartedAt = Date.now();
  await sendFromExtensionPage(extensionPage, {
    type: 'settings:set',
    changes: { autofill: true, submitAfterFill: false, codeInsteadOfPush: true, staySignedIn: 'ask' },
  });
});

/** The extension's own status for the tab showing `page` (proof that it looked and decided). */
async function statusOf(extension: ExtensionBrowser, page: Page): Promise<TabStatus | null> {
  const extensionPage = await preparedExtensionPage(extension);
  const url = new URL(page.url());
  const [tabId] = await tabIdsMatching(extension, `${url.origin}${url.pathname}*`);
  const reply = (await sendFromExtensionPage(extensionPage, { type: 'tab:status', tabId })) as {
    status?: TabStatus | null;
  };
  return reply.status ?? null;
}

/** The order number of the latest status the extension set for the tab showing `page` (its status history). */
async function latestStatusSeq(extension: ExtensionBrowser, page: Page): Promise<number> {
  const extensionPage = await preparedExtensionPage(extension);
  const url = new URL(page.url());
  const [tabId] = await tabIdsMatching(extension, `${url.origin}${url.pathname}*`);
  return extensionPage.evaluate(async (id) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
    };
    const history = ((await chrome.storage.session.get('tabStatusHistory')).tabStatusHistory ?? []) as {
      seq: number;
      tabId: number;
    }[];
    return Math.max(0, ...history.filter((entry) => entry.tabId === id).map((entry) => entry.seq));
  }, tabId);
}

/** Waits until the extension has set the status `expected` (a partial match) for this tab. */
async function expectStatus(extension: ExtensionBrowser, page: Page, expected: Partial<Record<string, unknown>>) {
  await expect.poll(() => statusOf(extension, page), { timeout: 10_000 }).toMatchObject(expected);
}

/**
 * A new account for each test: a code is handed out once per period per account (the server
 * would refuse it again), so reusing one account would make tests wait for the next period.
 */
async function newAccount(extension: ExtensionBrowser, digits: 6 | 8 = 6) {
  const extensionPage = await preparedExtensionPage(extension);
  const name = `qa.user${++accounts}@contoso.onmicrosoft.com`;
  const secret = randomSecret();
  const reply = await sendFromExtensionPage(extensionPage, { type: 'accounts:add', input: { name, secret, digits } });
  expect(reply).toMatchObject({ ok: true });
  return { name, secret, digits };
}

/**
 * The code the page holds is oathtool's for the fill's period: the fill happened during this test,
 * however long a loaded machine took between the fill and this check.
 */
function expectOathtoolCode(code: string, secret: string, digits = 6) {
  expect(oathtoolCodesBetween(secret, testStartedAt, Date.now(), { digits })).toContain(code);
}

/** The period counter of `at` (epoch ms) for 30-second codes. */
const periodOf = (at: number) => Math.floor(at / 30_000);

/**
 * Waits, if need be, until the current period has at least `ms` left: for a test whose steps
 * must fall in one period (a boundary between them would change which code is right).
 */
async function atLeastLeftInPeriod(ms: number) {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < ms) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

/**
 * A fill that happens can first wait up to ~3 s for the next period (a code with less life is not
 * handed out), then takes two round trips to the service worker: seconds each on a loaded
 * 2-core machine. As long as the Firefox suite allows.
 */
const FILL_TIMEOUT_MS = 15_000;

async function expectFilled(page: Page, timeout = FILL_TIMEOUT_MS) {
  await expect.poll(async () => (await pageState(page)).boundCode, { timeout }).toMatch(/^\d{6,8}$/);
  return (await pageState(page)).boundCode;
}

/**
 * Nothing filled, once the extension has said why for this tab (`status`), or, where the
 * extension never runs (look-alike host, http), after the grace a fill would need.
 */
async function expectNothingFilled(extension: ExtensionBrowser, page: Page, status?: Partial<Record<string, unknown>>) {
  if (status) await expectStatus(extension, page, status);
  else await page.waitForTimeout(NO_FILL_GRACE_MS);
  const values = await codeFieldValues(page);
  // The page did render its code field(s): an empty list would prove nothing.
  expect(values.length).toBeGreaterThan(0);
  for (const value of values) expect(value).toBe('');
  expect((await pageState(page)).seenEvents ?? []).toEqual([]);
}

for (const host of SIGNIN_HOSTS.filter((h) => h !== 'login.live.com')) {
  test(`fills the code for the page's account on https://${host}`, async ({ extension }) => {
    const account = await newAccount(extension);
    const url = `https://${host}${CODE_PAGE}`;
    await serveFixture(extension.context, url, 'enter-code', account.name);
    const page = await openSigninPage(extension.context, url);
    expectOathtoolCode(await expectFilled(page), account.secret);
    await page.close();
  });
}

/** The content script's two stages in the tab showing `page` (docs/ARCHITECTURE.md, 'Content script'). */
function contentStagesOf(extension: ExtensionBrowser, page: Page) {
  const url = new URL(page.url());
  return contentStagesIn(extension, `${url.origin}${url.pathname}*`, RUNNER_MARK);
}

test('the code prompt is filled by the runner the background injected beside the first stage', async ({
  extension,
}) => {
  const account = await newAccount(extension);
  await serveFixture(extension.context, CODE_URL, 'enter-code', account.name);
  const page = await openSigninPage(extension.context, CODE_URL);
  expectOathtoolCode(await expectFilled(page), account.secret);
  await expectStatus(extension, page, { state: 'filled', account: account.name });
  // The manifest's script has no fill in it (tests/build): the runner was injected and did it.
  expect(await contentStagesOf(extension, page)).toEqual({ firstStage: true, runner: true });
  await page.close();
});

test('the username page never gets the runner; the first stage loads it once the page shows an error', async ({
  extension,
}) => {
  await serveFixture(extension.context, CODE_URL, 'username');
  const page = await openSigninPage(extension.context, CODE_URL);
  // The first stage is there and watching (its own global in the extension's world) ...
  await expect.poll(async () => (await contentStagesOf(extension, page)).firstStage).toBe(true);
  // ... and, for as long as a screen would take to be acted on, loads nothing more.
  await page.waitForTimeout(NO_FILL_GRACE_MS);
  expect(await contentStagesOf(extension, page)).toEqual({ firstStage: true, runner: false });
  expect(await statusOf(extension, page)).toBeNull();
  // The same document then shows an error the runner reports: the extension's own status says it
  // looked, and the same check now finds the runner.
  await page.evaluate(() =>
    document
      .getElementById('mount')
      ?.insertAdjacentHTML('beforeend', '<div id="usernameError" role="alert">AADSTS50034: user not found.</div>'),
  );
  await expectStatus(extension, page, { state: 'stopped', blocked: true, aadsts: '50034' });
  expect(await contentStagesOf(extension, page)).toEqual({ firstStage: true, runner: true });
  await page.close();
});

test('the page learns nothing from the content script and cannot stop it', async ({ extension }) => {
  const account = await newAccount(extension);
  const url = `https://login.microsoftonline.com${CODE_PAGE}`;
  await serveFixture(extension.context, url, 'enter-code', account.name);
  const page = await extension.context.newPage();
  // Before the page's own scripts: record every message posted to the page, and send every
  // event WXT's content-script runtime stops on, under every name it could have (with and
  // without the extension id, which a page could have learnt elsewhere), early and repeatedly.
  await page.addInitScript((extensionId) => {
    const w = window as unknown as { pageMessages: unknown[] };
    w.pageMessages = [];
    window.addEventListener('message', (event) => w.pageMessages.push(event.data), true);
    const names = ['mfa', 'content'].flatMap((entry) => [
      `${extensionId}:${entry}:wxt:content-script-started`,
      `undefined:${entry}:wxt:content-script-started`,
    ]);
    const stop = () => {
      for (const name of names) {
        const detail = { contentScriptName: 'mfa', messageId: 'page' };
        document.dispatchEvent(new CustomEvent(name, { detail }));
        window.postMessage({ type: name, ...detail }, '*');
      }
    };
    stop();
    document.addEventListener('DOMContentLoaded', stop);
    const timer = setInterval(stop, 10);
    setTimeout(() => clearInterval(timer), 2_000);
  }, extension.extensionId);
  await page.goto(url);
  expectOathtoolCode(await expectFilled(page), account.secret);
  const messages = await page.evaluate(() => (window as unknown as { pageMessages: unknown[] }).pageMessages);
  // Only the page's own stop attempts arrive; nothing from the extension.
  expect(messages.filter((m) => (m as { messageId?: string }).messageId !== 'page')).toEqual([]);
  await page.close();
});

test('the page sees input and change events and the right account among several; no submit by default', async ({
  extension,
}) => {
  const account = await newAccount(extension);
  const url = `https://login.microsoftonline.com${CODE_PAGE}`;
  await serveFixture(extension.context, url, 'enter-code', account.name.toUpperCase());
  const page = await openSigninPage(extension.context, url);
  const code = await expectFilled(page);
  expectOathtoolCode(code, account.secret);
  const events = (await pageState(page)).seenEvents.filter((e) => e.id === 'idTxtBx_SAOTCC_OTC');
  expect(events.map((e) => e.type)).toEqual(['input', 'change']);
  expect(events.every((e) => e.value === code)).toBe(true);
  // The extension reports the fill after it has submitted or not: its report is the proof.
  await expectStatus(extension, page, { state: 'filled', submitted: false });
  expect((await pageState(page)).submittedCodes).toEqual([]);

  // The popup says what happened on the tab it is opened over.
  const popup = await openExtensionPage(extension, 'popup.html', { newWindow: true });
  await expect(popup.getByRole('status').filter({ hasText: 'Filled the code for' })).toContainText(account.name);
  await popup.close();
  await page.close();
});

test('submits after filling when "Submit after filling" is on', async ({ extension, extensionPage }) => {
  await sendFromExtensionPage(extensionPage, { type: 'settings:set', changes: { submitAfterFill: true } });
  const account = await newAccount(extension);
  const url = `https://login.microsoftonline.com${CODE_PAGE}`;
  await serveFixture(extension.context, url, 'enter-code', account.name);
  const page = await openSigninPage(extension.context, url);
  await expect.poll(async () => (await pageState(page)).signedIn, { timeout: FILL_TIMEOUT_MS }).toBe(true);
  const [submitted] = (await pageState(page)).submittedCodes;
  expectOathtoolCode(submitted ?? '', account.secret);
  await page.close();
});

test('an 8-digit account fills an 8-digit field', async ({ extension }) => {
  const account = await newAccount(extension, 8);
  const url = `https://login.microsoftonline.com${CODE_PAGE}`;
  await serveFixture(extension.context, url, 'enter-code-8-digits', account.name);
  const page = await openSigninPage(extension.context, url);
  expectOathtoolCode(await expectFilled(page), account.secret, 8);
  await page.close();
});

test('the off-screen copy of the field stays empty; the visible one is filled', async ({ extension }) => {
  const account = await newAccount(extension);
  const url = `https://login.microsoftonline.com${CODE_PAGE}`;
  await serveFixture(extension.context, url, 'offscreen-copy', account.name);
  const page = await openSigninPage(extension.context, url);
  expectOathtoolCode(await expectFilled(page), account.secret);
  expect(await page.locator('#otcOffScreenCopy').inputValue()).toBe('');
  await page.close();
});

test('with "Fill codes automatically" off nothing is filled until the keyboard command asks', async ({
  extension,
  extensionPage,
}) => {
  await sendFromExtensionPage(extensionPage, { type: 'settings:set', changes: { autofill: false } });
  const account = await newAccount(extension);
  const url = `https://login.microsoftonline.com${CODE_PAGE}`;
  await serveFixture(extension.context, url, 'enter-code', account.name);
  const page = await openSigninPage(extension.context, url);
  await expectNothingFilled(extension, page, { state: 'disabled' });
  const popup = await openExtensionPage(extension, 'popup.html', { newWindow: true });
  await expect(popup.getByRole('status').filter({ hasText: 'Automatic filling is off' })).toBeVisible();
  await popup.close();
  // A page's own "fill now" message, with the content script's "manual" flag, is not the
  // command: the background fills only when it saw the command itself.
  const seenBefore = await latestStatusSeq(extension, page);
  await extension.worker.evaluate(async (tabUrl) => {
    const { chrome } = globalThis as unknown as WorkerCommands;
    const [tab] = await chrome.tabs.query({ url: tabUrl });
    await chrome.tabs.sendMessage(tab!.id, { type: 'bg:fill-now' }, { frameId: 0 });
  }, url);
  // The background answered that request: "automatic filling is off" once more.
  await expect.poll(() => latestStatusSeq(extension, page)).toBeGreaterThan(seenBefore);
  await expectNothingFilled(extension, page, { state: 'disabled' });
  await pressFillCodeShortcut(extension, url);
  expectOathtoolCode(await expectFilled(page), account.secret);
  await expectStatus(extension, page, { state: 'filled', account: account.name });
  await page.close();
});

interface WorkerCommands {
  chrome: {
    tabs: {
      query(q: object): Promise<{ id: number; url?: string }[]>;
      sendMessage(id: number, m: object, o: object): Promise<void>;
    };
    commands: { onCommand: { dispatch(command: string, tab: object): void } };
  };
}

/**
 * The keyboard command "Fill verification code", delivered to the background's own listener:
 * headless Chromium does not turn key presses into extension commands, so the test hands the
 * event to the listener the way the browser would (the command name and the active tab).
 */
async function pressFillCodeShortcut(extension: ExtensionBrowser, tabUrl: string) {
  await extension.worker.evaluate(async (u) => {
    const { chrome } = globalThis as unknown as WorkerCommands;
    const [tab] = await chrome.tabs.query({ url: u });
    chrome.commands.onCommand.dispatch('fill-code', tab!);
  }, tabUrl);
}

/** Sets (or, with null, removes) the QA helper's lease endpoint, as its setup does from an extension page. */
async function setLeaseEndpoint(extension: ExtensionBrowser, endpoint: CodeLeaseEndpoint | null) {
  const extensionPage = await preparedExtensionPage(extension);
  await extensionPage.evaluate(async (value) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { session: { set(v: object): Promise<void>; remove(k: string): Promise<void> } } };
    };
    if (value) await chrome.storage.session.set({ codeLease: value });
    else await chrome.storage.session.remove('codeLease');
  }, endpoint);
}

test('launched by the QA helper, with its lease service down (503): nothing is filled, the tab says why, and the sign-in goes on once it is back', async ({
  extension,
}) => {
  test.setTimeout(90_000);
  const leases = await startLeaseServer(() => LEASE_UNAVAILABLE, `chrome-extension://${extension.extensionId}`);
  await setLeaseEndpoint(extension, leases.endpoint);
  try {
    const account = await newAccount(extension);
    await serveFixture(extension.context, CODE_URL, 'enter-code', account.name);
    const page = await openSigninPage(extension.context, CODE_URL);
    await expectNothingFilled(extension, page, { state: 'lease-unavailable', account: account.name });
    // The helper was asked (the 503 was its answer, not a request that never left).
    const asked = leases.requests.map((request) => request.body as { account: string; counter: number });
    expect(asked).toContainEqual({ account: account.name, counter: expect.any(Number) });
    const refusedCounter = asked[0]!.counter;
    const popup = await openExtensionPage(extension, 'popup.html', { newWindow: true });
    await expect(popup.getByRole('status').filter({ hasText: 'could not grant a lease' })).toBeVisible();
    await popup.close();
    // The coordination service is back: the page asks again when the next code starts.
    leases.answer(() => GRANTED);
    const code = await expectFilled(page, 45_000);
    expectOathtoolCode(code, account.secret);
    const granted = leases.requests.map((request) => (request.body as { counter: number }).counter);
    expect(Math.max(...granted)).toBeGreaterThan(refusedCounter);
    expect(oathtoolCodesBetween(account.secret, (refusedCounter + 1) * 30_000, Date.now())).toContain(code);
    await expectStatus(extension, page, { state: 'filled', account: account.name });
    await page.close();
  } finally {
    await setLeaseEndpoint(extension, null);
    await leases.close();
  }
});

test('on the chooser, "Use a verification code" is picked for an account in the vault, then filled', async ({
  extension,
}) => {
  const account = await newAccount(extension);
  const url = `https://login.microsoftonline.com${CODE_PAGE}`;
  await serveFixture(extension.context, url, 'chooser', account.name);
  const page = await openSigninPage(extension.context, url);
  await expect.poll(async () => (await pageState(page)).clicks, { timeout: FILL_TIMEOUT_MS }).toContain('PhoneAppOTP');
  expectOathtoolCode(await expectFilled(page), account.secret);
  await page.close();
});

test('on the chooser, nothing is picked for an account the vault does not have', async ({ extension }) => {
  const url = `https://login.microsoftonline.com${CODE_PAGE}`;
  const stranger = 'not.in.vault@contoso.onmicrosoft.com';
  await serveFixture(extension.context, url, 'chooser', stranger);
  const page = await openSigninPage(extension.context, url);
  await expectStatus(extension, page, { state: 'no-match', pageAccount: stranger });
  expect((await pageState(page)).clicks).toEqual([]);
  await page.close();
});

test('push first ("Approve sign in request"): switches to the app code for an account in the vault, and fills it', async ({
  extension,
}) => {
  const account = await newAccount(extension);
  await serveFixture(extension.context, CODE_URL, 'push', account.name);
  const page = await openSigninPage(extension.context, CODE_URL);
  expectOathtoolCode(await expectFilled(page), account.secret);
  // "I can't use my Authenticator app right now", then "Use a verification code"; nothing else.
  expect((await pageState(page)).clicks).toEqual(['signInAnotherWay', 'PhoneAppOTP']);
  await expectStatus(extension, page, { state: 'filled', account: account.name });
  await page.close();
});

const PUSH_LEFT_ALONE: [string, string, (name: string) => Partial<Record<string, unknown>>, boolean][] = [
  ['for an account the vault does not have', 'push', (name) => ({ state: 'no-match', pageAccount: name }), false],
  ['for an account without an app-code method', 'push-no-code-method', () => NOT_TOTP('no-code-method'), true],
];
for (const [what, fixture, status, inVault] of PUSH_LEFT_ALONE) {
  test(`push first: left alone ${what}`, async ({ extension }) => {
    const name = inVault ? (await newAccount(extension)).name : 'stranger@contoso.onmicrosoft.com';
    await serveFixture(extension.context, CODE_URL, fixture, name);
    const page = await openSigninPage(extension.context, CODE_URL);
    await expectStatus(extension, page, status(name));
    expect((await pageState(page)).clicks).toEqual([]);
    expect(await page.locator('#idDiv_SAOTCAS_Title').isVisible()).toBe(true);
    await page.close();
  });
}

test('push first: left alone when "Use a code instead of approving on the phone" is off', async ({
  extension,
  extensionPage,
}) => {
  await sendFromExtensionPage(extensionPage, { type: 'settings:set', changes: { codeInsteadOfPush: false } });
  const account = await newAccount(extension);
  await serveFixture(extension.context, CODE_URL, 'push', account.name);
  const page = await openSigninPage(extension.context, CODE_URL);
  await expectStatus(extension, page, NOT_TOTP('switch-off'));
  expect((await pageState(page)).clicks).toEqual([]);
  await page.close();
});

test('passkey first ("Choose a way to sign in"): picks the app-code tile and fills', async ({ extension }) => {
  const account = await newAccount(extension);
  await serveFixture(extension.context, CODE_URL, 'passkey', account.name);
  const page = await openSigninPage(extension.context, CODE_URL);
  expectOathtoolCode(await expectFilled(page), account.secret);
  expect((await pageState(page)).clicks).toEqual(['credCode']);
  await page.close();
});

test('a passkey prompt: "Sign-in options" leads to the picker, the code tile, and the code', async ({ extension }) => {
  const account = await newAccount(extension);
  await serveFixture(extension.context, CODE_URL, 'passkey-prompt', account.name);
  const page = await openSigninPage(extension.context, CODE_URL);
  expectOathtoolCode(await expectFilled(page), account.secret);
  expect((await pageState(page)).clicks).toEqual(['idA_PWD_SwitchToCredPicker', 'credCode']);
  await page.close();
});

for (const fixture of [
  'live-totp-banner',
  'live-totp-floating',
  'live-totp-instructions-above',
  'live-totp-instructions-apart',
]) {
  test(`login.live.com's new UI: the app-code box is filled (${fixture})`, async ({ extension }) => {
    const account = await newAccount(extension);
    const url = 'https://login.live.com/ppsecure/post.srf';
    await serveFixture(extension.context, url, fixture, account.name);
    const page = await openSigninPage(extension.context, url);
    expectOathtoolCode(await expectFilled(page), account.secret);
    await page.close();
  });
}

test('login.live.com\'s new "Stay signed in?" is answered as the setting says', async ({
  extension,
  extensionPage,
}) => {
  await sendFromExtensionPage(extensionPage, { type: 'settings:set', changes: { staySignedIn: 'yes' } });
  const url = 'https://login.live.com/ppsecure/post.srf';
  await serveFixture(extension.context, url, 'live-kmsi');
  const page = await openSigninPage(extension.context, url);
  await expect.poll(async () => await page.evaluate(() => (window as { kmsiAnswer?: string }).kmsiAnswer)).toBe('yes');
  await page.close();
});

test('a code filled but not submitted is filled again at once after a reload', async ({ extension }) => {
  // Both fills in one period, with life left for the second (a code with under 3 s left is not
  // handed out): otherwise the second fill is rightly the next period's code.
  await atLeastLeftInPeriod(15_000);
  const account = await newAccount(extension);
  await serveFixture(extension.context, CODE_URL, 'enter-code', account.name);
  const startedAt = Date.now();
  const page = await openSigninPage(extension.context, CODE_URL);
  const first = await expectFilled(page);
  await page.reload();
  await page.waitForFunction(() => (window as unknown as { rendered?: boolean }).rendered === true);
  // Well inside the wait for the next period that a spent code would get (with the period
  // arranged above, more than this even on a loaded machine).
  const again = await expectFilled(page, 8_000);
  expectOathtoolCode(again, account.secret);
  // Both fills fell between these two moments: in one period, the code is the same. (Only a
  // machine stalled for most of the period arranged above lets the period turn.)
  if (periodOf(startedAt) === periodOf(Date.now())) expect(again).toBe(first);
  await page.close();
});

test('a submitted code is never filled again: after a reload it waits for the next TOTP period', async ({
  extension,
}) => {
  test.setTimeout(90_000);
  // Fill, submit and reload in one period, so the reloaded page has a period to wait out.
  await atLeastLeftInPeriod(20_000);
  const account = await newAccount(extension);
  await serveFixture(extension.context, CODE_URL, 'enter-code', account.name);
  const startedAt = Date.now();
  const page = await openSigninPage(extension.context, CODE_URL);
  const submitted = await expectFilled(page);
  // The period the submitted code belongs to, from the code itself: the clock after a read may
  // already be in the next one.
  const periods = oathtoolCodesBetween(account.secret, startedAt, Date.now());
  const periodOfCode = periodOf(startedAt) + periods.indexOf(submitted);
  expect(periods).toContain(submitted);
  // The user presses Verify (submit after filling is off): the code is spent.
  await page.locator('#idSubmit_SAOTCC_Continue').click();
  await expect.poll(async () => (await pageState(page)).submittedCodes).toEqual([submitted]);
  await page.reload();
  await page.waitForFunction(() => (window as unknown as { rendered?: boolean }).rendered === true);
  // The reloaded page asked while the submitted code's period was still running.
  expect(periodOf(Date.now())).toBe(periodOfCode);
  // It says why it waits, and until when (what the QA helper reads, and the popup shows), badge ⏳.
  await expectStatus(extension, page, {
    state: 'waiting-next-period',
    account: account.name,
    reason: 'code-used',
    until: (periodOfCode + 1) * 30_000,
  });
  await expect.poll(() => badgeTexts(extension, 'https://login.microsoftonline.com/*')).toContain('⏳');
  const next = await expectFilled(page, 45_000);
  expect(next).not.toBe(submitted);
  // Filled only once the period of the submitted code was over, with that next period's code.
  expect(periodOf(Date.now())).toBeGreaterThan(periodOfCode);
  expect(oathtoolCodesBetween(account.secret, (periodOfCode + 1) * 30_000, Date.now())).toContain(next);
  await expectStatus(extension, page, { state: 'filled', account: account.name });
  await page.close();
});

test('a throttling page (AADSTS50196) becomes a stop status naming the screen, with the badge "!"', async ({
  extension,
}) => {
  await serveFixture(extension.context, CODE_URL, 'throttled');
  const page = await openSigninPage(extension.context, CODE_URL);
  await expectStatus(extension, page, {
    state: 'stopped',
    blocked: true,
    aadsts: '50196',
    pgid: 'ConvergedError',
    title: 'Sign in',
  });
  // The badge is set after the status is stored: wait for it rather than read it once.
  await expect.poll(() => badgeTexts(extension, 'https://login.microsoftonline.com/*')).toContain('!');
  const popup = await openExtensionPage(extension, 'popup.html', { newWindow: true });
  await expect(popup.getByRole('status').filter({ hasText: 'AADSTS50196' })).toBeVisible();
  await popup.close();
  await page.close();
});

test('a screen the extension does not know, holding the sign-in, is reported after a few seconds', async ({
  extension,
}) => {
  await serveFixture(extension.context, CODE_URL, 'unknown-screen');
  // The content script first looks at the page after this: nothing may be reported before
  // STALL_MS from here. On a loaded machine opening the page can itself take that long, so the
  // early read proves something only when it came back in time.
  const openedAt = Date.now();
  const page = await openSigninPage(extension.context, CODE_URL);
  const early = await statusOf(extension, page);
  if (Date.now() - openedAt < STALL_MS) expect(early).toBeNull();
  await expectStatus(extension, page, {
    state: 'stopped',
    blocked: false,
    title: 'More information required',
    pgid: 'ConvergedProofUpRedirect',
  });
  // Seen only once the screen had held that long, however quickly the page opened.
  expect(Date.now() - openedAt).toBeGreaterThanOrEqual(STALL_MS);
  await page.close();
});

const CODE_URL = `https://login.microsoftonline.com${CODE_PAGE}`;
const NOT_TOTP = (reason: string) => ({ state: 'not-totp', reason });
const NEVER: [string, string, string, Partial<Record<string, unknown>> | null][] = [
  ['the SMS variant of the code page', CODE_URL, 'enter-code-sms', NOT_TOTP('sms')],
  ['the voice variant', CODE_URL, 'enter-code-voice', NOT_TOTP('sms')],
  ['a page whose evidence disagrees', CODE_URL, 'enter-code-disagree', NOT_TOTP('disagree')],
  ['a page that says nothing about the method', CODE_URL, 'enter-code-no-evidence', NOT_TOTP('unknown-method')],
  [
    'the device-code page',
    'https://login.microsoftonline.com/common/oauth2/deviceauth',
    'device-code',
    // The background refuses every message from the device-code page (lib/background/sender.ts): no status.
    null,
  ],
  [
    'the emailed-code page on login.live.com',
    'https://login.live.com/ppsecure/post.srf',
    'live-email-code',
    NOT_TOTP('email'),
  ],
  [
    'the emailed one-time code on login.live.com',
    'https://login.live.com/oauth20_authorize.srf',
    'live-email-ott',
    NOT_TOTP('email'),
  ],
  [
    "login.live.com's new emailed-code view",
    'https://login.live.com/ppsecure/post.srf',
    'live-email-code-new',
    NOT_TOTP('email'),
  ],
  ['a hidden field', CODE_URL, 'hidden-field', NOT_TOTP('no-visible-field')],
  ['a field covered by another element', CODE_URL, 'overlay', NOT_TOTP('no-visible-field')],
  ['a field in a faded wrapper (opacity 0.5)', CODE_URL, 'faded-ancestor', NOT_TOTP('no-visible-field')],
  ['a page with a faded body (opacity 0.6)', CODE_URL, 'faded-body', NOT_TOTP('no-visible-field')],
  ['a page with two visible code fields', CODE_URL, 'two-fields', NOT_TOTP('several-fields')],
  // The extension does not run on these at all, so it cannot report: a control page at the real
  // URL is filled in the same time instead (below).
  ['a look-alike host', 'https://login.microsoftonline.com.example.net/common/login', 'enter-code', null],
  ['http', `http://login.microsoftonline.com${CODE_PAGE}`, 'enter-code', null],
];

for (const [what, url, fixture, status] of NEVER) {
  test(`never fills ${what}`, async ({ extension }) => {
    const account = await newAccount(extension);
    await serveFixture(extension.context, url, fixture, account.name);
    const page = await openSigninPage(extension.context, url);
    await expectNothingFilled(extension, page, status ?? undefined);
    if (!status) {
      // Control: the same page at the real URL is filled within the same grace.
      const control = await newAccount(extension);
      const realUrl = `https://login.microsoftonline.com/common/control?for=${encodeURIComponent(url)}`;
      await serveFixture(extension.context, realUrl, 'enter-code', control.name);
      const real = await openSigninPage(extension.context, realUrl);
      // Opened after the page under test: once the control is filled, that page had longer still.
      expectOathtoolCode(await expectFilled(real), control.secret);
      await real.close();
      expect(await codeFieldValues(page)).toEqual(['']);
    }
    await page.close();
  });
}

test('never fills inside a frame, whoever frames it', async ({ extension }) => {
  const account = await newAccount(extension);
  await serveFixture(
    extension.context,
    'https://login.microsoftonline.com/common/SAS/ProcessAuth',
    'enter-code',
    account.name,
  );
  for (const framer of ['https://evil.example/phish', 'https://login.microsoftonline.com/common/framer']) {
    await serveFixture(extension.context, framer, 'framed', account.name);
    const page = await extension.context.newPage();
    await page.goto(framer);
    const frame = page.frameLocator('#signinFrame');
    await expect(frame.locator('#idTxtBx_SAOTCC_OTC')).toBeVisible();
    // Control: the same page as a top frame is filled within the same grace.
    const control = await newAccount(extension);
    const realUrl = `https://login.microsoftonline.com/common/control-frame?for=${encodeURIComponent(framer)}`;
    await serveFixture(extension.context, realUrl, 'enter-code', control.name);
    const real = await openSigninPage(extension.context, realUrl);
    // Opened after the page under test: once the control is filled, that page had longer still.
    expectOathtoolCode(await expectFilled(real), control.secret);
    await real.close();
    await expect(frame.locator('#idTxtBx_SAOTCC_OTC')).toHaveValue('');
    await page.close();
  }
});

test('never overwrites a field the user has started typing in', async ({ extension, extensionPage }) => {
  const account = await newAccount(extension);
  const control = await newAccount(extension);
  await sendFromExtensionPage(extensionPage, { type: 'vault:lock' });
  const url = `https://login.microsoftonline.com${CODE_PAGE}`;
  await serveFixture(extension.context, url, 'enter-code', account.name);
  const page = await openSigninPage(extension.context, url);
  await expectStatus(extension, page, { state: 'waiting-unlock' });
  await page.locator('#idTxtBx_SAOTCC_OTC').pressSequentially('12');
  // Control: another prompt waiting for the same unlock. Once it is filled, the typed-in page
  // has had the same "vault unlocked" news and decided.
  const controlUrl = 'https://login.microsoftonline.com/common/control-typing';
  await serveFixture(extension.context, controlUrl, 'enter-code', control.name);
  const controlPage = await openSigninPage(extension.context, controlUrl);
  await expectStatus(extension, controlPage, { state: 'waiting-unlock' });
  await sendFromExtensionPage(extensionPage, { type: 'vault:unlock', passphrase: PASSPHRASE });
  expectOathtoolCode(await expectFilled(controlPage), control.secret);
  await expect(page.locator('#idTxtBx_SAOTCC_OTC')).toHaveValue('12');
  await controlPage.close();
  await page.close();
});

test('locked: the badge shows a waiting page; after unlocking, the page is filled without a reload', async ({
  extension,
  extensionPage,
}) => {
  const account = await newAccount(extension);
  await sendFromExtensionPage(extensionPage, { type: 'vault:lock' });
  const url = `https://login.microsoftonline.com${CODE_PAGE}`;
  await serveFixture(extension.context, url, 'enter-code', account.name);
  const page = await openSigninPage(extension.context, url);
  await expectStatus(extension, page, { state: 'waiting-unlock' });
  expect(await codeFieldValues(page)).toEqual(['']);
  await expect.poll(() => badgeTexts(extension, 'https://login.microsoftonline.com/*')).toContain('🔒');

  // Listening from before the unlock: a reload it caused cannot slip in before the listener.
  const navigations: string[] = [];
  page.on('framenavigated', (f) => navigations.push(f.url()));
  const popup = await openExtensionPage(extension, 'popup.html');
  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.getByRole('button', { name: 'Unlock' }).click();
  expectOathtoolCode(await expectFilled(page), account.secret);
  expect(navigations).toEqual([]);
  await popup.close();
  await page.close();
});

test('a wrong code is retried once with the next period’s code, then it stops and the popup says so (waits for a TOTP period)', async ({
  extension,
  extensionPage,
}) => {
  test.setTimeout(120_000);
  await sendFromExtensionPage(extensionPage, { type: 'settings:set', changes: { submitAfterFill: true } });
  const account = await newAccount(extension);
  const url = `https://login.microsoftonline.com${CODE_PAGE}`;
  await serveFixture(extension.context, url, 'enter-code', account.name);
  const page = await extension.context.newPage();
  await page.addInitScript(() => {
    (window as unknown as { rejectNext: number }).rejectNext = 2;
  });
  await page.goto(url);
  // The first code may itself wait ~3 s for a period, then the retry a whole period, on a loaded machine.
  await expect.poll(async () => (await pageState(page)).submittedCodes.length, { timeout: 50_000 }).toBe(2);
  const [first, second] = (await pageState(page)).submittedCodes;
  expect(second).not.toBe(first);
  // The retry is the next period's code: oathtool's for a moment in that period.
  expectOathtoolCode(second ?? '', account.secret);
  // The extension has judged the second rejection and stopped: only then does "no third
  // submission" prove anything (a fixed wait would race a loaded machine).
  await expectStatus(extension, page, { state: 'wrong-code', retrying: false });
  expect((await pageState(page)).submittedCodes).toHaveLength(2);
  await page.close();
});
