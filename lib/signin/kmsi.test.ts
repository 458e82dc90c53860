import { describe, expect, it } from 'vitest';
import { pageFromHtml } from './fixture-page.testing';
import { isKmsiPage, kmsiButton } from './kmsi';

const BUTTONS = '<input type="submit" id="idBtn_Back" value="No"><input type="submit" id="idSIButton9" value="Yes">';

describe('kmsiButton', () => {
  it.each<[string, string, 'yes' | 'no', string | null]>([
    ['Yes on "Stay signed in?"', `<input type="checkbox" id="KmsiCheckboxField">${BUTTONS}`, 'yes', 'idSIButton9'],
    ['No on "Stay signed in?"', `<input type="checkbox" id="KmsiCheckboxField">${BUTTONS}`, 'no', 'idBtn_Back'],
    // The same ids are on every page ("Next" on the username page): without the checkbox it is not this page.
    ['the same ids elsewhere', BUTTONS, 'yes', null],
    [
      'a disabled button',
      '<input type="checkbox" id="KmsiCheckboxField"><input type="submit" id="idSIButton9" disabled>',
      'yes',
      null,
    ],
  ])('%s', async (_case, html, answer, id) => {
    const page = pageFromHtml(html);
    expect(isKmsiPage(page.document)).toBe(html.includes('KmsiCheckboxField'));
    expect(kmsiButton(answer, page.document)?.id ?? null).toBe(id);
    await page.close();
  });
});
