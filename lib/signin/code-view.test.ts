/**
 * The view of a code field is found wherever its words sit (code-view.ts): the same method is
 * read from every layout of both families' code views, and the words of other views (a chooser
 * list beside the field, an earlier view kept hidden, a link to another method) never count.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ActiveMethod } from './active-method';
import { codeViewText } from './code-view';
import { fakeLayout } from './fake-layout.testing';
import { CODE_PAGE_URL, type FixturePage, LIVE_URL, pageFromHtml } from './fixture-page.testing';
import { readPageConfig } from './page-config';
import { readScreen } from './screens/index';

let page: FixturePage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

interface Family {
  url: string;
  /** `$Config` (Entra: two proofs, neither default, so the words decide), or none. */
  config: string;
  banner: string;
  heading(text: string): string;
  form(inside: string): string;
  field: string;
  submit: string;
  account: string;
}

const FAMILIES: Record<'entra' | 'live', Family> = {
  entra: {
    url: CODE_PAGE_URL,
    config:
      '<script>$Config={"pgid":"ConvergedTFA","sPOST_Username":"adele.vance@contoso.onmicrosoft.com","arrUserProofs":[{"authMethodId":"PhoneAppOTP","isDefault":false},{"authMethodId":"OneWaySMS","isDefault":false}]};</script>',
    banner: '<div class="identityBanner"><div id="displayName">adele.vance@contoso.onmicrosoft.com</div></div>',
    heading: (text) => `<div role="heading" aria-level="1">${text}</div>`,
    form: (inside) => `<form name="f1" id="i0281">${inside}</form>`,
    field: '<div><input type="tel" name="otc" id="idTxtBx_SAOTCC_OTC" maxlength="6"></div>',
    submit: '<input type="submit" id="idSubmit_SAOTCC_Continue" value="Verify">',
    account: 'adele.vance@contoso.onmicrosoft.com',
  },
  live: {
    url: LIVE_URL,
    config: '',
    banner: '<div data-testid="identityBanner"><span>adele.vance@fabrikam.com</span></div>',
    heading: (text) => `<h1>${text}</h1>`,
    form: (inside) => `<form name="OneTimeCodeViewForm">${inside}</form>`,
    field: '<div><label>Code <input type="text" id="floatingLabelInput5" maxlength="6"></label></div>',
    submit: '<button type="submit" data-testid="primaryButton">Next</button>',
    account: 'adele.vance@fabrikam.com',
  },
};

const WORDS = {
  totp: 'Enter the code shown in your authenticator app',
  phone: 'We texted your phone +X XXXXXXXX12. Please enter the code to sign in.',
  email: 'We emailed a code to jo*****@fabrikam.com.',
} as const;

/** Every place the instructions may stand, around the same field and buttons. */
const LAYOUTS: Record<string, (f: Family, words: string) => string> = {
  'inside the form': (f, w) => f.form(`${f.banner}${f.heading('Enter code')}<p>${w}</p>${f.field}${f.submit}`),
  'above the form, after the heading': (f, w) =>
    `<div class="header">${f.banner}${f.heading('Enter code')}<p>${w}</p></div>${f.form(`${f.field}${f.submit}`)}`,
  'above the form, no heading anywhere': (f, w) =>
    `<div>${f.banner}<p>${w}</p></div>${f.form(`${f.field}${f.submit}`)}`,
  'above the form, the heading inside it': (f, w) =>
    `<div>${f.banner}<p>${w}</p></div>${f.form(`${f.heading('Enter code')}${f.field}${f.submit}`)}`,
  'in a sibling region': (f, w) =>
    `<section>${f.banner}<div>${f.heading('Enter code')}</div></section><section><div><div><p>${w}</p></div></div></section><div class="body"><div>${f.form(`${f.field}${f.submit}`)}</div></div>`,
  'after the field': (f, w) => f.form(`${f.banner}${f.heading('Enter code')}${f.field}<p>${w}</p>${f.submit}`),
  'in the heading alone': (f, w) => f.form(`${f.banner}${f.heading(w)}${f.field}${f.submit}`),
};

const CASES = Object.entries(FAMILIES).flatMap(([family, f]) =>
  Object.entries(LAYOUTS).map(([layout, html]) => ({ family, layout, f, html })),
);

function read(family: Family, body: string) {
  void page?.close();
  page = pageFromHtml(`${family.config}<div class="inner"><div id="mount">${body}</div></div>`, family.url);
  const doc = page.document;
  const layout = fakeLayout(doc);
  return readScreen({ doc, layout, config: readPageConfig(doc), pickedProof: null });
}

describe('the method is read from the view, wherever its words stand', () => {
  it.each(CASES)('$family: instructions $layout', ({ f, html }) => {
    const reading = read(f, html(f, WORDS.totp));
    expect(reading).toMatchObject({ screen: 'code-prompt', method: 'totp', account: f.account });
  });

  it.each(CASES)('$family: an SMS view with its instructions $layout is never a TOTP prompt', ({ f, html }) => {
    expect(read(f, html(f, WORDS.phone))).toMatchObject({ screen: 'code-prompt', method: 'phone' });
  });

  it.each(CASES.filter(({ family }) => family === 'live'))(
    '$family: an emailed-code view with its instructions $layout is never a TOTP prompt',
    ({ f, html }) => {
      expect(read(f, html(f, WORDS.email))).toMatchObject({ screen: 'code-prompt', method: 'email' });
    },
  );

  it('reads the view in its own order, from the banner to the buttons', () => {
    const f = FAMILIES.live;
    page = pageFromHtml(LAYOUTS['above the form, the heading inside it']?.(f, WORDS.totp) ?? '', LIVE_URL);
    const field = page.document.getElementById('floatingLabelInput5') as HTMLInputElement;
    expect(codeViewText(field, fakeLayout(page.document))).toBe(`${WORDS.totp} Enter code Code Next`);
  });
});

describe('the words found anywhere in the view still never outrank $Config or the picked tile', () => {
  const smsDefault: Family = {
    ...FAMILIES.entra,
    config: FAMILIES.entra.config.replace('"OneWaySMS","isDefault":false', '"OneWaySMS","isDefault":true'),
  };
  it.each(Object.keys(LAYOUTS))('$Config says SMS, the words the app, instructions %s', (layout) => {
    expect(read(smsDefault, LAYOUTS[layout]?.(smsDefault, WORDS.totp) ?? '')).toMatchObject({ method: 'disagree' });
  });

  it.each(Object.keys(LAYOUTS))('SMS picked on the chooser, the words the app, instructions %s', (layout) => {
    const f = FAMILIES.entra;
    read(f, LAYOUTS[layout]?.(f, WORDS.totp) ?? '');
    const doc = (page as FixturePage).document;
    const reading = readScreen({ doc, layout: fakeLayout(doc), config: readPageConfig(doc), pickedProof: 'OneWaySMS' });
    expect(reading).toMatchObject({ method: 'disagree' });
  });
});

/** A view that says nothing of its method, beside other views' words: still says nothing. */
describe('the view never reaches into another view', () => {
  const silentView = (f: Family) => f.form(`${f.heading('Enter code')}${f.field}${f.submit}`);
  it.each<[string, (f: Family) => string, ActiveMethod]>([
    [
      'a chooser list shown beside the field',
      (f) =>
        `<div role="list"><div role="listitem"><div role="button" data-value="PhoneAppOTP">Use a code from an authenticator app</div></div></div>${silentView(f)}`,
      'unknown',
    ],
    [
      "live.com's other ways shown beside the field",
      (f) =>
        `<div><div data-testid="tile" role="button"><span>Use a code from an authenticator app</span></div></div>${silentView(f)}`,
      'unknown',
    ],
    [
      'another view with a text field, above the form',
      (f) =>
        `<div><div><p>Approve the request in your authenticator app</p><input type="text" name="other"></div></div>${silentView(f)}`,
      'unknown',
    ],
    [
      'an earlier view kept in the page, hidden',
      (f) =>
        `<div hidden><h1>Enter your code</h1><p>${WORDS.totp}</p></div><div aria-hidden="true"><p>${WORDS.totp}</p></div><div style="display:none"><p>${WORDS.totp}</p></div>${silentView(f)}`,
      'unknown',
    ],
    [
      'a link to another method inside the view',
      (f) =>
        f.form(
          `${f.heading('Enter code')}${f.field}<div><a href="#">Use your authenticator app instead</a></div>${f.submit}`,
        ),
      'unknown',
    ],
    [
      'an account name in the banner that looks like a method',
      (f) =>
        f.form(`${f.banner.replace(/adele\.vance/g, 'app.sms.voice')}${f.heading('Enter code')}${f.field}${f.submit}`),
      'unknown',
    ],
    [
      'an earlier view left shown, with its own title',
      (f) => `<h1>Verify your identity</h1><p>${WORDS.totp}</p><div>${f.heading('Enter code')}</div>${silentView(f)}`,
      'unknown',
    ],
  ])('%s', (_case, html, expected) => {
    for (const f of Object.values(FAMILIES)) {
      const reading = read(f, html(f));
      // Entra: $Config names two proofs, neither default, so only the words could decide.
      expect(reading, f.url).toMatchObject({ screen: 'code-prompt', method: expected });
    }
  });
});
