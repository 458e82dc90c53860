import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeLayout } from '../signin/fake-layout.testing';
import { CODE_PAGE_URL, type FixturePage, renderedFixture } from '../signin/fixture-page.testing';
import { screenReport } from '../signin/screen-report';
import type { BackgroundContext } from './context';
import { SELF, signinTabSender, testContext } from './context.testing';
import { REFUSED, routeMessage } from './router';
import { screenReportOfTab, type TabScripting } from './screen-report-handlers';
import { setTabStatus } from './tab-status';

const TAB = 7;
let ctx: BackgroundContext;
let page: FixturePage | undefined;
beforeEach(() => {
  fakeBrowser.reset();
  ctx = testContext(() => 1_700_000_000_000);
});
afterEach(async () => {
  await page?.close();
  page = undefined;
});

/** A tab at `url` whose report script answers `answer` (a real report of a fixture, or anything a page could return). */
function tabAt(url: string | undefined, answer: () => unknown): TabScripting & { runs: number } {
  const tab = {
    runs: 0,
    urlOf: async () => url,
    runReportScript: async () => {
      tab.runs++;
      return answer();
    },
  };
  return tab;
}

describe('"tab:screen-report"', () => {
  it('is refused to a content script, like every page request', async () => {
    const reply = await routeMessage({ type: 'tab:screen-report', tabId: TAB }, signinTabSender(TAB), SELF, ctx);
    expect(reply).toEqual(REFUSED);
  });

  it.each([
    ['another site', 'https://evil.example/common/SAS/ProcessAuth'],
    ['a look-alike host', 'https://login.microsoftonline.com.example.net/'],
    ['http', 'http://login.microsoftonline.com/'],
    ['a tab the extension may not see', undefined],
  ])('runs nothing in %s', async (_, url) => {
    const tab = tabAt(url, () => ({}));
    expect(await screenReportOfTab(TAB, tab)).toMatchObject({ ok: false, problem: { code: 'problemNotSigninTab' } });
    expect(tab.runs).toBe(0);
  });

  it("gives the tab's report with its status codes, never the account the status names", async () => {
    page = await renderedFixture('unknown-screen', CODE_PAGE_URL);
    const doc = page.document;
    await setTabStatus(ctx, TAB, { state: 'no-match', pageAccount: 'adele.vance@contoso.onmicrosoft.com', at: 1 });
    const reply = await screenReportOfTab(
      TAB,
      tabAt(CODE_PAGE_URL, () => screenReport(doc, fakeLayout(doc))),
    );
    expect(reply).toMatchObject({ ok: true, report: { url: CODE_PAGE_URL, status: { state: 'no-match' } } });
    expect(JSON.stringify(reply)).not.toContain('adele');
  });

  it('redacts again what a compromised page returns, and drops what a report never holds', async () => {
    const forged = {
      version: 1,
      url: 'https://login.microsoftonline.com/contoso.com/login?user=adele',
      title: 'Hello adele@contoso.com, your code is 123456',
      cookie: 'ESTSAUTH=secret',
      config: { keys: ['sFT'], pgid: 'ConvergedTFA', proofs: [{ authMethodId: '+1 425 555 0100' }], sFT: 'token' },
      body: {
        tag: 'body',
        shown: 'visible',
        value: '123456',
        children: [
          { tag: 'h1', shown: 'visible', label: 'Call +1 425 555 0100', extra: 'secret' },
          { tag: '<script>' },
        ],
      },
      truncated: 0,
    };
    const reply = await screenReportOfTab(
      TAB,
      tabAt(CODE_PAGE_URL, () => forged),
    );
    expect(reply).toEqual({
      ok: true,
      report: {
        version: 1,
        url: 'https://login.microsoftonline.com/{tenant}/login',
        title: 'Hello {email}, your code is ######',
        config: { keys: ['sFT'], pgid: 'ConvergedTFA', proofs: [], credentialTypes: {} },
        body: { tag: 'body', shown: 'visible', children: [{ tag: 'h1', shown: 'visible', label: 'Call {phone}' }] },
        truncated: 0,
      },
    });
  });

  it.each([
    ['nothing', () => undefined],
    ['a string', () => 'report'],
    ['an error', () => Promise.reject(new Error('Frame with ID 0 was removed.'))],
  ])('fails with a code and no English for the page when the script answers %s', async (_, answer) => {
    const reply = await screenReportOfTab(TAB, tabAt(CODE_PAGE_URL, answer));
    // The page words the code alone: a browser's English reason never reaches its words.
    expect(reply).toMatchObject({ ok: false, problem: { code: 'problemScreenReportFailed', params: [] } });
  });

  it('sends no report of a tab that went elsewhere meanwhile', async () => {
    const reply = await screenReportOfTab(
      TAB,
      tabAt(CODE_PAGE_URL, () => ({ version: 1, url: 'https://evil.example/', title: null, body: null, truncated: 0 })),
    );
    expect(reply).toMatchObject({ ok: false, problem: { code: 'problemNotSigninTab' } });
  });
});
