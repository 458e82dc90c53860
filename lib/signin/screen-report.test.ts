import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../tests/fixtures/signin';
import { ENTRA_ACCOUNT } from '../../tests/fixtures/signin/entra';
import { LIVE_ACCOUNT } from '../../tests/fixtures/signin/live';
import { oathtoolCode, randomSecret } from '../../tests/support/oathtool';
import { fakeLayout } from './fake-layout.testing';
import { CODE_PAGE_URL, DEVICE_CODE_URL, type FixturePage, LIVE_URL, renderedFixture } from './fixture-page.testing';
import { maskIdentifier, maskLabel, reportedUrl } from './report-masking';
import { type ReportedElement, screenReport } from './screen-report';
import { checkedScreenReport } from './screen-report-check';

let page: FixturePage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

function urlOf(name: string): string {
  if (name.startsWith('live-')) return `${LIVE_URL}?username=${encodeURIComponent(LIVE_ACCOUNT)}&code=1`;
  if (name === 'device-code') return DEVICE_CODE_URL;
  return `${CODE_PAGE_URL}?login_hint=${encodeURIComponent(ENTRA_ACCOUNT)}#state=abc`;
}

function everyElement(element: ReportedElement | null): ReportedElement[] {
  return element ? [element, ...(element.children ?? []).flatMap(everyElement)] : [];
}

const PHONE = '+1 (425) 555-0142';
const OTHER_ACCOUNT = 'megan.bowen@fabrikam.onmicrosoft.com';

/**
 * Everything personal a sign-in page could hold, put where a report might pick it up: a code in
 * every text box, a secret in a hidden input, the account, a phone number and the code in a
 * heading, a button and a paragraph, a cookie, a query in a link.
 */
function plantPersonalData(doc: Document, code: string, secret: string): void {
  for (const input of Array.from(doc.querySelectorAll<HTMLInputElement>('input:not([type=checkbox])'))) {
    if (!['submit', 'button'].includes(input.type)) input.value = code;
  }
  const hidden = doc.createElement('input');
  hidden.type = 'hidden';
  hidden.name = 'secret';
  hidden.value = secret;
  const heading = doc.createElement('h2');
  heading.textContent = `Signing in ${OTHER_ACCOUNT} (${PHONE}), code ${code}`;
  const button = doc.createElement('button');
  button.textContent = `Send ${code} to ${PHONE}`;
  const paragraph = doc.createElement('p');
  paragraph.textContent = `Your secret is ${secret} and your code ${code}; call ${PHONE}.`;
  const link = doc.createElement('a');
  link.href = `https://login.microsoftonline.com/reset?user=${OTHER_ACCOUNT}`;
  link.id = `link-${code}`;
  link.textContent = 'Reset';
  doc.body.append(hidden, heading, button, paragraph, link);
  doc.cookie = `ESTSAUTH=${secret}; path=/`;
}

describe('a screen report', () => {
  it.each(Object.keys(FIXTURES))('of %s holds no account, code, secret, phone number or query', async (name) => {
    page = await renderedFixture(name, urlOf(name));
    const secret = randomSecret();
    const code = oathtoolCode(secret, Date.now());
    plantPersonalData(page.document, code, secret);
    const report = screenReport(page.document, fakeLayout(page.document));
    const json = JSON.stringify(report);

    expect(report.body?.children?.length).toBeGreaterThan(0);
    for (const account of [ENTRA_ACCOUNT, LIVE_ACCOUNT, OTHER_ACCOUNT]) {
      expect(json.toLowerCase()).not.toContain(account.split('@')[0]);
    }
    expect(json).not.toContain('@');
    expect(json).not.toContain(code);
    // No code-long digit run anywhere: ids keep short numbers only (i0281).
    expect(json.replace(/"aadsts":"\d+"/g, '')).not.toMatch(/\d{5,}/);
    expect(json).not.toContain(secret);
    expect(json).not.toContain(secret.slice(0, 8));
    // $Config values that are not enumerations (flow token, context, messages) stay on the page.
    for (const value of ['fixture-flow-token', 'fixture-context', 'like these', 'SAS/EndAuth']) {
      expect(json).not.toContain(value);
    }
    expect(json).not.toContain('555');
    expect(json).not.toContain('XXXXXXXX12');
    expect(json).not.toContain('ESTSAUTH');
    expect(report.url).not.toMatch(/[?#]/);
    // Headings and labels keep no digit at all (the push number, a code, a phone number).
    const labels = [report.title, ...everyElement(report.body).map((element) => element.label)];
    for (const label of labels) expect(label ?? '').not.toMatch(/\d/);
    // A report that went through the background's check is the same report.
    expect(checkedScreenReport(JSON.parse(json))).toEqual(report);
  });

  it('keeps the structure the screens are recognised by', async () => {
    page = await renderedFixture('enter-code-sms', CODE_PAGE_URL);
    const report = screenReport(page.document, fakeLayout(page.document));
    const field = everyElement(report.body).find((element) => element.id === 'idTxtBx_SAOTCC_OTC');
    expect(field).toMatchObject({ tag: 'input', name: 'otc', type: 'tel', maxLength: 6, autocomplete: 'off' });
    expect(field?.shown).toBe('visible');
    expect(report.config).toMatchObject({
      pgid: 'ConvergedTFA',
      proofs: [
        { authMethodId: 'PhoneAppOTP', isDefault: false },
        { authMethodId: 'OneWaySMS', isDefault: true },
      ],
    });
    expect(report.config?.keys).toEqual(expect.arrayContaining(['sPOST_Username', 'sFT', 'arrUserProofs[].display']));
    const description = everyElement(report.body).find((element) => element.id === 'idDiv_SAOTCC_Description');
    expect(description?.text).toEqual({ method: 'phone', address: false, aadsts: null });
    const verify = everyElement(report.body).find((element) => element.id === 'idSubmit_SAOTCC_Continue');
    expect(verify?.label).toBe('Verify');
  });

  it('says which elements are hidden, and the passkey tiles by credential type', async () => {
    page = await renderedFixture('passkey', CODE_PAGE_URL);
    const report = screenReport(page.document, fakeLayout(page.document));
    const tiles = everyElement(report.body).filter((element) => element.credType !== undefined);
    expect(tiles.map((tile) => [tile.credType, tile.role, tile.label])).toEqual([
      ['7', 'button', 'Face, fingerprint, PIN or security key'],
      ['2', 'button', 'Approve a request on my Microsoft Authenticator app'],
      ['3', 'button', 'Use a verification code'],
    ]);
    await page.close();
    page = await renderedFixture('hidden-field', CODE_PAGE_URL);
    const hidden = screenReport(page.document, fakeLayout(page.document));
    expect(everyElement(hidden.body).find((element) => element.id === 'idTxtBx_SAOTCC_OTC')?.shown).toBe('hidden');
  });

  it('reads the AADSTS code of an error page, not its words', async () => {
    page = await renderedFixture('throttled', CODE_PAGE_URL);
    const report = screenReport(page.document, fakeLayout(page.document));
    const texts = everyElement(report.body).flatMap((element) => (element.text ? [element.text] : []));
    expect(texts).toContainEqual({ method: null, address: false, aadsts: '50196' });
    expect(JSON.stringify(report)).not.toContain('refused');
  });

  it("masks a digit run in an image's name, a data: URL's short payload too", async () => {
    page = await renderedFixture('enter-code', CODE_PAGE_URL);
    for (const src of ['data:text/plain,code-428193', 'https://aadcdn.example/img/code-428193.svg?x=1']) {
      const image = page.document.createElement('img');
      image.setAttribute('src', src);
      page.document.body.append(image);
    }
    const report = screenReport(page.document, fakeLayout(page.document));
    const names = everyElement(report.body).flatMap((element) => (element.src ? [element.src] : []));
    expect(names).toEqual(expect.arrayContaining(['code-######', 'code-######.svg']));
    expect(JSON.stringify(report)).not.toContain('428193');
  });

  it('stops at its element limit and says how many it left out', async () => {
    page = await renderedFixture('enter-code', CODE_PAGE_URL);
    const filler = page.document.createElement('div');
    for (let i = 0; i < 3500; i++) filler.append(page.document.createElement('span'));
    page.document.body.append(filler);
    const report = screenReport(page.document, fakeLayout(page.document));
    expect(everyElement(report.body)).toHaveLength(3000);
    expect(report.truncated).toBeGreaterThan(500);
  });
});

describe('masking', () => {
  it.each<[string, string | null]>([
    ['Enter code', 'Enter code'],
    ["Don't ask again for 90 days", "Don't ask again for ## days"],
    ['Text +X XXXXXXXX12', 'Text +X XXXXXXXX##'],
    ['Call +1 (425) 555-0142 now', 'Call {phone} now'],
    ['We emailed jo*****@fabrikam.com.', 'We emailed {email}'],
    ['   ', null],
  ])('of the label %j is %j', (label, masked) => {
    expect(maskLabel(label)).toBe(masked);
  });

  it.each<[string, string | null]>([
    ['i0116', 'i0116'],
    ['floatingLabelInput5', 'floatingLabelInput5'],
    ['code-123456', 'code-######'],
    ['adele@contoso.com', '{email}'],
  ])('of the identifier %j is %j', (value, masked) => {
    expect(maskIdentifier(value)).toBe(masked);
  });

  it.each<[string, string]>([
    [
      'https://login.microsoftonline.com/common/SAS/ProcessAuth?sessionId=1#x',
      'https://login.microsoftonline.com/common/SAS/ProcessAuth',
    ],
    [
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
      'https://login.microsoftonline.com/{tenant}/oauth2/{tenant}/authorize',
    ],
    [
      'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/login',
      'https://login.microsoftonline.com/{tenant-id}/login',
    ],
    ['https://login.live.com/ppsecure/post.srf?username=a%40b.c', 'https://login.live.com/ppsecure/post.srf'],
    ['http://login.live.com/', ''],
  ])('of the address %s is %s', (href, reported) => {
    expect(reportedUrl(href)).toBe(reported);
  });
});
