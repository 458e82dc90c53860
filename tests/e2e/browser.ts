import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export { oathtoolCode, oathtoolCodesBetween, randomSecret } from '../support/oathtool';

import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';

export const CHROME_EXTENSION_DIR = resolve('.output/chrome-mv3');

/** Playwright cannot download browsers here: use the system Chromium unless told otherwise. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close: () => Promise<void>;
}

/**
 * A copy of the build whose manifest also holds `<all_urls>`: it stands in for the activeTab
 * grant a click on the toolbar button gives, which automation cannot perform. Only the QR scan
 * test uses it; every other test runs the build as shipped.
 */
export function buildWithToolbarGrant(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-autofill-granted-'));
  cpSync(CHROME_EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, '<all_urls>'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

export async function launchWithExtension(
  extensionDir = CHROME_EXTENSION_DIR,
  /** Reuse a profile (to test a browser restart); it is then left for the caller to remove. */
  existingProfile?: string,
): Promise<ExtensionBrowser & { profile: string }> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run "npm run build" first.`);
  }
  const profile = existingProfile ?? mkdtempSync(join(tmpdir(), 'mfa-autofill-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    profile,
    async close() {
      await context.close();
      if (!existingProfile) rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

export async function openExtensionPage(
  browser: ExtensionBrowser,
  path: 'popup.html' | 'options.html',
  { newWindow = false }: { newWindow?: boolean } = {},
): Promise<Page> {
  const page = newWindow ? await pageInNewWindow(browser) : await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** Microsoft shows secrets lower case in groups of four ("Can't scan image?"). */
export function asMicrosoftShowsIt(secret: string): string {
  return secret
    .toLowerCase()
    .replace(/(.{4})/g, '$1 ')
    .trim();
}

interface ExtensionRuntime {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/** Sends a request to the background from an extension page, as the popup does (for test setup). */
export function sendFromExtensionPage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => (globalThis as unknown as ExtensionRuntime).chrome.runtime.sendMessage(m), message);
}

/** A page in a window of its own, as the toolbar popup is beside the tab it acts on. */
async function pageInNewWindow(browser: ExtensionBrowser): Promise<Page> {
  const opener = await browser.context.newPage();
  const [page] = await Promise.all([
    browser.context.waitForEvent('page'),
    opener.evaluate(() => window.open('about:blank', '_blank', 'popup,width=400,height=600')),
  ]);
  await opener.close();
  return page;
}

interface WorkerChrome {
  chrome: {
    tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
    action: { getBadgeText(d: { tabId?: number }): Promise<string> };
  };
}

/** The ids of the tabs whose URL matches `pattern` (a match pattern), asked of the extension. */
export function tabIdsMatching(browser: ExtensionBrowser, pattern: string): Promise<number[]> {
  return browser.worker.evaluate(async (p) => {
    const { chrome } = globalThis as unknown as WorkerChrome;
    return (await chrome.tabs.query({ url: p })).map((t) => t.id ?? -1);
  }, pattern);
}

/**
 * What the extension's own isolated world holds in the top frame of the tab whose URL matches
 * `pattern`, asked of the extension with scripting.executeScript (the content scripts' world, which
 * the page cannot see): whether the first stage ran there (WXT's unlisted script leaves a global
 * named after its entry, `mfa`) and whether the runner, the second stage, claimed the document
 * (lib/content/runner-marker.ts).
 */
export async function contentStagesIn(
  browser: ExtensionBrowser,
  pattern: string,
  runnerMark: string,
): Promise<{ firstStage: boolean; runner: boolean }> {
  const [tabId] = await tabIdsMatching(browser, pattern);
  return browser.worker.evaluate(
    async ({ id, mark }) => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          scripting: {
            executeScript(injection: {
              target: { tabId: number; frameIds: number[] };
              func: (mark: string) => unknown;
              args: [string];
            }): Promise<{ result?: unknown }[]>;
          };
        };
      };
      const [top] = await chrome.scripting.executeScript({
        target: { tabId: id ?? -1, frameIds: [0] },
        func: (m) => ({ firstStage: 'mfa' in globalThis, runner: (globalThis as Record<string, unknown>)[m] === true }),
        args: [mark],
      });
      return top?.result as { firstStage: boolean; runner: boolean };
    },
    { id: tabId, mark: runnerMark },
  );
}

/** The toolbar badge text of each tab matching `pattern`. */
export function badgeTexts(browser: ExtensionBrowser, pattern: string): Promise<string[]> {
  return browser.worker.evaluate(async (p) => {
    const { chrome } = globalThis as unknown as WorkerChrome;
    const tabs = await chrome.tabs.query({ url: p });
    return Promise.all(tabs.map((t) => chrome.action.getBadgeText({ tabId: t.id })));
  }, pattern);
}
