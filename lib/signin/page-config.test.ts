import { describe, expect, it } from 'vitest';
import { CODE_PAGE_URL, LIVE_URL, renderedFixture } from './fixture-page.testing';
import { type PageConfig, parseConfigScript, readPageConfig } from './page-config';

describe('parseConfigScript', () => {
  it.each<[string, string, PageConfig | null]>([
    [
      "the pages' form, in CDATA comments",
      '//<![CDATA[\n$Config={"pgid":"ConvergedTFA","sPOST_Username":"adele.vance@contoso.onmicrosoft.com","arrUserProofs":[{"authMethodId":"PhoneAppOTP","isDefault":true},{"authMethodId":"OneWaySMS","isDefault":false}]};\n//]]>',
      {
        pageId: 'ConvergedTFA',
        username: 'adele.vance@contoso.onmicrosoft.com',
        proofs: [
          { authMethodId: 'PhoneAppOTP', isDefault: true },
          { authMethodId: 'OneWaySMS', isDefault: false },
        ],
      },
    ],
    [
      'spaces around =, braces and escaped quotes inside strings',
      'var a = 1;\n$Config = {"msg":"a } and \\"{\\" here","pgid":"KmsiInterrupt"};\n//]]>',
      { pageId: 'KmsiInterrupt', username: null, proofs: [] },
    ],
    // Not the pages' form: fail closed rather than guess where the object ends.
    ['code after the object', '$Config={"pgid":"ConvergedTFA"}; var b = {};', null],
    [
      'proofs without an authMethodId are dropped, isDefault must be true itself',
      '$Config={"arrUserProofs":[{"isDefault":true},{"authMethodId":"OneWaySMS","isDefault":"true"},null,"x"]};',
      { pageId: null, username: null, proofs: [{ authMethodId: 'OneWaySMS', isDefault: false }] },
    ],
    ['an empty username is none', '$Config={"sPOST_Username":"  "};', { pageId: null, username: null, proofs: [] }],
    ['no $Config', 'var ServerData = {"a":1};', null],
    ['not JSON', "$Config={pgid:'ConvergedTFA'};", null],
    ['never closed', '$Config={"pgid":"ConvergedTFA"', null],
    ['an array, not an object', '$Config=[1];', null],
  ])('%s', (_case, text, expected) => {
    expect(parseConfigScript(text)).toEqual(expected);
  });
});

describe('readPageConfig', () => {
  it.each<[string, string, Partial<PageConfig> | null]>([
    [
      'enter-code.html',
      CODE_PAGE_URL,
      {
        pageId: 'ConvergedTFA',
        username: 'adele.vance@contoso.onmicrosoft.com',
        proofs: [
          { authMethodId: 'PhoneAppOTP', isDefault: true },
          { authMethodId: 'OneWaySMS', isDefault: false },
        ],
      },
    ],
    ['enter-code-voice.html', CODE_PAGE_URL, { proofs: [{ authMethodId: 'TwoWayVoiceMobile', isDefault: true }] }],
    ['kmsi.html', CODE_PAGE_URL, { pageId: 'KmsiInterrupt', proofs: [] }],
    ['live-totp.html', LIVE_URL, null],
  ])('%s', async (fixture, url, expected) => {
    const page = await renderedFixture(fixture, url);
    const config = readPageConfig(page.document);
    if (expected === null) expect(config).toBeNull();
    else expect(config).toMatchObject(expected);
    await page.close();
  });
});
