import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import {
  type ExtensionBrowser,
  launchWithExtension,
  oathtoolCode,
  oathtoolCodesBetween,
  openExtensionPage,
  randomSecret,
  sendFromExtensionPage,
} from './browser';
import { expectPopupShowsCode } from './popup-codes';

const PASSPHRASE = 'correct horse battery staple';
const ACCOUNTS = [
  { name: 'alex.wilber@contoso.onmicrosoft.com', issuer: 'Contoso', secret: randomSecret() },
  { name: 'megan.bowen@fabrikam.onmicrosoft.com', issuer: 'Fabrikam', secret: randomSecret() },
  { name: 'lynne.robbins@contoso.onmicrosoft.com', issuer: 'Contoso', secret: randomSecret() },
];

let browser: ExtensionBrowser;
test.beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
test.afterAll(async () => {
  await browser.close();
});

const namesInOrder = (popup: Page) => popup.getByRole('listitem').locator('.name').allTextContents();
const clean = (names: string[]) => names.map((n) => n.replace(/^(★\s*)?(Pinned:\s*)?/, '').trim());

/** A vault holding exactly `accounts` (what an earlier test left is deleted first). */
async function freshVault(accounts: readonly { name: string; issuer?: string; secret: string }[]) {
  const setup = await openExtensionPage(browser, 'options.html');
  await sendFromExtensionPage(setup, { type: 'vault:delete', confirmation: 'DELETE' });
  await sendFromExtensionPage(setup, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE });
  for (const account of accounts) await sendFromExtensionPage(setup, { type: 'accounts:add', input: account });
  return setup;
}

test('search, copy with Enter, pin and most-recently-used order in the popup', async () => {
  await freshVault(ACCOUNTS);

  const popup = await openExtensionPage(browser, 'popup.html');
  await expect(popup.getByRole('listitem')).toHaveCount(3);
  // Never used yet: by name. The issuer is shown under the name.
  expect(clean(await namesInOrder(popup))).toEqual([ACCOUNTS[0]!.name, ACCOUNTS[2]!.name, ACCOUNTS[1]!.name]);
  await expect(popup.getByRole('listitem').filter({ hasText: ACCOUNTS[1]!.name })).toContainText('Fabrikam');

  // The search box has focus on open; typing filters; Enter copies the first match.
  await expect(popup.getByRole('searchbox', { name: 'Search accounts' })).toBeFocused();
  await popup.keyboard.type('megan');
  await expect(popup.getByRole('listitem')).toHaveCount(1);
  const pressedAt = Date.now();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toContainText(ACCOUNTS[1]!.name);
  const copied = await popup.evaluate(() => navigator.clipboard.readText());
  expect(oathtoolCodesBetween(ACCOUNTS[1]!.secret, pressedAt, Date.now())).toContain(copied);

  // Most recently used comes first.
  await popup.reload();
  await expect(popup.getByRole('listitem')).toHaveCount(3);
  await expect.poll(async () => clean(await namesInOrder(popup))[0]).toBe(ACCOUNTS[1]!.name);

  // Pinned accounts come before everything else.
  await popup.getByRole('button', { name: `Edit ${ACCOUNTS[2]!.name}` }).click();
  await popup.getByRole('checkbox', { name: 'Pin to top' }).check();
  await popup.getByRole('button', { name: 'Save' }).click();
  // Three rows before the save as after it: the count cannot tell that the list was re-sorted.
  await expect
    .poll(async () => clean(await namesInOrder(popup)))
    .toEqual([ACCOUNTS[2]!.name, ACCOUNTS[1]!.name, ACCOUNTS[0]!.name]);

  // A search that matches nothing says so.
  await popup.getByRole('searchbox', { name: 'Search accounts' }).fill('nobody');
  await expect(popup.getByRole('listitem')).toHaveCount(0);
});

test('after unlocking, the search box has focus: typing a name and Enter copies its code', async () => {
  const setup = await freshVault(ACCOUNTS);
  await sendFromExtensionPage(setup, { type: 'vault:lock' });
  const popup = await openExtensionPage(browser, 'popup.html');
  await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('searchbox', { name: 'Search accounts' })).toBeFocused();
  await popup.keyboard.type('lynne');
  await expect(popup.getByRole('listitem')).toHaveCount(1);
  const pressedAt = Date.now();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toContainText(ACCOUNTS[2]!.name);
  const copied = await popup.evaluate(() => navigator.clipboard.readText());
  expect(oathtoolCodesBetween(ACCOUNTS[2]!.secret, pressedAt, Date.now())).toContain(copied);
});

test('rows do not move while the popup is open; most recently used first from the next opening', async () => {
  await freshVault(ACCOUNTS);
  const popup = await openExtensionPage(browser, 'popup.html');
  const byName = [ACCOUNTS[0]!.name, ACCOUNTS[2]!.name, ACCOUNTS[1]!.name];
  await expect(popup.getByRole('listitem')).toHaveCount(3);
  expect(clean(await namesInOrder(popup))).toEqual(byName);

  // Copy the last row's code (it is now the most recently used), then make the popup fetch the
  // list again by adding an account: the rows stay where they were.
  await popup.getByRole('button', { name: `Copy code for ${ACCOUNTS[1]!.name}` }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const added = 'zoe.new@contoso.onmicrosoft.com';
  await popup.getByRole('button', { name: 'Add account' }).click();
  await popup.getByRole('textbox', { name: 'Account name' }).fill(added);
  await popup.getByRole('textbox', { name: 'Secret key' }).fill(randomSecret());
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(popup.getByRole('listitem')).toHaveCount(4);
  expect(clean(await namesInOrder(popup))).toEqual([...byName, added]);

  const reopened = await openExtensionPage(browser, 'popup.html');
  await expect(reopened.getByRole('listitem')).toHaveCount(4);
  expect(clean(await namesInOrder(reopened))[0]).toBe(ACCOUNTS[1]!.name);
});

test('seconds left beside each bar; a screen reader hears of new codes only when they change (waits for a TOTP period)', async () => {
  await freshVault(ACCOUNTS);
  // Open with at least 15 s of the period left, so the first seconds are quiet ones: opening the
  // popup, its first code and a tick can take several seconds on a loaded 2-core machine.
  const leftMs = 30_000 - (Date.now() % 30_000);
  if (leftMs < 15_000) await new Promise((resolve) => setTimeout(resolve, leftMs + 500));
  const openedAt = Date.now();
  const popup = await openExtensionPage(browser, 'popup.html');
  const row = popup.getByRole('listitem').filter({ hasText: ACCOUNTS[0]!.name });
  const news = popup.getByTestId('code-news');
  await expect(row.locator('.code')).toHaveText(/\d{3} \d{3}/);
  await expect(news).toHaveAttribute('aria-live', 'polite');

  // The visible seconds follow the progress bar's value, tick after tick, and nothing is announced.
  // Both read in one step: two separate reads could straddle a tick and disagree.
  const secondsShown = () =>
    row.evaluate((li) => ({
      text: li.querySelector('.seconds')?.textContent ?? null,
      valueNow: li.querySelector('[role="progressbar"][aria-label="Time left"]')?.getAttribute('aria-valuenow') ?? null,
    }));
  const first = await secondsShown();
  expect(first.text).toBe(`${first.valueNow} s`);
  await expect.poll(async () => (await secondsShown()).valueNow).not.toBe(first.valueNow);
  const second = await secondsShown();
  expect(second.text).toBe(`${second.valueNow} s`);
  await expect(news).toHaveText('');
  const codeBefore = await row.locator('.code').getAttribute('data-code');
  // Still the period the popup opened in: the change below is the one at its end.
  expect(codeBefore).toBe(oathtoolCode(ACCOUNTS[0]!.secret, openedAt));

  // At the end of the period all three codes change: one polite announcement says so.
  await expect(news).toHaveText(/^New codes, \d+ seconds left$/, { timeout: 35_000 });
  // The seconds left when it was announced: 30 or 29 on the tick after the change, fewer only if
  // a loaded machine delayed that tick, and never fewer than are left now that it is seen.
  const leftWhenSeen = Math.ceil((30_000 - (Date.now() % 30_000)) / 1000);
  const leftWhenAnnounced = Number((await news.textContent())?.match(/\d+/)?.[0]);
  expect(leftWhenAnnounced).toBeLessThanOrEqual(30);
  expect(leftWhenAnnounced).toBeGreaterThanOrEqual(leftWhenSeen);
  const codeAfter = await row.locator('.code').getAttribute('data-code');
  expect(codeAfter).not.toBe(codeBefore);
  expect(codeAfter).toBe(oathtoolCode(ACCOUNTS[0]!.secret, Date.now()));
  // The next seconds change nothing in the live region (a screen reader speaks on a change only).
  const announced = await news.textContent();
  const tick = (await secondsShown()).valueNow;
  await expect.poll(async () => (await secondsShown()).valueNow).not.toBe(tick);
  expect(await news.textContent()).toBe(announced);
});

test('2,000 accounts: only the rows in view are rendered; End, Page Down and scrolling show codes without blank rows', async () => {
  const secrets = Array.from({ length: 2000 }, () => randomSecret());
  const name = (i: number) => `qa.user${String(i).padStart(4, '0')}@contoso.onmicrosoft.com`;
  const setup = await freshVault([]);
  const lines = secrets.map(
    (secret, i) => `otpauth://totp/Contoso:${encodeURIComponent(name(i))}?secret=${secret}&issuer=Contoso`,
  );
  const imported = await sendFromExtensionPage(setup, {
    type: 'import:apply',
    content: { text: lines.join('\n') },
    choices: {},
    importValidOnly: false,
  });
  expect(imported).toMatchObject({ ok: true, summary: { added: 2000 } });

  const popup = await openExtensionPage(browser, 'popup.html');
  await popup.setViewportSize({ width: 360, height: 600 });
  const items = popup.getByRole('listitem');
  await expect(items.first()).toHaveAttribute('aria-posinset', '1');
  await expect(items.first()).toHaveAttribute('aria-setsize', '2000');
  expect(await items.count()).toBeLessThan(30);

  /** Every row that is (partly) in the scroller's view is rendered and shows its code. */
  const viewCovered = () =>
    popup.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.account-scroller')!;
      const top = scroller.scrollTop;
      const bottom = top + scroller.clientHeight;
      const rows = [...scroller.querySelectorAll<HTMLElement>('li[data-row]')];
      const height = rows[0]?.offsetHeight ?? 1;
      const problems: string[] = [];
      for (let i = Math.floor(top / height); i * height < bottom && i < 2000; i++) {
        const li = rows.find((r) => Number(r.dataset.row) === i);
        if (!li) problems.push(`row ${i} missing`);
        else if (!/^\d{6}$/.test(li.querySelector('.code')?.getAttribute('data-code') ?? ''))
          problems.push(`row ${i} has no code`);
      }
      return problems;
    });
  const expectCodeOf = (index: number) => expectPopupShowsCode(popup, name(index), secrets[index]!);

  // End: the focus moves to the last account, shown with its code.
  await popup.getByRole('button', { name: `Copy code for ${name(0)}` }).focus();
  await popup.keyboard.press('End');
  await expect(popup.getByRole('button', { name: `Copy code for ${name(1999)}` })).toBeFocused();
  await expect(items.filter({ hasText: name(1999) })).toHaveAttribute('aria-posinset', '2000');
  await expect.poll(viewCovered).toEqual([]);
  await expectCodeOf(1999);

  // Home, then Page Down: a page further, codes shown.
  await popup.keyboard.press('Home');
  await expect(popup.getByRole('button', { name: `Copy code for ${name(0)}` })).toBeFocused();
  await popup.keyboard.press('PageDown');
  // The focus moves once the target row is rendered (a layout effect after the key's render).
  const focusedPosition = () =>
    popup.evaluate(() => Number(document.activeElement?.closest('li')?.getAttribute('aria-posinset')));
  await expect.poll(focusedPosition).toBeGreaterThan(3);
  const focusedRow = await focusedPosition();
  await expect.poll(viewCovered).toEqual([]);
  await expectCodeOf(focusedRow - 1);

  // Scrolling (wheel, scrollbar): the rows in view exist by the next frame, their codes follow.
  const missingAfterFrame = await popup.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('.account-scroller')!;
    scroller.scrollTop = scroller.scrollHeight / 2;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const rows = [...scroller.querySelectorAll<HTMLElement>('li[data-row]')].map((r) => Number(r.dataset.row));
    const height = scroller.querySelector<HTMLElement>('li')!.offsetHeight;
    const missing: number[] = [];
    for (
      let i = Math.floor(scroller.scrollTop / height);
      i * height < scroller.scrollTop + scroller.clientHeight;
      i++
    ) {
      if (!rows.includes(i)) missing.push(i);
    }
    return missing;
  });
  expect(missingAfterFrame).toEqual([]);
  await expect.poll(viewCovered).toEqual([]);
  expect(await items.count()).toBeLessThan(30);

  // Search still reaches every account.
  await popup.getByRole('searchbox', { name: 'Search accounts' }).fill('user1234');
  await expect(items).toHaveCount(1);
  await expectCodeOf(1234);

  // The windowed list keeps the accessibility contract: axe finds nothing.
  await popup.getByRole('searchbox', { name: 'Search accounts' }).fill('');
  const { violations } = await new AxeBuilder({ page: popup }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // An account added here is sorted into place far down the list: it is brought into view, whole,
  // and its Copy button has the focus (a search typed before is cleared, or it could be hidden).
  await popup.getByRole('searchbox', { name: 'Search accounts' }).fill('user00');
  const added = 'qa.user1500a@contoso.onmicrosoft.com';
  await popup.getByRole('button', { name: 'Add account' }).click();
  await popup.getByRole('textbox', { name: 'Account name' }).fill(added);
  await popup.getByRole('textbox', { name: 'Secret key' }).fill(randomSecret());
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(popup.getByRole('button', { name: `Copy code for ${added}` })).toBeFocused();
  await expect(popup.getByRole('searchbox', { name: 'Search accounts' })).toHaveValue('');
  const addedRow = items.filter({ hasText: added });
  expect(Number(await addedRow.getAttribute('aria-posinset'))).toBeGreaterThan(1000);
  await expect(addedRow).toHaveAttribute('aria-setsize', '2001');
  expect(await popup.evaluate(rowsInViewCut)).toEqual({ cut: [], whole: expect.arrayContaining([added]) });
});

/**
 * The rows of the popup's list that are in view, whole or cut by the list's edge (or the
 * window's): a row is either wholly in view or not at all. Runs in the page.
 */
function rowsInViewCut(): { cut: string[]; whole: string[] } {
  const scroller = document.querySelector<HTMLElement>('.account-scroller');
  const cut: string[] = [];
  const whole: string[] = [];
  if (!scroller) return { cut, whole };
  const box = scroller.getBoundingClientRect();
  const top = Math.max(box.top, 0);
  const bottom = Math.min(box.bottom, window.innerHeight);
  for (const li of scroller.querySelectorAll<HTMLElement>('li[data-row]')) {
    const row = li.getBoundingClientRect();
    const name = li.querySelector('.name')?.textContent?.replace(/^★\s*(Pinned\s*)?/, '') ?? '';
    if (row.bottom <= top + 0.5 || row.top >= bottom - 0.5) continue;
    if (row.top >= top - 0.5 && row.bottom <= bottom + 0.5) whole.push(name);
    else cut.push(name);
  }
  return { cut, whole };
}

test('the list shows whole rows: six accounts all whole in a 600-px popup, and of more, every row in view whole', async () => {
  for (const count of [6, 12]) {
    const accounts = Array.from({ length: count }, (_, i) => ({
      name: `row${String(i).padStart(2, '0')}@contoso.onmicrosoft.com`,
      issuer: 'Contoso',
      secret: randomSecret(),
    }));
    await freshVault(accounts);
    const popup = await openExtensionPage(browser, 'popup.html');
    // Chrome and Firefox draw a toolbar popup at most 600 px high.
    await popup.setViewportSize({ width: 360, height: 600 });
    await expect(popup.getByRole('listitem')).not.toHaveCount(0);
    await expect.poll(() => popup.evaluate(rowsInViewCut)).toMatchObject({ cut: [] });
    const { whole } = await popup.evaluate(rowsInViewCut);
    if (count === 6) expect(whole).toEqual(accounts.map((a) => a.name));
    else expect(whole.length).toBeGreaterThanOrEqual(5);
    // Nothing of the page below the popup's 600 px.
    expect(await popup.evaluate(() => document.body.offsetHeight)).toBeLessThanOrEqual(600);
    await popup.close();
  }
});
