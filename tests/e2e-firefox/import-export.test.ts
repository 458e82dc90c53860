import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { AccountView } from '../../lib/messages';
import { oathtoolCode, randomSecret } from '../support/oathtool';
import { byName, clickByName, type FirefoxWithExtension, fillByName, openExtensionPage, textOfRole } from './firefox';
import { expect, test as firefoxTest } from './fixtures';
import { sendFromExtensionPage, waitFor } from './signin-pages';

const PASSPHRASE = 'correct horse battery staple';
const BACKUP_PASSPHRASE = 'backup passphrase for the test';

/**
 * Firefox suspends the extension's idle event page after this (30 s by default), timers and all:
 * shorter than the 15 s clipboard delay, so the clipboard test shows the clearing survives it.
 */
const BACKGROUND_IDLE_TIMEOUT_MS = 3_000;

/** The file's folder for files to import and, under `downloads/`, what Firefox downloads. */
// biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern; it has none.
const test = firefoxTest.extend('work', { scope: 'file' }, async ({}, { onCleanup }) => {
  const work = mkdtempSync(join(tmpdir(), 'mfa-autofill-ff-io-'));
  onCleanup(() => rmSync(work, { recursive: true, force: true }));
  return work;
});
test.override('launchOptions', { scope: 'file' }, async ({ work }) => ({
  grantHostAccess: true,
  downloadDir: downloadsIn(work),
  backgroundIdleTimeoutMs: BACKGROUND_IDLE_TIMEOUT_MS,
}));

function downloadsIn(work: string): string {
  return join(work, 'downloads');
}

/** A new empty vault (any old one deleted), unlocked. */
async function freshVault(page: Page): Promise<void> {
  await sendFromExtensionPage(page, { type: 'vault:delete', confirmation: 'DELETE' });
  expect(
    await sendFromExtensionPage(page, { type: 'vault:create', passphrase: PASSPHRASE, confirmation: PASSPHRASE }),
  ).toMatchObject({ ok: true });
}

/**
 * The options page opened afresh, so it shows the vault as it is now (reload() does not
 * resolve over BiDi on moz-extension://, see firefox.ts); `previous` is closed.
 */
async function reopenOptions(firefox: FirefoxWithExtension, previous: Page): Promise<Page> {
  const page = await openExtensionPage(firefox.browser, 'options.html');
  await previous.close();
  return page;
}

/** The options page's "Import file" input given a file written to disk (WebDriver BiDi input.setFiles). */
async function importFile(work: string, options: Page, name: string, content: string): Promise<void> {
  const path = join(work, name);
  writeFileSync(path, content);
  const input = (await options.$(await byName(options, 'Import file'))) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}

/** The text of a role=status element once one contains `text`. */
async function statusContaining(page: Page, text: string, timeoutMs = 15_000): Promise<string> {
  return waitFor(
    `a status saying "${text}"`,
    () =>
      page.evaluate(
        (t) =>
          [...document.querySelectorAll('[role="status"]')]
            .map((el) => el.textContent?.trim() ?? '')
            .find((s) => s.includes(t)) ?? '',
        text,
      ),
    timeoutMs,
  );
}

/**
 * The text of the one download whose name matches, once complete: Firefox writes `<name>.part`
 * (next to an empty `<name>`) and renames it at the end.
 */
async function downloaded(work: string, name: RegExp): Promise<string> {
  const downloads = downloadsIn(work);
  return waitFor(`a complete download named ${name}`, async () => {
    const files = existsSync(downloads) ? readdirSync(downloads) : [];
    const matching = files.filter((f) => name.test(f));
    if (files.some((f) => f.endsWith('.part')) || matching.length !== 1) return '';
    const text = readFileSync(join(downloads, matching[0]!), 'utf8');
    try {
      JSON.parse(text);
      return text;
    } catch {
      return '';
    }
  });
}

async function listedAccounts(page: Page): Promise<AccountView[]> {
  const reply = await sendFromExtensionPage(page, { type: 'accounts:list' });
  if (!reply.ok) throw new Error(`accounts:list: ${JSON.stringify(reply)}`);
  return reply.accounts;
}

/** Each account's code is oathtool's for now or for the moment before (a period may just have turned). */
async function expectOathtoolCodes(page: Page, expected: { name: string; secret: string; period?: number }[]) {
  const before = Date.now();
  const accounts = await listedAccounts(page);
  const after = Date.now();
  expect(accounts.map((a) => a.name).sort()).toEqual(expected.map((e) => e.name).sort());
  for (const { name, secret, period = 30 } of expected) {
    const account = accounts.find((a) => a.name === name);
    expect(account?.period).toBe(period);
    expect([oathtoolCode(secret, before, { period }), oathtoolCode(secret, after, { period })]).toContain(
      account?.code,
    );
  }
}

test('imports an Entra OATH CSV through the options page file input', async ({ firefox, work }) => {
  const setup = await openExtensionPage(firefox.browser, 'options.html');
  await freshVault(setup);
  const options = await reopenOptions(firefox, setup);
  const accounts = Array.from({ length: 5 }, (_, i) => ({
    name: `qa.csv${i}@contoso.onmicrosoft.com`,
    secret: randomSecret(32),
    period: i === 1 ? 60 : 30,
  }));
  const csv = `\uFEFFupn,serial number,secret key,time interval,manufacturer,model\r\n${accounts
    .map(
      (a, i) =>
        `${a.name},${100000 + i},"${a.secret
          .toLowerCase()
          .replace(/(.{4})/g, '$1 ')
          .trim()}",${a.period},Contoso,Hardware token`,
    )
    .join('\r\n')}\r\n`;

  await importFile(work, options, 'tokens.csv', csv);
  expect(await statusContaining(options, '5 valid accounts')).toContain('tokens.csv');
  await clickByName(options, 'Import');
  await statusContaining(options, 'Added 5');
  await expectOathtoolCodes(options, accounts);
  await options.close();
});

test('exports an encrypted backup (a real download), and it restores the codes after the storage is wiped', async ({
  firefox,
  work,
}) => {
  const setup = await openExtensionPage(firefox.browser, 'options.html');
  await freshVault(setup);
  const accounts = [0, 1, 2].map((i) => ({ name: `admin${i}@fabrikam.com`, secret: randomSecret() }));
  for (const { name, secret } of accounts) {
    expect(await sendFromExtensionPage(setup, { type: 'accounts:add', input: { name, secret } })).toMatchObject({
      ok: true,
    });
  }
  let options = await reopenOptions(firefox, setup);

  await fillByName(options, 'Passphrase for the backup', BACKUP_PASSPHRASE);
  await fillByName(options, 'Confirm passphrase for the backup', BACKUP_PASSPHRASE);
  await clickByName(options, 'Export encrypted backup');
  await statusContaining(options, 'backup.json');
  const backup = await downloaded(work, /-backup\.json$/);
  for (const { name, secret } of accounts) {
    expect(backup).not.toContain(secret);
    expect(backup).not.toContain(name);
  }

  // Wipe everything the extension stored, as a new browser would have it.
  await options.evaluate(async () => {
    const { storage } = (
      globalThis as unknown as { browser: { storage: Record<'local' | 'session', { clear(): Promise<void> }> } }
    ).browser;
    await storage.local.clear();
    await storage.session.clear();
  });
  expect(await sendFromExtensionPage(options, { type: 'vault:state' })).toEqual({ ok: true, state: 'none' });
  await freshVault(options);
  options = await reopenOptions(firefox, options);

  await importFile(work, options, 'backup.json', backup);
  await fillByName(options, 'Backup passphrase', 'not the backup passphrase');
  await clickByName(options, 'Open backup');
  expect(await textOfRole(options, 'alert')).toContain('passphrase');
  await fillByName(options, 'Backup passphrase', BACKUP_PASSPHRASE);
  await clickByName(options, 'Open backup');
  await statusContaining(options, '3 valid accounts');
  await clickByName(options, 'Import');
  await statusContaining(options, 'Added 3');
  await expectOathtoolCodes(options, accounts);
  await options.close();
});

/**
 * An ordinary web page with a text area, to read the clipboard the way a user does: Ctrl+V.
 * (`navigator.clipboard.readText()` in the extension page works only during the click's transient
 * user activation, 5 s, and throws NotAllowedError after; we do not ask for clipboardRead.)
 */
async function pasteTarget(firefox: FirefoxWithExtension): Promise<{ paste(): Promise<string> }> {
  const page = await firefox.browser.newPage();
  await page.evaluate(() => {
    document.body.innerHTML = '<textarea></textarea>';
    document.querySelector('textarea')!.addEventListener('paste', (e) => {
      (window as unknown as { pasted: string | null }).pasted = e.clipboardData?.getData('text/plain') ?? '';
    });
  });
  return {
    async paste() {
      await page.evaluate(() => {
        (window as unknown as { pasted: string | null }).pasted = null;
      });
      await page.focus('textarea');
      await page.keyboard.down('Control');
      await page.keyboard.press('v');
      await page.keyboard.up('Control');
      const { pasted } = await waitFor(
        'a paste event',
        async () => {
          const value = await page.evaluate(() => (window as unknown as { pasted: string | null }).pasted);
          return value === null ? null : { pasted: value };
        },
        5_000,
      );
      return pasted;
    },
  };
}

test('copies a code from the popup and empties the clipboard after the delay set in the options', async ({
  firefox,
}) => {
  const setup = await openExtensionPage(firefox.browser, 'popup.html');
  await freshVault(setup);
  const name = 'qa.clipboard@contoso.onmicrosoft.com';
  const secret = randomSecret();
  await sendFromExtensionPage(setup, { type: 'accounts:add', input: { name, secret } });
  expect(
    await sendFromExtensionPage(setup, { type: 'settings:set', changes: { clipboardClearSeconds: 15 } }),
  ).toMatchObject({ ok: true });
  const popup = await openExtensionPage(firefox.browser, 'popup.html');
  await setup.close();

  const before = Date.now();
  await clickByName(popup, `Copy code for ${name}`);
  expect(await statusContaining(popup, 'Copied')).toContain(name);
  // A user pastes the code into the sign-in page; the popup closes when it loses focus.
  await popup.close();
  const target = await pasteTarget(firefox);
  const copied = await target.paste();
  expect([oathtoolCode(secret, before), oathtoolCode(secret, Date.now())]).toContain(copied);

  // The code stays until the delay is over (it starts after the click), then goes, although the
  // background was suspended meanwhile (BACKGROUND_IDLE_TIMEOUT_MS).
  const seen: string[] = [];
  await waitFor(
    'the clipboard to be emptied',
    async () => {
      seen.push(await target.paste());
      return seen.at(-1) === '';
    },
    25_000,
  );
  expect(Date.now() - before).toBeGreaterThanOrEqual(15_000);
  expect(new Set(seen.slice(0, -1))).toEqual(new Set([copied]));
});
