import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { SIGNIN_HOSTS } from '../../lib/signin/hosts';

/** The Firefox MV3 build; another directory (say, a build under investigation) by environment variable. */
export const FIREFOX_EXTENSION_DIR = resolve(process.env.FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'mfa-autofill@contoso.invalid';
/** Fixed so tests know the extension's pages' URLs (it is random per profile otherwise). */
const EXTENSION_UUID = '6c1b5e0a-2f1d-4a51-9a8e-3d7c1f0b9e42';
export const EXTENSION_BASE = `moz-extension://${EXTENSION_UUID}/`;

/** Hosts the local HTTPS server answers for: the sign-in hosts and a look-alike. */
export const LOOKALIKE_HOST = 'login.microsoftonline.com.example.net';
export const SERVED_HOSTS = [...SIGNIN_HOSTS, LOOKALIKE_HOST, 'app.fabrikam.example'];

export interface FirefoxWithExtension {
  browser: Browser;
  close(): Promise<void>;
}

/** How a test file's Firefox is launched (tests/e2e-firefox/fixtures.ts, `launchOptions`). */
export interface FirefoxLaunchOptions {
  /** False: leave host permissions to the user, as Firefox MV3 does, to test the grant flow. */
  grantHostAccess: boolean;
  /** Save every download here without asking (an `<a download>` click included). */
  downloadDir?: string;
  /**
   * Firefox suspends the extension's event page after this long without events (default 30 s),
   * dropping its timers: shorter, to test that what must happen later survives it.
   */
  backgroundIdleTimeoutMs?: number;
  /** More host names to resolve to 127.0.0.1 besides SERVED_HOSTS (e.g. the fake sign-in's app). */
  extraHosts?: readonly string[];
}

export async function launchFirefoxWithExtension({
  grantHostAccess,
  downloadDir,
  backgroundIdleTimeoutMs,
  extraHosts = [],
}: FirefoxLaunchOptions): Promise<FirefoxWithExtension> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run "npx wxt build -b firefox --mv3" first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'mfa-autofill-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    userDataDir: profile,
    // BiDi refuses moz-extension:// navigation without it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'network.dns.localDomains': [...new Set([...SERVED_HOSTS, ...extraHosts])].join(','),
      // MV3 host permissions granted at install (Firefox 127+) unless this is off.
      'extensions.originControls.grantByDefault': grantHostAccess,
      // permissions.request() grants without the doorhanger prompt a test cannot click (verified on
      // Firefox ESR 153 for MV3 host_permissions; with prompts on, the request waits on the prompt).
      'extensions.webextOptionalPermissionPrompts': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      ...(downloadDir ? downloadPrefs(downloadDir) : {}),
      ...(backgroundIdleTimeoutMs ? { 'extensions.background.idle.timeout': backgroundIdleTimeoutMs } : {}),
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return {
    browser,
    async close() {
      const firefox = browser.process();
      const exited = firefox && firefox.exitCode === null ? once(firefox, 'exit') : Promise.resolve();
      await browser.close();
      // close() can return while Firefox still writes its profile (datareporting/ once made
      // rmdir fail with ENOTEMPTY in CI): remove the profile after the process has gone, and let
      // rm retry what a last child process was still closing.
      await Promise.race([exited, delay(10_000)]);
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/** Downloads go straight to `dir`: no "where to save" dialog, no "open with" question. */
function downloadPrefs(dir: string): Record<string, unknown> {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/plain,text/csv,application/octet-stream',
    'browser.download.alwaysOpenPanel': false,
  };
}

/**
 * Opens an extension page. Over BiDi, goto() on moz-extension:// loads the page but never
 * resolves (reload() neither: open the page afresh instead): start the navigation and wait
 * until the page is there.
 */
export async function openExtensionPage(browser: Browser, path: 'popup.html' | 'options.html'): Promise<Page> {
  const page = await browser.newPage();
  const url = `${EXTENSION_BASE}${path}`;
  void page.goto(url).catch(() => undefined);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const here = await page.evaluate(() => location.href).catch(() => '');
    if (here === url && (await page.evaluate(() => document.readyState).catch(() => '')) === 'complete') return page;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Extension page ${url} did not open`);
}

/**
 * A CSS selector for the control whose accessible name is `name`: its <label>, its aria-label,
 * or (buttons) its text. Puppeteer's ARIA query handler needs CDP, which Firefox does not speak,
 * so names are resolved in the page; the controls are tagged so the selector stays stable.
 */
export async function byName(page: Page, name: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const tag = await page.evaluate((wanted) => {
      const nameOf = (el: Element): string => {
        const aria = el.getAttribute('aria-label');
        if (aria) return aria.trim();
        const labelledBy = el.getAttribute('aria-labelledby');
        if (labelledBy) return (document.getElementById(labelledBy)?.textContent ?? '').trim();
        if (el.id) {
          const label = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
          if (label) return (label.textContent ?? '').trim();
        }
        const wrapping = el.closest('label');
        if (wrapping) return (wrapping.textContent ?? '').trim();
        return el.tagName === 'BUTTON' || el.tagName === 'A' ? (el.textContent ?? '').trim() : '';
      };
      const candidates = [...document.querySelectorAll('input, select, textarea, button, a, [role]')];
      const match = candidates.find((el) => nameOf(el) === wanted && (el as HTMLElement).offsetParent !== null);
      if (!match) return null;
      const id = match.getAttribute('data-test-name') ?? `n${Math.random().toString(36).slice(2)}`;
      match.setAttribute('data-test-name', id);
      return id;
    }, name);
    if (tag) return `[data-test-name="${tag}"]`;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No visible control named "${name}"`);
}

export async function fillByName(page: Page, name: string, value: string): Promise<void> {
  const selector = await byName(page, name);
  await page.$eval(selector, (el) => {
    (el as HTMLInputElement).value = '';
  });
  await page.type(selector, value);
}

export async function clickByName(page: Page, name: string): Promise<void> {
  await page.click(await byName(page, name));
}

/** The text of the first element with `role`, once there is one with text. */
export async function textOfRole(page: Page, role: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = await page.evaluate(
      (r) =>
        [...document.querySelectorAll(`[role="${r}"]`)]
          .map((el) => el.textContent?.trim() ?? '')
          .find((t) => t !== '') ?? '',
      role,
    );
    if (text) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No element with role ${role} and text`);
}
