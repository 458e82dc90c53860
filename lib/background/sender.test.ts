import { describe, expect, it } from 'vitest';
import { isExtensionPageSender, isSigninContentSender, type SenderInfo } from './sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;
const FIREFOX_BASE = 'moz-extension://0b5e2c1a-7f3d-4c1e-9a55-0a9c1c3e1d10/';
const SIGNIN = 'https://login.microsoftonline.com/common/login';

describe('isExtensionPageSender', () => {
  it.each<[string, SenderInfo, string]>([
    ['the popup', { id: ID, url: `${BASE}popup.html` }, BASE],
    [
      'the options page with an origin',
      { id: ID, url: `${BASE}options.html`, origin: `chrome-extension://${ID}` },
      BASE,
    ],
    ['the Firefox popup', { id: 'mfa-autofill@contoso.invalid', url: `${FIREFOX_BASE}popup.html` }, FIREFOX_BASE],
  ])('accepts %s', (_, sender, base) => {
    expect(isExtensionPageSender(sender, sender.id ?? '', base)).toBe(true);
  });

  it.each<[string, SenderInfo]>([
    ['another extension id', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: `${BASE}popup.html` }],
    ['another extension page', { id: ID, url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/popup.html' }],
    ['a web page', { id: ID, url: 'https://evil.com/popup.html' }],
    ['a look-alike extension host', { id: ID, url: `chrome-extension://${ID}.evil.com/popup.html` }],
    ['our content script on a sign-in page', { id: ID, url: SIGNIN, frameId: 0, tab: { id: 1 } }],
    ['a file: page', { id: ID, url: 'file:///tmp/popup.html' }],
    ['a data: page', { id: ID, url: 'data:text/html,<p>popup</p>' }],
    ['no url', { id: ID }],
    ['a forged origin', { id: ID, url: `${BASE}popup.html`, origin: 'https://evil.com' }],
    ['no id', { url: `${BASE}popup.html` }],
  ])('refuses %s', (_, sender) => {
    expect(isExtensionPageSender(sender, ID, BASE)).toBe(false);
  });
});

describe('isSigninContentSender', () => {
  const content = (url: string, extra: Partial<SenderInfo> = {}): SenderInfo => ({
    id: ID,
    url,
    frameId: 0,
    tab: { id: 7 },
    ...extra,
  });

  it.each([
    'https://login.microsoftonline.com/common/login',
    'https://login.microsoft.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize?x=1',
    'https://login.windows.net/common/SAS/ProcessAuth',
    'https://login.microsoftonline.us/common/login',
    'https://login.partner.microsoftonline.cn/common/login',
    'https://login.chinacloudapi.cn/common/login',
    'https://login.live.com/ppsecure/post.srf',
  ])('accepts the top frame of %s', (url) => {
    expect(isSigninContentSender(content(url), ID)).toBe(true);
  });

  it.each<[string, SenderInfo]>([
    ['another extension id', content(SIGNIN, { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' })],
    ['https://evil.com', content('https://evil.com/common/login')],
    ['a look-alike host', content('https://login.microsoftonline.com.example.net/common/login')],
    ['a look-alike subdomain', content('https://evil.login.microsoftonline.com/common/login')],
    ['a host with credentials', content('https://login.microsoftonline.com@evil.com/common/login')],
    ['http', content('http://login.microsoftonline.com/common/login')],
    ['another port', content('https://login.microsoftonline.com:8443/common/login')],
    ['a subframe (frameId 5)', content(SIGNIN, { frameId: 5 })],
    ['no frameId', content(SIGNIN, { frameId: undefined })],
    ['no tab', content(SIGNIN, { tab: undefined })],
    ['file:', content('file:///login.microsoftonline.com/common/login')],
    ['data:', content('data:text/html,login.microsoftonline.com')],
    ['an extension page', content(`chrome-extension://${ID}/popup.html`)],
    ['the device-code page', content('https://login.microsoftonline.com/common/oauth2/deviceauth')],
    ['a forged origin', content(SIGNIN, { origin: 'https://evil.com' })],
    ['no url', content(SIGNIN, { url: undefined })],
  ])('refuses %s', (_, sender) => {
    expect(isSigninContentSender(sender, ID)).toBe(false);
  });
});
