import { describe, expect, it } from 'vitest';
import { submitButton, submitCode, tickDontAskAgain } from './code-page-controls';
import { pageFromHtml } from './fixture-page.testing';

describe('tickDontAskAgain', () => {
  it.each<[string, string, boolean, number]>([
    ['unticked: clicks it', '<input type="checkbox" id="idChkBx_SAOTCC_TD" name="rememberMFA">', true, 1],
    ['already ticked: leaves it', '<input type="checkbox" id="idChkBx_SAOTCC_TD" checked>', true, 0],
    ['disabled: leaves it', '<input type="checkbox" id="idChkBx_SAOTCC_TD" disabled>', false, 0],
    ['not on the page', '<input type="checkbox" id="KmsiCheckboxField">', false, 0],
  ])('%s', async (_case, html, ticked, clicks) => {
    const page = pageFromHtml(html);
    let clicked = 0;
    page.document.addEventListener('click', () => clicked++);
    expect(tickDontAskAgain(page.document)).toBe(ticked);
    expect(clicked).toBe(clicks);
    await page.close();
  });
});

describe('submitButton', () => {
  it.each<[string, string, string | null]>([
    [
      'Verify',
      '<form><input id="field"><input type="submit" id="idSubmit_SAOTCC_Continue" value="Verify"></form>',
      'idSubmit_SAOTCC_Continue',
    ],
    [
      "the form's one submit button",
      '<form><input id="field"><button id="next" type="submit">Next</button></form>',
      'next',
    ],
    ['a button with no type submits', '<form><input id="field"><button id="next">Next</button></form>', 'next'],
    [
      'two submit buttons: neither',
      '<form><input id="field"><button id="a">A</button><button id="b">B</button></form>',
      null,
    ],
    ['no form', '<input id="field"><button id="next">Next</button>', null],
  ])('%s', async (_case, html, id) => {
    const page = pageFromHtml(html);
    const field = page.document.getElementById('field') as HTMLInputElement;
    expect(submitButton(field)?.id ?? null).toBe(id);
    await page.close();
  });

  it('does not click a disabled Verify', async () => {
    const page = pageFromHtml(
      '<form><input id="field"><input type="submit" id="idSubmit_SAOTCC_Continue" disabled></form>',
    );
    expect(submitCode(page.document.getElementById('field') as HTMLInputElement)).toBe(false);
    await page.close();
  });
});
