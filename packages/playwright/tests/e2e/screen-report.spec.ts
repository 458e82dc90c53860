/**
 * When the helper gives up on a prompt that the extension could not handle (a screen it does not
 * know, or a code prompt it left unfilled), it keeps a redacted screen report of it beside the
 * screenshot, which the fixtures attach to the failed test as screen-report.json
 * (artifacts.spec.ts sees it among a failed suite's attachments).
 */
import type { ScreenReport } from '../../../../lib/signin/screen-report-types';
import { fixtureHtml } from '../../../../tests/fixtures/signin';
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
