import { describe, expect, it } from 'vitest';
import { isChooserPage, proofPickedBy, verificationCodeTile } from './chooser';
import { fakeLayout } from './fake-layout.testing';
import { pageFromHtml, renderedFixture } from './fixture-page.testing';

const tile = (value: string, extra = '') =>
  `<div role="button" data-value="${value}" ${extra}><span>${value}</span></div>`;

describe('verificationCodeTile', () => {
  it.each<[string, string, boolean]>([
    [
      'one code tile among others',
      `<div id="idDiv_SAOTCS_Proofs" role="list">${tile('PhoneAppNotification')}${tile('PhoneAppOTP')}${tile('OneWaySMS')}</div>`,
      true,
    ],
    ['no code tile', `<div id="idDiv_SAOTCS_Proofs" role="list">${tile('OneWaySMS')}</div>`, false],
    [
      'two code tiles (app and hardware token)',
      `<div id="idDiv_SAOTCS_Proofs">${tile('PhoneAppOTP')}${tile('PhoneAppOTP')}</div>`,
      false,
    ],
    [
      'a hidden code tile',
      `<div id="idDiv_SAOTCS_Proofs">${tile('PhoneAppOTP', 'style="display: none"')}</div>`,
      false,
    ],
    ['a code tile outside the chooser', tile('PhoneAppOTP'), false],
    ['not a button', '<div id="idDiv_SAOTCS_Proofs"><div data-value="PhoneAppOTP"></div></div>', false],
  ])('%s → %s', async (_case, html, found) => {
    const page = pageFromHtml(html);
    const chosen = verificationCodeTile(page.document, fakeLayout(page.document));
    expect(chosen?.dataset.value ?? null).toBe(found ? 'PhoneAppOTP' : null);
    await page.close();
  });

  it('finds the tile on the chooser fixture', async () => {
    const page = await renderedFixture('chooser.html');
    expect(isChooserPage(page.document)).toBe(true);
    expect(verificationCodeTile(page.document, fakeLayout(page.document))?.textContent).toBe('Use a verification code');
    await page.close();
  });
});

describe('proofPickedBy', () => {
  it.each<[string, string | null]>([
    ['a span inside the code tile', 'PhoneAppOTP'],
    ['the SMS tile', 'OneWaySMS'],
    ['the page body', null],
  ])('%s → %s', async (what, expected) => {
    const page = pageFromHtml(`<div id="idDiv_SAOTCS_Proofs">${tile('PhoneAppOTP')}${tile('OneWaySMS')}</div>`);
    const doc = page.document;
    const target =
      what === 'the SMS tile'
        ? doc.querySelector('[data-value="OneWaySMS"]')
        : what === 'the page body'
          ? doc.body
          : doc.querySelector('[data-value="PhoneAppOTP"] span');
    expect(proofPickedBy(target)).toBe(expected);
    expect(proofPickedBy(null)).toBeNull();
    await page.close();
  });
});
