import { describe, expect, it } from 'vitest';
import { pageFromHtml } from './fixture-page.testing';
import { userHasTyped } from './user-input';

describe('userHasTyped', () => {
  it.each<[string, string | null, boolean]>([
    ['', null, false],
    ['1', null, true],
    ['123456', null, true],
    ['123456', '123456', false],
    ['123457', '123456', true],
    ['', '123456', false],
  ])('value %j, we set %j → %s', async (value, valueWeSet, expected) => {
    const page = pageFromHtml('<input id="field">');
    const field = page.document.getElementById('field') as HTMLInputElement;
    field.value = value;
    expect(userHasTyped(field, valueWeSet)).toBe(expected);
    await page.close();
  });
});
