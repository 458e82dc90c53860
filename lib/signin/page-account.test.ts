import { describe, expect, it } from 'vitest';
import { CODE_PAGE_URL, LIVE_URL, pageFromHtml, renderedFixture } from './fixture-page.testing';
import { pageAccount } from './page-account';

const CONFIG = '<script>$Config={"sPOST_Username":"megan.bowen@fabrikam.onmicrosoft.com"};</script>';

describe('pageAccount on fixture pages', () => {
  it.each<[string, string, string | null]>([
    ['enter-code.html', CODE_PAGE_URL, 'adele.vance@contoso.onmicrosoft.com'],
    ['enter-code-no-banner.html', CODE_PAGE_URL, 'megan.bowen@fabrikam.onmicrosoft.com'],
    ['chooser.html', CODE_PAGE_URL, 'adele.vance@contoso.onmicrosoft.com'],
    ['live-totp.html', LIVE_URL, null],
    ['live-totp-banner.html', LIVE_URL, 'adele.vance@fabrikam.com'],
  ])('%s → %s', async (fixture, url, expected) => {
    const page = await renderedFixture(fixture, url);
    expect(pageAccount(page.document)).toBe(expected);
    await page.close();
  });
});

describe('pageAccount', () => {
  it.each<[string, string, string | null]>([
    [
      'the banner title holds the whole UPN where the text is shortened',
      '<div class="identityBanner"><div id="displayName" class="identity" title="adele.vance@contoso.onmicrosoft.com">adele.vance@contoso…</div></div>',
      'adele.vance@contoso.onmicrosoft.com',
    ],
    [
      'the banner text when there is no title',
      '<div id="displayName" class="identity">\n  adele.vance@contoso.onmicrosoft.com\n</div>',
      'adele.vance@contoso.onmicrosoft.com',
    ],
    [
      'the banner outranks $Config',
      `${CONFIG}<div id="displayName" title="adele.vance@contoso.onmicrosoft.com"></div>`,
      'adele.vance@contoso.onmicrosoft.com',
    ],
    [
      'an empty banner falls back to $Config',
      `${CONFIG}<div id="displayName" title=" "> </div>`,
      'megan.bowen@fabrikam.onmicrosoft.com',
    ],
    ['no banner and no $Config', '<p>Enter code</p>', null],
    [
      'live.com: the banner anywhere, twice with one address',
      '<div data-testid="identityBanner"><span>adele.vance@fabrikam.com</span></div><form><div><div data-testid="identityBanner">Adele.Vance@fabrikam.com</div></div></form>',
      'adele.vance@fabrikam.com',
    ],
    [
      'live.com: two banners naming different addresses say nothing',
      '<div data-testid="identityBanner">adele.vance@fabrikam.com</div><div data-testid="identityBanner">megan.bowen@fabrikam.com</div>',
      null,
    ],
  ])('%s', async (_case, html, expected) => {
    const page = pageFromHtml(html);
    expect(pageAccount(page.document)).toBe(expected);
    await page.close();
  });
});
