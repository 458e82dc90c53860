import { describe, expect, it } from 'vitest';
import { isSigninUrl } from './hosts';
import { isNeverFillUrl } from './never-fill';

describe('isSigninUrl', () => {
  it.each<[string, boolean]>([
    ['https://login.microsoftonline.com/common/SAS/ProcessAuth', true],
    ['https://login.microsoft.com/', true],
    ['https://login.windows.net/x', true],
    ['https://login.microsoftonline.us/x', true],
    ['https://login.partner.microsoftonline.cn/x', true],
    ['https://login.chinacloudapi.cn/x', true],
    ['https://login.live.com/ppsecure/post.srf', true],
    ['http://login.microsoftonline.com/', false],
    ['https://login.microsoftonline.com:8443/', false],
    ['https://user@login.microsoftonline.com/', false],
    ['https://login.microsoftonline.com.example.net/', false],
    ['https://evil-login.microsoftonline.com/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isSigninUrl(url)).toBe(expected);
  });
});

describe('isNeverFillUrl', () => {
  it.each<[string, boolean]>([
    ['https://login.microsoftonline.com/common/oauth2/deviceauth', true],
    ['https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/deviceauth', true],
    ['https://login.microsoftonline.com/devicelogin', true],
    ['https://login.microsoftonline.com/common/SAS/ProcessAuth', false],
    ['https://login.live.com/ppsecure/post.srf', false],
  ])('%s → %s', (url, expected) => {
    expect(isNeverFillUrl(url)).toBe(expected);
  });
});
