import { afterEach, describe, expect, it } from 'vitest';
import {
  CODE_PAGE_URL,
  DEVICE_CODE_URL,
  type FixturePage,
  LIVE_URL,
  openFixture,
  renderedFixture,
} from './fixture-page.testing';
import { isCodePrompt, type PageKind, pageKind } from './page-kind';

let page: FixturePage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

describe('pageKind', () => {
  it.each<[string, string, PageKind]>([
    ['enter-code.html', CODE_PAGE_URL, 'enter-code'],
    ['enter-code-sms.html', CODE_PAGE_URL, 'enter-code'],
    ['enter-code-voice.html', CODE_PAGE_URL, 'enter-code'],
    ['hidden-field.html', CODE_PAGE_URL, 'enter-code'],
    ['chooser.html', CODE_PAGE_URL, 'chooser'],
    ['kmsi.html', 'https://login.microsoftonline.com/kmsi', 'kmsi'],
    ['username.html', 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize', 'other'],
    ['device-code.html', DEVICE_CODE_URL, 'device-code'],
    // Served anywhere else it is still no code prompt: its `otc` input has no SAOTCC id and it is not login.live.com.
    ['device-code.html', CODE_PAGE_URL, 'other'],
    ['live-email-code.html', LIVE_URL, 'email-code'],
    ['live-email-ott.html', LIVE_URL, 'email-code'],
    ['live-totp.html', LIVE_URL, 'live-code'],
    // The live.com markup on a work-account host is nothing we know.
    ['live-totp.html', CODE_PAGE_URL, 'other'],
    ['framed.html', CODE_PAGE_URL, 'other'],
  ])('%s at %s is %s', async (fixture, url, kind) => {
    page = await renderedFixture(fixture, url);
    expect(pageKind(page.document)).toBe(kind);
  });

  it('sees the device-code URL before any markup', async () => {
    page = await renderedFixture('enter-code.html', `${DEVICE_CODE_URL}?code=1`);
    expect(pageKind(page.document)).toBe('device-code');
  });

  it('says "other" until the late rendering has put the prompt in the page', async () => {
    page = openFixture('enter-code.html');
    expect(pageKind(page.document)).toBe('other');
    await page.settle();
    expect(pageKind(page.document)).toBe('enter-code');
  });
});

describe('isCodePrompt', () => {
  it.each<[PageKind, boolean]>([
    ['enter-code', true],
    ['live-code', true],
    ['chooser', false],
    ['kmsi', false],
    ['device-code', false],
    ['email-code', false],
    ['other', false],
  ])('%s → %s', (kind, expected) => {
    expect(isCodePrompt(kind)).toBe(expected);
  });
});
