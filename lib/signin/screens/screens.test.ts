import { afterEach, describe, expect, it } from 'vitest';
import { fakeLayout } from '../fake-layout.testing';
import {
  CODE_PAGE_URL,
  type FixturePage,
  LIVE_URL,
  openFixture,
  pageFromHtml,
  renderedFixture,
} from '../fixture-page.testing';
import { readPageConfig } from '../page-config';
import { readScreen, SCREENS } from './index';

let page: FixturePage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

function readingOf(doc: Document, pickedProof: string | null = null) {
  return readScreen({ doc, layout: fakeLayout(doc), config: readPageConfig(doc), pickedProof });
}

describe('the screen modules', () => {
  it('are all found, each with its own name', () => {
    const names = SCREENS.map((screen) => screen.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['entra-code', 'live-code', 'entra-chooser', 'push', 'passkey']));
  });

  it.each<[string, string, string, string]>([
    ['enter-code.html', CODE_PAGE_URL, 'entra-code', 'code-prompt'],
    ['enter-code-sms.html', CODE_PAGE_URL, 'entra-code', 'code-prompt'],
    ['hidden-field.html', CODE_PAGE_URL, 'entra-code', 'code-prompt'],
    ['chooser.html', CODE_PAGE_URL, 'entra-chooser', 'chooser'],
    ['kmsi.html', 'https://login.microsoftonline.com/kmsi', 'entra-kmsi', 'kmsi'],
    ['username.html', 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize', 'sign-in-form', 'sign-in-form'],
    ['live-email-code.html', LIVE_URL, 'email-code', 'never-fill'],
    ['live-email-ott.html', LIVE_URL, 'email-code', 'never-fill'],
    ['live-totp.html', LIVE_URL, 'live-code', 'code-prompt'],
    // The live.com markup on a work-account host is no code prompt we know.
    ['live-totp.html', CODE_PAGE_URL, 'unknown', 'unknown'],
    // Its `otc` input has no SAOTCC id and this is not login.live.com.
    ['device-code.html', CODE_PAGE_URL, 'unknown', 'unknown'],
    ['push', CODE_PAGE_URL, 'push', 'switch-to-code'],
    ['passkey', CODE_PAGE_URL, 'passkey', 'switch-to-code'],
    ['passkey-prompt', CODE_PAGE_URL, 'passkey-prompt', 'switch-to-code'],
    ['passkey-prompt', LIVE_URL, 'passkey-prompt', 'switch-to-code'],
    ['passkey-prompt-failed', CODE_PAGE_URL, 'passkey-prompt', 'switch-to-code'],
    ['throttled', CODE_PAGE_URL, 'blocked', 'blocked'],
    ['unknown-screen', CODE_PAGE_URL, 'unknown', 'unknown'],
    ['live-totp-banner', LIVE_URL, 'live-code', 'code-prompt'],
    ['live-totp-floating', LIVE_URL, 'live-code', 'code-prompt'],
    ['live-email-code-new', LIVE_URL, 'email-code', 'never-fill'],
    ['live-kmsi', LIVE_URL, 'live-kmsi', 'kmsi'],
    ['live-other-ways', LIVE_URL, 'live-other-ways', 'chooser'],
    // live.com's markup on an Entra host is not live.com's screen.
    ['live-kmsi', CODE_PAGE_URL, 'unknown', 'unknown'],
  ])('%s at %s is %s (%s)', async (fixture, url, name, screen) => {
    page = await renderedFixture(fixture, url);
    expect(readingOf(page.document)).toMatchObject({ name, screen });
  });

  it('says "loading" until the late rendering has shown the page', async () => {
    page = openFixture('enter-code.html');
    expect(readingOf(page.document)).toMatchObject({ screen: 'loading' });
    await page.settle();
    expect(readingOf(page.document)).toMatchObject({ screen: 'code-prompt' });
  });

  it('reads the code prompt: account, field, method', async () => {
    page = await renderedFixture('enter-code.html', CODE_PAGE_URL);
    const reading = readingOf(page.document);
    expect(reading).toMatchObject({
      screen: 'code-prompt',
      account: 'adele.vance@contoso.onmicrosoft.com',
      field: { value: '', maxLength: 6, wrongCodeShown: false },
      fieldProblem: null,
      method: 'totp',
    });
    expect(reading.elements.field?.id).toBe('idTxtBx_SAOTCC_OTC');
  });

  it.each<[string, string | null, string]>([
    ['enter-code-sms.html', null, 'phone'],
    ['chooser.html', null, 'chooser'],
  ])('%s with pick %s', async (fixture, picked, expected) => {
    page = await renderedFixture(fixture, CODE_PAGE_URL);
    const reading = readingOf(page.document, picked);
    expect('method' in reading ? reading.method : reading.screen).toBe(expected);
  });

  it.each<[string, object]>([
    ['push', { from: 'push', account: 'adele.vance@contoso.onmicrosoft.com', codeProof: true, way: 'other-ways' }],
    ['push-no-code-method', { from: 'push', codeProof: false, way: 'other-ways' }],
    ['passkey', { from: 'passkey', codeProof: true, way: 'code-tile' }],
    ['passkey-no-code-tile', { from: 'passkey', codeProof: false, way: null }],
    ['passkey-prompt', { from: 'passkey-prompt', codeProof: true, way: 'other-ways' }],
    ['passkey-prompt-failed', { from: 'passkey-prompt', codeProof: true, way: 'other-ways' }],
    ['passkey-prompt-no-code-method', { from: 'passkey-prompt', codeProof: false, way: 'other-ways' }],
  ])('%s: the way to a code, and whether the account has that method', async (fixture, expected) => {
    page = await renderedFixture(fixture, CODE_PAGE_URL);
    expect(readingOf(page.document)).toMatchObject({ screen: 'switch-to-code', ...expected });
  });

  it('the username view carries the same "Sign-in options" link and is no passkey prompt', async () => {
    page = pageFromHtml(
      '<h1>Sign in</h1><input type="email" name="loginfmt"><a id="idA_PWD_SwitchToCredPicker" href="#">Sign-in options</a>',
    );
    expect(readingOf(page.document)).toMatchObject({ name: 'sign-in-form' });
  });

  it('names a stopped screen by title, pgid and AADSTS code', async () => {
    page = await renderedFixture('throttled', CODE_PAGE_URL);
    expect(readingOf(page.document)).toMatchObject({
      summary: { title: 'Sign in', pgid: 'ConvergedError', aadsts: '50196' },
    });
  });

  it.each<[string, boolean]>([
    ['live-other-ways', true],
    ['live-kmsi', false],
  ])('%s: the app-code tile is found by its attributes, not its words (%s)', async (fixture, hasTile) => {
    page = await renderedFixture(fixture, LIVE_URL);
    const reading = readingOf(page.document);
    expect(reading.elements['code-tile'] !== undefined).toBe(hasTile);
  });
});
