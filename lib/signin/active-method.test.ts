import { describe, expect, it } from 'vitest';
import {
  type ActiveMethod,
  activeMethod,
  codeDescription,
  decideActiveMethod,
  type MethodEvidence,
} from './active-method';
import { chooseCodeField } from './code-field';
import { fakeLayout } from './fake-layout.testing';
import { CODE_PAGE_URL, LIVE_URL, pageFromHtml, renderedFixture } from './fixture-page.testing';
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
    ['live-totp-instructions-above.html', LIVE_URL, null, 'totp'],
    ['live-totp-instructions-apart.html', LIVE_URL, null, 'totp'],
    ['live-email-code.html', LIVE_URL, null, 'email'],
  ])('%s at %s, picked %s → %s', async (fixture, url, picked, expected) => {
    const page = await renderedFixture(fixture, url);
    const layout = fakeLayout(page.document);
    const field = chooseCodeField(page.document, layout).field;
    expect(activeMethod(page.document, picked, undefined, field, layout)).toBe(expected);
    await page.close();
  });
});

describe('activeMethod while the view is still rendering its words', () => {
  it.each<[string, string, ActiveMethod]>([
    [
      'the field is shown, no word yet',
      '<form><div role="heading"><span></span></div><input id="f" name="otc"><button></button></form>',
      'rendering',
    ],
    [
      'the description element is there, empty; $Config names the app',
      '<script>$Config={"arrUserProofs":[{"authMethodId":"PhoneAppOTP","isDefault":true}]};</script><div role="heading">Enter code</div><div id="idDiv_SAOTCC_Description"></div><input id="f" name="otc">',
      'rendering',
    ],
    [
      'the words arrive',
      '<script>$Config={"arrUserProofs":[{"authMethodId":"PhoneAppOTP","isDefault":true}]};</script><div role="heading">Enter code</div><div id="idDiv_SAOTCC_Description">We texted your phone</div><input id="f" name="otc">',
      'disagree',
    ],
  ])('%s → %s', async (_case, html, expected) => {
    const page = pageFromHtml(html, LIVE_URL);
    const layout = fakeLayout(page.document);
    const field = page.document.getElementById('f') as HTMLInputElement;
    expect(activeMethod(page.document, null, undefined, field, layout)).toBe(expected);
    await page.close();
  });
});

describe('codeDescription', () => {
  it.each<[string, string, string | null]>([
    ['enter-code.html', CODE_PAGE_URL, TOTP_TEXT],
    // No description element: the view's words up to its buttons, without links to other ways or addresses.
    ['enter-code-voice.html', CODE_PAGE_URL, "Enter code Don't ask again for 90 days"],
    ['live-totp.html', LIVE_URL, 'Enter your code Enter the code displayed in your authenticator app. Code Next'],
    [
      'live-totp-instructions-above.html',
      LIVE_URL,
      'Enter your code Enter the code shown in your authenticator app Code Next',
    ],
    // The instructions above the form, the heading inside it.
    [
      'live-totp-instructions-apart.html',
      LIVE_URL,
      'Enter the code shown in your authenticator app Enter your code Code Next',
    ],
  ])('%s at %s', async (fixture, url, expected) => {
    const page = await renderedFixture(fixture, url);
    const field = chooseCodeField(page.document, fakeLayout(page.document)).field;
    expect(codeDescription(page.document, field, fakeLayout(page.document))).toBe(expected);
    await page.close();
  });

  it.each<[string, string, string]>([
    [
      'instructions in a sibling region above the form',
      '<section><h1>Enter your code</h1><div><p>Enter the code shown in your authenticator app</p></div></section><form><input id="f" name="otc"><button type="submit">Next</button></form>',
      'Enter your code Enter the code shown in your authenticator app Next',
    ],
    [
      'the words in the heading, wrappers around the field',
      '<form><div role="heading">Code from your authenticator app</div><div><div><input id="f" name="otc"></div></div><button>Next</button></form>',
      'Code from your authenticator app Next',
    ],
    [
      'hidden text, other views and links below the buttons are not read',
      '<h1>Old view</h1><p>We texted your phone</p><h1>Enter your code</h1><p hidden>We texted you</p><p style="display:none">SMS</p><p>Use your authenticator app</p><input id="f" name="otc"><button>Next</button><a href="#">Text me instead</a>',
      'Enter your code Use your authenticator app Next',
    ],
  ])('%s', async (_case, html, expected) => {
    const page = pageFromHtml(html, LIVE_URL);
    const layout = fakeLayout(page.document);
    const field = page.document.getElementById('f') as HTMLInputElement;
    expect(codeDescription(page.document, field, layout)).toBe(expected);
    await page.close();
  });
});
