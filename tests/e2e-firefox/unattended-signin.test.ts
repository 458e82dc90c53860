/**
 * Unattended sign-in for QA automation, in Firefox ESR: the same flow as
 * packages/playwright/tests/e2e/signin.spec.ts (Chromium, Playwright), driven with puppeteer-core over BiDi.
 * The fake Microsoft service (packages/playwright/src/fake-signin) listens on 127.0.0.1:443 and Firefox
 * resolves login.microsoftonline.com and app.contoso.example to it (network.dns.localDomains),
 * so the extension sees the real URLs. The test types only user name and password; the
 * extension fills and submits the code and answers "Stay signed in?" with No.
 */

import { APP_ORIGIN, type DirectoryUser, FAKE_HOSTS, startFakeSignin } from 'mfa-autofill-playwright/fake-signin';
import type { Page } from 'puppeteer-core';
import type { TabStatusEvent } from '../../lib/messages';
import { randomSecret } from '../support/oathtool';
import { openExtensionPage } from './firefox';
import { expect, test as firefoxTest } from './fixtures';
import { allTabIds, sendFromExtensionPage, waitFor } from './signin-pages';

const PASSPHRASE = 'correct horse battery staple';
const PASSWORD = `Qa-${randomSecret(12)}`;
const APP_URL = `${APP_ORIGIN}/`;
const domain = '@contoso.onmicrosoft.com';
const ADELE = `adele.vance${domain}`;
const MEGAN = `megan.bowen${domain}`;
const LEE = `lee.gu${domain}`;
/** In the vault, never signed in: the right account must be picked among several. */
const DECOY = `diego.siciliani${domain}`;

const users: DirectoryUser[] = [ADELE, MEGAN, LEE, DECOY].map((upn) => ({
  upn,
  password: PASSWORD,
  secret: randomSecret(32),
}));
const secretOf = (upn: string) => users.find((u) => u.upn === upn)?.secret ?? '';

/** A sign-in (redirects, code check, KMSI) can wait up to a period for a fresh code; Firefox is slow on CI. */
const SIGNIN_TIMEOUT_MS = 45_000;

const test = firefoxTest
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern; it has none.
  .extend('service', { scope: 'file' }, async ({}, { onCleanup }) => {
    const service = await startFakeSignin({ users, port: 443 });
    // Port 443 must be free for the next file whatever happened in this one.
    onCleanup(() => service.close());
    return service;
  })
  /** The file's Firefox with the vault QA sets up: the accounts imported, submitting on, "Stay signed in?" No. */
  .extend('extensionPage', { scope: 'file' }, async ({ firefox }) => {
    const extensionPage = await openExtensionPage(firefox.browser, 'options.html');
    expect(
      await sendFromExtensionPage(extensionPage, {
        type: 'vault:create',
        passphrase: PASSPHRASE,
        confirmation: PASSPHRASE,
      }),
    ).toMatchObject({ ok: true });
    // Two accounts (and the decoy) as otpauth:// lines, lower-case secrets as "Can't scan image?" shows them...
    const lines = [ADELE, MEGAN, DECOY].map(
      (upn) => `otpauth://totp/Contoso:${upn}?secret=${secretOf(upn).toLowerCase()}&issuer=Microsoft`,
    );
    // ...and one as an Entra OATH token CSV.
    const csv = [
      'upn,serial number,secret key,time interval,manufacturer,model',
      `${LEE},1000001,${secretOf(LEE)},30,Contoso,Software TOTP`,
    ];
    for (const text of [`${lines.join('\n')}\n`, `${csv.join('\n')}\n`]) {
      expect(
        await sendFromExtensionPage(extensionPage, {
          type: 'import:apply',
          content: { text },
          choices: {},
          importValidOnly: false,
        }),
      ).toMatchObject({ ok: true });
    }
    const listed = await sendFromExtensionPage(extensionPage, { type: 'accounts:list' });
    expect(listed.ok && listed.accounts.map((a) => a.name).sort()).toEqual([ADELE, DECOY, LEE, MEGAN].sort());
    expect(
      await sendFromExtensionPage(extensionPage, {
        type: 'settings:set',
        changes: { submitAfterFill: true, staySignedIn: 'no' },
      }),
    ).toMatchObject({ ok: true, settings: { submitAfterFill: true, staySignedIn: 'no' } });
    return extensionPage;
  });
test.override('launchOptions', { scope: 'file' }, { grantHostAccess: true, extraHosts: FAKE_HOSTS });

/** The background's status history (storage.session 'tabStatusHistory', lib/background/storage.ts). */
function statusHistory(extensionPage: Page): Promise<TabStatusEvent[]> {
  return extensionPage.evaluate(async () => {
    const { browser } = globalThis as unknown as {
      browser: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
    };
    const stored = (await browser.storage.session.get('tabStatusHistory')).tabStatusHistory;
    return (Array.isArray(stored) ? stored : []) as TabStatusEvent[];
  });
}

/**
 * The history without the wait a code with under 3 s left makes ('waiting-next-period',
 * 'too-late'): whether one happens depends on when in the period the test ran.
 */
function fillsOf(history: TabStatusEvent[]): TabStatusEvent[] {
  return history.filter((e) => !(e.status.state === 'waiting-next-period' && e.status.reason === 'too-late'));
}

/** The selector, once an element matching it is shown (the pages render late, as the real ones do). */
async function visible(page: Page, selector: string): Promise<string> {
  await waitFor(
    `${selector} to be shown on ${page.url()}`,
    () => page.evaluate((s) => (document.querySelector(s) as HTMLElement | null)?.offsetParent != null, selector),
    SIGNIN_TIMEOUT_MS,
  );
  return selector;
}

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.type(await visible(page, selector), text);
}

/** What a QA test does: open the app, type user name and password. The code is the extension's. */
async function signIn(page: Page, upn: string): Promise<void> {
  void page.goto(APP_URL).catch(() => undefined);
  // The app sends the browser to the authorize URL from script: wait for the user name page.
  await typeInto(page, '#i0116', upn);
  await page.click('#idSIButton9');
  await typeInto(page, 'input[name="passwd"]', PASSWORD);
  await page.click(await visible(page, '#idSIButton9'));
}

/** "Signed in as …" once the app is reached. */
async function signedInAs(page: Page): Promise<string> {
  return waitFor(
    'the app to show who is signed in',
    () =>
      page.evaluate((origin) => {
        if (location.origin !== origin) return '';
        return document.getElementById('signedInAs')?.textContent?.trim() ?? '';
      }, APP_ORIGIN),
    SIGNIN_TIMEOUT_MS,
  );
}

test('signs in three accounts in a row, the extension filling and submitting each code', async ({
  firefox,
  service,
  extensionPage,
}) => {
  const tabsBefore = await allTabIds(extensionPage);
  const page = await firefox.browser.newPage();
  const [tabId] = (await allTabIds(extensionPage)).filter((id) => !tabsBefore.includes(id));
  expect(tabId).toBeTypeOf('number');
  const afterSeq = (await statusHistory(extensionPage)).at(-1)?.seq ?? 0;

  for (const upn of [ADELE, MEGAN, LEE]) {
    const seenBefore = (await statusHistory(extensionPage)).at(-1)?.seq ?? 0;
    await signIn(page, upn);
    expect(await signedInAs(page)).toBe(`Signed in as ${upn}`);
    // Asked of the page itself: puppeteer's page.url() follows BiDi navigation events and may lag.
    expect(await page.evaluate(() => location.origin)).toBe(APP_ORIGIN);
    // "Stay signed in?" answered No; "Don't ask again" left alone.
    expect(await page.$eval('#staySignedIn', (el) => el.textContent)).toBe('No');
    expect(await page.$eval('#rememberMfa', (el) => el.textContent)).toBe('Not ticked');
    // This prompt, in this tab, was filled for this account and submitted. The content script's
    // report and the page's navigation to the app race each other to the background: wait for it.
    const filled = await waitFor('the fill to be reported', async () => {
      const events = fillsOf(await statusHistory(extensionPage)).filter((e) => e.seq > seenBefore && e.tabId === tabId);
      return events.length > 0 ? events : null;
    });
    expect(filled.map((e) => e.status)).toEqual([
      expect.objectContaining({ state: 'filled', account: upn, submitted: true }),
    ]);
  }

  // One status per prompt, in order, nothing else reported for the tab (no wrong code, no no-match).
  const history = fillsOf(await statusHistory(extensionPage)).filter((e) => e.seq > afterSeq && e.tabId === tabId);
  expect(history.map((e) => e.status)).toEqual(
    [ADELE, MEGAN, LEE].map((account) => expect.objectContaining({ state: 'filled', account, submitted: true })),
  );
  // The service accepted each account's first code, and saw three completed sign-ins.
  expect(service.codeChecks.map((c) => [c.upn, c.result])).toEqual([
    [ADELE, 'accepted'],
    [MEGAN, 'accepted'],
    [LEE, 'accepted'],
  ]);
  expect(service.signIns.map((s) => [s.upn, s.staySignedIn, s.rememberMfa])).toEqual([
    [ADELE, false, false],
    [MEGAN, false, false],
    [LEE, false, false],
  ]);
  await page.close();
});
