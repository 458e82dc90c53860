/**
 * When the helper gives up on a prompt that the extension could not handle (a screen it does not
 * know, or a code prompt it left unfilled), it keeps a redacted screen report of it beside the
 * screenshot, which the fixtures attach to the failed test as screen-report.json
 * (artifacts.spec.ts sees it among a failed suite's attachments).
 */
import type { ScreenReport } from '../../../../lib/signin/screen-report-types';
import { fixtureHtml } from '../../../../tests/fixtures/signin';
import type { TabStatus } from '../../src/extension-protocol';
import { screenReportJson } from '../../src/screen-report';
import { enterCredentials, expect, test } from './fixtures';
import { USERS } from './world';

function reportOf(text: string | null | undefined): ScreenReport & { status: { state: string } } {
  expect(text).toBeTruthy();
  return JSON.parse(text!) as ScreenReport & { status: { state: string } };
}

test('a code prompt for an account not in the vault: the screenshot comes with a redacted screen report', async ({
  page,
  mfa,
}) => {
  await enterCredentials(page, USERS.diego);
  await expect.poll(() => mfa.screenshots.length).toBe(1);
  const text = mfa.screenshots[0]!.screenReport;
  const report = reportOf(text);
  expect(report.status).toEqual({ state: 'no-match' });
  expect(report.url).toMatch(/^https:\/\/login\.microsoftonline\.com\//);
  expect(report.config?.pgid).toBe('ConvergedTFA');
  expect(text).toContain('"id": "idTxtBx_SAOTCC_OTC"');
  // The account, its name and every address stay on the page.
  expect(text).not.toContain('diego');
  expect(text).not.toContain('@');
});

test('a screen the extension does not know, holding the sign-in: its report names the structure, not the person', async ({
  page,
  mfa,
}) => {
  const url = 'https://login.microsoftonline.com/common/proofup';
  await page.route(
    (candidate) => candidate.origin === 'https://login.microsoftonline.com' && candidate.pathname === '/common/proofup',
    (route) => route.fulfill({ contentType: 'text/html', body: fixtureHtml('unknown-screen', USERS.megan) }),
  );
  await page.goto(`${url}?login_hint=${encodeURIComponent(USERS.megan)}`);
  await expect.poll(() => mfa.screenshots.length, { timeout: 20_000 }).toBe(1);
  expect(mfa.problems()).toEqual([expect.objectContaining({ state: 'stopped', blocked: false })]);
  const text = mfa.screenshots[0]!.screenReport;
  const report = reportOf(text);
  expect(report).toMatchObject({
    url,
    status: { state: 'stopped' },
    config: { pgid: 'ConvergedProofUpRedirect' },
  });
  expect(text).toContain('"label": "More information required"');
  expect(text).toContain('"id": "idSubmit_ProofUp_Redirect"');
  expect(text).not.toContain('megan');
  expect(text).not.toContain('login_hint');
});

test('a throttling page is Microsoft answering, not a screen to report: screenshot only', async ({ page, mfa }) => {
  // The helper may close the page while the click still waits on it: only what it kept counts here.
  await enterCredentials(page, USERS.debra).catch(() => undefined);
  await expect.poll(() => mfa.screenshots.length).toBe(1);
  expect(mfa.screenshots[0]!.event).toMatchObject({ state: 'stopped', blocked: true });
  expect(mfa.screenshots[0]!.screenReport).toBeNull();
});

test("what the page returned is checked and redacted again, as the popup's report is: a renderer's forgery keeps nothing of a person's", () => {
  const forged = {
    version: 1,
    url: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/authorize?login_hint=x',
    title: 'Enter code for megan.bowen@contoso.onmicrosoft.com',
    config: { keys: ['pgid'], pgid: 'ConvergedTFA', proofs: [], credentialTypes: {} },
    body: {
      tag: 'body',
      shown: 'visible',
      children: [
        { tag: 'img', shown: 'visible', src: '482913' },
        { tag: 'input', shown: 'visible', id: 'idTxtBx_SAOTCC_OTC', label: 'Code 482913, call +1 425 555 0100' },
      ],
    },
    truncated: 0,
    code: '482913',
    secret: 'JBSWY3DPEHPK3PXP',
  };
  const text = screenReportJson(forged, {
    state: 'no-match',
    pageAccount: 'megan.bowen@contoso.onmicrosoft.com',
    at: 1,
  });
  const report = reportOf(text);
  expect(report.url).toBe('https://login.microsoftonline.com/{tenant}/oauth2/authorize');
  expect(report.status).toEqual({ state: 'no-match' });
  expect(text).toContain('"id": "idTxtBx_SAOTCC_OTC"');
  // A data: image's short name and a label's digits are masked; fields a report has not are dropped.
  expect(text).toContain('"src": "######"');
  expect(text).toContain('"label": "Code ######, call {phone}"');
  for (const kept of ['482913', 'megan', 'JBSWY3DPEHPK3PXP', 'login_hint', '"code"']) expect(text).not.toContain(kept);

  // Not a report, or a report of a page that is not Microsoft's sign-in: nothing is attached.
  const stopped: TabStatus = { state: 'stopped', blocked: false, title: null, pgid: null, aadsts: null, at: 1 };
  expect(screenReportJson({ ...forged, version: 2 }, stopped)).toBeNull();
  expect(screenReportJson('<html>', stopped)).toBeNull();
  expect(screenReportJson({ ...forged, url: 'https://login.microsoftonline.com.evil.example/' }, stopped)).toBeNull();
});
