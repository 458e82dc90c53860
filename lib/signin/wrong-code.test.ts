import { describe, expect, it } from 'vitest';
import { pageFromHtml } from './fixture-page.testing';
import { browserLayout } from './visibility';
import { isWrongCodeShown } from './wrong-code';

const MESSAGE = "You didn't enter the expected verification code. Please try again.";

describe('isWrongCodeShown', () => {
  it.each<[string, string, boolean]>([
    ['no error', '<input id="field"><div role="alert"><span id="idSpan_SAOTCC_Error_OTC"></span></div>', false],
    ['has-error on the input', '<input id="field" class="form-control has-error">', true],
    ['aria-invalid on the input (login.live.com)', '<input id="field" aria-invalid="true">', true],
    ['aria-invalid="false"', '<input id="field" aria-invalid="false">', false],
    [
      'message in #idSpan_SAOTCC_Error_OTC',
      `<input id="field"><div role="alert"><span id="idSpan_SAOTCC_Error_OTC">${MESSAGE}</span></div>`,
      true,
    ],
    [
      'message in #idDiv_SAOTCC_ErrorMsg_OTC',
      `<input id="field"><div id="idDiv_SAOTCC_ErrorMsg_OTC">${MESSAGE}</div>`,
      true,
    ],
    ['only white space in the message', '<input id="field"><span id="idSpan_SAOTCC_Error_OTC">  \n </span>', false],
    [
      'a message that is not shown',
      `<input id="field"><div style="display: none"><span id="idSpan_SAOTCC_Error_OTC">${MESSAGE}</span></div>`,
      false,
    ],
  ])('%s → %s', async (_case, html, expected) => {
    const page = pageFromHtml(html);
    const field = page.document.getElementById('field') as HTMLInputElement;
    expect(isWrongCodeShown(field, browserLayout(page.document))).toBe(expected);
    await page.close();
  });
});
