import { describe, expect, it } from 'vitest';
import { chooseCodeField, codeFieldCandidates } from './code-field';
import { type FakeGeometry, fakeLayout } from './fake-layout.testing';
import { CODE_PAGE_URL, DEVICE_CODE_URL, LIVE_URL, pageFromHtml, renderedFixture } from './fixture-page.testing';

const overlay: FakeGeometry = {
  coverOf: (element) => (element.id === 'idTxtBx_SAOTCC_OTC' ? element.ownerDocument.getElementById('overlay') : null),
};

describe('chooseCodeField on fixture pages', () => {
  it.each<[string, string, FakeGeometry, string | null, string | null]>([
    ['enter-code.html', CODE_PAGE_URL, {}, 'idTxtBx_SAOTCC_OTC', null],
    ['offscreen-copy.html', CODE_PAGE_URL, {}, 'idTxtBx_SAOTCC_OTC', null],
    ['live-totp.html', LIVE_URL, {}, 'otc-confirmation-input', null],
    ['device-code.html', DEVICE_CODE_URL, {}, 'otc', null],
    ['hidden-field.html', CODE_PAGE_URL, {}, null, 'none-visible'],
    ['faded-ancestor.html', CODE_PAGE_URL, {}, null, 'none-visible'],
    ['faded-body.html', CODE_PAGE_URL, {}, null, 'none-visible'],
    ['overlay.html', CODE_PAGE_URL, overlay, null, 'none-visible'],
    ['two-fields.html', CODE_PAGE_URL, {}, null, 'several-visible'],
    ['chooser.html', CODE_PAGE_URL, {}, null, 'none-visible'],
    ['kmsi.html', CODE_PAGE_URL, {}, null, 'none-visible'],
  ])('%s → %s', async (fixture, url, geometry, fieldId, reason) => {
    const page = await renderedFixture(fixture, url);
    const choice = chooseCodeField(page.document, fakeLayout(page.document, geometry));
    expect(choice.field?.id ?? null).toBe(fieldId);
    expect(choice.reason).toBe(reason);
    await page.close();
  });
});

describe('codeFieldCandidates', () => {
  it.each<[string, string, string[]]>([
    ['the SAOTCC input', '<input id="idTxtBx_SAOTCC_OTC" name="otc" type="tel">', ['idTxtBx_SAOTCC_OTC']],
    ["login.live.com's input", '<input id="otc-confirmation-input" name="otc">', ['otc-confirmation-input']],
    ['an off-screen copy', '<input id="copy" name="otc" class="moveOffScreen">', []],
    ['inside an off-screen container', '<div class="moveOffScreen"><input id="copy" name="otc"></div>', []],
    ['a hidden input', '<input id="h" name="otc" type="hidden">', []],
    ['disabled', '<input id="d" name="otc" disabled>', []],
    ['read-only', '<input id="r" name="otc" readonly>', []],
    ['not an input', '<div id="idTxtBx_SAOTCC_OTC"></div><textarea name="otc"></textarea>', []],
    ['other inputs', '<input id="i0116" name="loginfmt"><input id="idTxtBx_OTC_Password" name="password">', []],
  ])('%s', async (_case, html, ids) => {
    const page = pageFromHtml(html);
    expect(codeFieldCandidates(page.document).map((field) => field.id)).toEqual(ids);
    await page.close();
  });
});
