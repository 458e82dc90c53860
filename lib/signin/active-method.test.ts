import { describe, expect, it } from 'vitest';
import {
  type ActiveMethod,
  activeMethod,
  codeDescription,
  decideActiveMethod,
  type MethodEvidence,
} from './active-method';
import { CODE_PAGE_URL, LIVE_URL, renderedFixture } from './fixture-page.testing';
import type { UserProof } from './page-config';

const TOTP_TEXT = 'Enter the code displayed in the authenticator app on your mobile device';
const SMS_TEXT = 'We texted your phone +X XXXXXXXX12. Please enter the code to sign in.';
const proof = (authMethodId: string, isDefault = false): UserProof => ({ authMethodId, isDefault });

describe('decideActiveMethod', () => {
  it.each<[string, MethodEvidence, ActiveMethod]>([
    [
      'the default proof is the app',
      { pickedProof: null, proofs: [proof('PhoneAppOTP', true), proof('OneWaySMS')], description: null },
      'totp',
    ],
    ['the only proof is the app', { pickedProof: null, proofs: [proof('PhoneAppOTP')], description: null }, 'totp'],
    [
      'the default proof is SMS',
      { pickedProof: null, proofs: [proof('PhoneAppOTP'), proof('OneWaySMS', true)], description: null },
      'phone',
    ],
    [
      'the only proof is a voice call',
      { pickedProof: null, proofs: [proof('TwoWayVoiceMobile')], description: null },
      'phone',
    ],
    ['the wording alone names the app', { pickedProof: null, proofs: [], description: TOTP_TEXT }, 'totp'],
    ['the wording alone names SMS', { pickedProof: null, proofs: [], description: SMS_TEXT }, 'phone'],
    [
      'the pick outranks an SMS default',
      { pickedProof: 'PhoneAppOTP', proofs: [proof('PhoneAppOTP'), proof('OneWaySMS', true)], description: TOTP_TEXT },
      'totp',
    ],
    [
      'a pick of SMS outranks an app default',
      { pickedProof: 'OneWaySMS', proofs: [proof('PhoneAppOTP', true), proof('OneWaySMS')], description: null },
      'phone',
    ],
    [
      'a push default says nothing about a code page',
      {
        pickedProof: null,
        proofs: [proof('PhoneAppNotification', true), proof('PhoneAppOTP')],
        description: TOTP_TEXT,
      },
      'totp',
    ],
    [
      'a push default and no wording say nothing',
      { pickedProof: null, proofs: [proof('PhoneAppNotification', true), proof('PhoneAppOTP')], description: null },
      'unknown',
    ],
    [
      '$Config and the wording disagree',
      { pickedProof: null, proofs: [proof('PhoneAppOTP', true)], description: SMS_TEXT },
      'disagree',
    ],
    [
      'the pick and the wording disagree',
      { pickedProof: 'PhoneAppOTP', proofs: [], description: SMS_TEXT },
      'disagree',
    ],
    [
      'a pick the account has no proof of',
      { pickedProof: 'PhoneAppOTP', proofs: [proof('OneWaySMS', true)], description: null },
      'disagree',
    ],
    [
      'the wording names two methods',
      {
        pickedProof: null,
        proofs: [proof('PhoneAppOTP', true)],
        description: 'We texted you; or use your authenticator app',
      },
      'disagree',
    ],
    [
      'two proofs, none default, no wording',
      { pickedProof: null, proofs: [proof('PhoneAppOTP'), proof('OneWaySMS')], description: null },
      'unknown',
    ],
    ['nothing at all', { pickedProof: null, proofs: [], description: null }, 'unknown'],
    ['wording in another language', { pickedProof: null, proofs: [], description: 'Code eingeben' }, 'unknown'],
  ])('%s → %s', (_case, evidence, expected) => {
    expect(decideActiveMethod(evidence)).toBe(expected);
  });
});

describe('activeMethod on fixture pages', () => {
  it.each<[string, string, string | null, ActiveMethod]>([
    ['enter-code.html', CODE_PAGE_URL, null, 'totp'],
    ['enter-code-no-banner.html', CODE_PAGE_URL, null, 'totp'],
    ['enter-code-sms.html', CODE_PAGE_URL, null, 'phone'],
    // The user picked the app on the chooser, but the page says it texted them: never fill.
    ['enter-code-sms.html', CODE_PAGE_URL, 'PhoneAppOTP', 'disagree'],
    ['enter-code-voice.html', CODE_PAGE_URL, null, 'phone'],
    ['enter-code-disagree.html', CODE_PAGE_URL, null, 'disagree'],
    ['enter-code-no-evidence.html', CODE_PAGE_URL, null, 'unknown'],
    ['enter-code-no-evidence.html', CODE_PAGE_URL, 'PhoneAppOTP', 'totp'],
    ['live-totp.html', LIVE_URL, null, 'totp'],
    ['live-email-code.html', LIVE_URL, null, 'email'],
  ])('%s at %s, picked %s → %s', async (fixture, url, picked, expected) => {
    const page = await renderedFixture(fixture, url);
    expect(activeMethod(page.document, picked)).toBe(expected);
    await page.close();
  });
});

describe('codeDescription', () => {
  it.each<[string, string, string | null]>([
    ['enter-code.html', CODE_PAGE_URL, TOTP_TEXT],
    ['enter-code-voice.html', CODE_PAGE_URL, null],
    ['live-totp.html', LIVE_URL, 'Enter your code Enter the code displayed in your authenticator app. Code Next'],
    // login.live.com's form text is read there only.
    ['live-totp.html', CODE_PAGE_URL, null],
  ])('%s at %s', async (fixture, url, expected) => {
    const page = await renderedFixture(fixture, url);
    expect(codeDescription(page.document)).toBe(expected);
    await page.close();
  });
});
