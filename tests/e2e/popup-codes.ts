import { expect, type Page } from '@playwright/test';
import { type OathtoolParams, oathtoolCode } from '../support/oathtool';

// The popup renders once a second, so the code it shows may be the previous period's for up to a
// tick (and a render) after a boundary.
const RENDER_LAG_MS = 1500;

/**
 * Expects the popup's row for `name` to show oathtool's code for `secret`, both as text and as
 * `data-code`. A row's code follows the row by one round trip (codes are fetched for the rows in
 * view; "…" until then), so this waits for a code before comparing.
 */
export async function expectPopupShowsCode(
  popup: Page,
  name: string,
  secret: string,
  params?: OathtoolParams,
): Promise<void> {
  const code = popup.getByRole('listitem').filter({ hasText: name }).locator('.code');
  await expect(code).toHaveAttribute('data-code', /^\d{6,8}$/);
  const before = Date.now();
  const shown = await code.evaluate((element) => ({
    data: element.getAttribute('data-code') ?? '',
    digits: (element.textContent ?? '').replace(/\D/g, ''),
  }));
  expect(shown.digits).toBe(shown.data);
  expect([oathtoolCode(secret, before - RENDER_LAG_MS, params), oathtoolCode(secret, Date.now(), params)]).toContain(
    shown.data,
  );
}
