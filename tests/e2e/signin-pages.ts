import type { BrowserContext, Page } from '@playwright/test';
import { fixtureHtml } from '../fixtures/signin';

export { FIXTURE_ACCOUNT, fixtureHtml } from '../fixtures/signin';

/**
 * Serves a fixture at a real URL through the browser's own request routing, so the content
 * script's real match patterns decide whether it runs (docs/ARCHITECTURE.md, 'Testing').
 */
export async function serveFixture(context: BrowserContext, url: string, name: string, account?: string) {
  const exact = new URL(url);
  await context.route(
    (candidate) =>
      candidate.host === exact.host && candidate.pathname === exact.pathname && candidate.protocol === exact.protocol,
    (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: fixtureHtml(name, account) }),
  );
}

/** Loads a page and waits until its knockout-like late rendering has shown the form. */
export async function openSigninPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { rendered?: boolean }).rendered === true);
  return page;
}

interface FixtureGlobals {
  boundCode: string;
  submittedCodes: string[];
  seenEvents: { type: string; id: string; value: string }[];
  rejectNext: number | boolean;
  clicks: string[];
  signedIn: boolean;
}

export function pageState(page: Page): Promise<FixtureGlobals> {
  return page.evaluate(() => {
    const w = window as unknown as FixtureGlobals;
    return {
      boundCode: w.boundCode,
      submittedCodes: w.submittedCodes,
      seenEvents: w.seenEvents,
      rejectNext: w.rejectNext,
      clicks: w.clicks,
      signedIn: w.signedIn,
    };
  });
}

/** Values of every code input on the page (visible or not). */
export function codeFieldValues(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>('input[data-code-field], input[name="otc"]')].map((i) => i.value),
  );
}

/** Long enough for a fill that would happen (observer + one message round trip take milliseconds). */
export const NO_FILL_GRACE_MS = 1_000;
