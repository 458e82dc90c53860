import type { Browser, Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { PageReplies, PageRequest } from '../../lib/messages';
import { fixtureHtml } from '../fixtures/signin';
import type { LocalHttpsServer } from '../support/https-server';

/** The account the fixture pages sign in (banner and $Config), and the pages by name. */
export { FIXTURE_ACCOUNT, fixtureHtml } from '../fixtures/signin';

/** Long enough for a fill that would happen (observer + one message round trip take milliseconds). */
export const NO_FILL_GRACE_MS = 1_000;
/**
 * A fill that happens can still wait up to ~3 s for the next period (docs/ARCHITECTURE.md,
 * 'TOTP'); CI is slow.
 */
const FILL_TIMEOUT_MS = 15_000;

/** Serves a fixture at a real URL on the local HTTPS server the browser resolves the hosts to. */
export function serveFixture(server: LocalHttpsServer, url: string, name: string, account?: string): void {
  server.page(url, fixtureHtml(name, account));
}

/** Polls `condition` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  condition: () => Promise<T>,
  timeoutMs = FILL_TIMEOUT_MS,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      // A page between two documents (a reload) cannot be evaluated for a moment.
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${last})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** What the fixture's own script records (see its header comment). */
export interface FixtureState {
  rendered: boolean;
  boundCode: string;
  submittedCodes: string[];
  seenEvents: { type: string; id: string; value: string; trusted: boolean }[];
  signedIn: boolean;
  /** data-value or id of every tile, link or button clicked. */
  clicks: string[];
}

export function fixtureState(target: Page | Frame): Promise<FixtureState> {
  return target.evaluate(() => {
    const w = window as unknown as FixtureState;
    return {
      rendered: w.rendered,
      boundCode: w.boundCode,
      submittedCodes: w.submittedCodes,
      seenEvents: w.seenEvents,
      signedIn: w.signedIn,
      clicks: w.clicks,
    };
  });
}

/** Values of every code input in the document (visible or not). */
export function codeFieldValues(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input[data-code-field], input[name="otc"]')].map((i) => i.value),
  );
}

async function waitUntilRendered(target: Page | Frame): Promise<void> {
  await waitFor('the fixture to render its form', async () => (await fixtureState(target)).rendered === true);
}

/** Opens `url` in a new tab and waits until the knockout-like late rendering has shown the form. */
export async function openSigninPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await waitUntilRendered(page);
  return page;
}

/** Reloads the page and waits for its form again. */
export async function reloadSigninPage(page: Page): Promise<void> {
  await page.reload();
  await waitUntilRendered(page);
}

/** The frame whose URL starts with `urlPrefix`, once it has rendered its form. */
export async function renderedFrame(page: Page, urlPrefix: string): Promise<Frame> {
  const frame = await waitFor(`a frame at ${urlPrefix}`, async () =>
    page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(urlPrefix)),
  );
  await waitUntilRendered(frame);
  return frame;
}

/** The code the page's own binding holds, once the extension has filled it. */
export async function filledCode(target: Page | Frame, timeoutMs = FILL_TIMEOUT_MS): Promise<string> {
  return waitFor(
    'the code to be filled',
    async () => {
      const { boundCode } = await fixtureState(target);
      return /^\d{6,8}$/.test(boundCode) ? boundCode : '';
    },
    timeoutMs,
  );
}

/** After the grace period: every code field empty, and not one input/change event seen. */
export async function expectNothingFilled(target: Page | Frame): Promise<void> {
  await sleep(NO_FILL_GRACE_MS);
  const values = await codeFieldValues(target);
  expect(values.length).toBeGreaterThan(0);
  expect(values.filter((v) => v !== '')).toEqual([]);
  expect((await fixtureState(target)).seenEvents).toEqual([]);
}

interface ExtensionPageGlobals {
  browser: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: {
      query(q: object): Promise<{ id?: number; url?: string }[]>;
      sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
    };
    action: { getBadgeText(d: { tabId: number }): Promise<string> };
  };
}

/** Sends a protocol request from an extension page, as the popup does (test setup). */
export function sendFromExtensionPage<T extends PageRequest>(page: Page, message: T): Promise<PageReplies[T['type']]> {
  return page.evaluate(
    (m) => (globalThis as unknown as ExtensionPageGlobals).browser.runtime.sendMessage(m),
    message,
  ) as Promise<PageReplies[T['type']]>;
}

/** The ids of the tabs whose URL matches `pattern`, asked of the extension (needs host access). */
export function tabIdsMatching(extensionPage: Page, pattern: string): Promise<number[]> {
  return extensionPage.evaluate(async (p) => {
    const tabs = await (globalThis as unknown as ExtensionPageGlobals).browser.tabs.query({ url: p });
    return tabs.map((t) => t.id ?? -1);
  }, pattern);
}

/** The ids of every tab, in no particular order; needs no permission. */
export function allTabIds(extensionPage: Page): Promise<number[]> {
  return extensionPage.evaluate(async () => {
    const tabs = await (globalThis as unknown as ExtensionPageGlobals).browser.tabs.query({});
    return tabs.map((t) => t.id ?? -1);
  });
}

/**
 * Waits until the extension has set a status for the tab that matches `expected` (the fields
 * given): proof that it looked at the page and decided, before a test checks what it did not do.
 */
export async function waitForTabStatus(
  extensionPage: Page,
  tabId: number,
  expected: Record<string, unknown>,
): Promise<void> {
  await waitFor(`the tab status ${JSON.stringify(expected)}`, async () => {
    const reply = (await sendFromExtensionPage(extensionPage, { type: 'tab:status', tabId })) as {
      status?: Record<string, unknown> | null;
    };
    const status = reply.status ?? {};
    return Object.entries(expected).every(([key, value]) => status[key] === value);
  });
}

export function badgeText(extensionPage: Page, tabId: number): Promise<string> {
  return extensionPage.evaluate(
    (id) => (globalThis as unknown as ExtensionPageGlobals).browser.action.getBadgeText({ tabId: id }),
    tabId,
  );
}

/**
 * What the extension's own isolated world holds in the tab's top frame, asked with
 * scripting.executeScript (the content scripts' sandbox, which the page cannot see): whether the
 * first stage ran there (WXT's unlisted script leaves a global named after its entry, `mfa`) and
 * whether the runner, the second stage, claimed the document (lib/content/runner-marker.ts).
 */
export function contentStages(
  extensionPage: Page,
  tabId: number,
  runnerMark: string,
): Promise<{ firstStage: boolean; runner: boolean }> {
  return extensionPage.evaluate(
    async ({ id, mark }) => {
      const { browser } = globalThis as unknown as {
        browser: {
          scripting: {
            executeScript(injection: {
              target: { tabId: number; frameIds: number[] };
              func: (mark: string) => unknown;
              args: [string];
            }): Promise<{ result?: unknown }[]>;
          };
        };
      };
      const [top] = await browser.scripting.executeScript({
        target: { tabId: id, frameIds: [0] },
        func: (m) => ({ firstStage: 'mfa' in globalThis, runner: (globalThis as Record<string, unknown>)[m] === true }),
        args: [mark],
      });
      return top?.result as { firstStage: boolean; runner: boolean };
    },
    { id: tabId, mark: runnerMark },
  );
}

/**
 * Whether the content script listens in the tab's top frame: a message it ignores still finds a
 * receiver, while a tab without the script rejects with "Receiving end does not exist".
 */
export function contentScriptListens(extensionPage: Page, tabId: number): Promise<boolean> {
  return extensionPage.evaluate(async (id) => {
    try {
      await (globalThis as unknown as ExtensionPageGlobals).browser.tabs.sendMessage(
        id,
        { type: 'test:probe' },
        { frameId: 0 },
      );
      return true;
    } catch (error) {
      if (/Receiving end does not exist/i.test(String(error))) return false;
      throw error;
    }
  }, tabId);
}
