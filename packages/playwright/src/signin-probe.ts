/**
 * A sign-in probe, what monitoring sensors do with TOTP accounts: from the app's address through
 * user name, password and MFA to the app, headless, timing each step; when it stops, it names the
 * screen it stopped on (title, $Config.pgid, heading, the page's error, an AADSTS code).
 */
import type { Page } from '@playwright/test';
import { printable } from './printable.js';
import type { MfaAutofill } from './session.js';
import { describeWait } from './waits.js';

export interface ProbeStep {
  step: string;
  ms: number;
  /** Time within it spent waiting (for the next code period), in words. */
  waited?: string;
}

export interface ProbeResult {
  ok: boolean;
  steps: ProbeStep[];
  totalMs: number;
  /** When not ok: the screen the sign-in stopped on, in words. */
  stoppedOn?: string;
  /** When not ok: why. */
  reason?: string;
}

export interface ProbeInput {
  url: string;
  user: string;
  password: string;
  /** Longest wait for each step. Default 30 s. */
  stepTimeoutMs?: number;
}

export interface Screen {
  kind: 'username' | 'password' | 'other';
  url: string;
  title: string;
  pgid: string | null;
  heading: string | null;
  error: string | null;
  aadsts: string | null;
}

/**
 * Runs in the page: which screen this is, from ids and names the real pages use
 * (docs/ARCHITECTURE.md, 'Microsoft sign-in pages').
 */
function readScreen(): Screen {
  const visible = (el: Element | null) => !!el && (el as HTMLElement).offsetParent !== null;
  const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() || null;
  const config = (window as unknown as { $Config?: { pgid?: string } }).$Config;
  const errorElement = Array.from(
    document.querySelectorAll('[role="alert"], .error, #usernameError, #passwordError'),
  ).find((el) => visible(el) && text(el));
  // biome-ignore lint/performance/useDomNodeTextContent: the text shown, not the page's script text.
  const body = document.body?.innerText ?? '';
  return {
    kind: visible(document.querySelector('input[name="passwd"]'))
      ? 'password'
      : visible(document.querySelector('input[name="loginfmt"]'))
        ? 'username'
        : 'other',
    url: location.href,
    title: document.title,
    pgid: typeof config?.pgid === 'string' ? config.pgid : null,
    heading: text(document.querySelector('[role="heading"], h1')),
    error: text(errorElement ?? null),
    aadsts: /AADSTS(\d{5,6})/.exec(body)?.[1] ?? null,
  };
}

async function screenOf(page: Page): Promise<Screen | null> {
  try {
    return await page.evaluate(readScreen);
  } catch {
    // Mid-navigation: ask again.
    return null;
  }
}

/** The screen in words, from the page's own text: printable() (a page may try to steer the terminal). */
export function describeScreen(screen: Screen | null): string {
  if (!screen) return 'a page that did not load';
  const url = new URL(screen.url);
  const parts = [
    screen.heading ? `"${printable(screen.heading)}"` : `"${printable(screen.title) || 'untitled page'}"`,
    screen.pgid && `page ${printable(screen.pgid)}`,
    screen.aadsts && `AADSTS${printable(screen.aadsts)}`,
    screen.error && `error: ${printable(screen.error)}`,
    printable(url.origin + url.pathname),
  ].filter(Boolean);
  return parts.join(', ');
}

/** How long the waits that began since `since` last (or are expected to last), in ms. */
function waitedSince(mfa: MfaAutofill, since: number): number {
  let total = 0;
  for (const wait of mfa.waits) {
    if (wait.since < since) continue;
    const end = wait.endedAt ?? wait.expectedUntil ?? wait.since;
    total += Math.max(0, end - wait.since);
  }
  return total;
}

class Stop extends Error {
  constructor(
    readonly reason: string,
    readonly screen: Screen | null,
  ) {
    super(reason);
  }
}

export async function probeSignin(mfa: MfaAutofill, input: ProbeInput): Promise<ProbeResult> {
  const stepTimeoutMs = input.stepTimeoutMs ?? 30_000;
  const appOrigin = new URL(input.url).origin;
  const page = await mfa.context.newPage();
  const steps: ProbeStep[] = [];
  const started = Date.now();
  let last = started;
  const mark = (step: string) => {
    const now = Date.now();
    const waits = mfa.waits.filter((w) => w.since >= last && w.since <= now);
    const waited = waits.map((w) => describeWait(w, now).replace(/^W/, 'w').replace(/\.$/, '')).join('; ');
    steps.push({ step, ms: now - last, ...(waited ? { waited } : {}) });
    last = now;
  };
  const until = async (what: string, done: (screen: Screen) => boolean): Promise<Screen> => {
    const started = Date.now();
    // A wait for the next code period is not the step being slow: its length is added.
    const deadline = () => started + stepTimeoutMs + waitedSince(mfa, started);
    let screen: Screen | null = null;
    while (Date.now() < deadline()) {
      const problem = mfa.problems()[0];
      if (problem) throw new Stop(problem.message, await screenOf(page));
      if (page.isClosed()) throw new Stop('the page was closed', screen);
      screen = (await screenOf(page)) ?? screen;
      if (screen && done(screen)) return screen;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Stop(`no ${what} within ${Math.round(stepTimeoutMs / 1000)} s`, (await screenOf(page)) ?? screen);
  };
  const atApp = (s: Screen) => new URL(s.url).origin === appOrigin;
  try {
    await page.goto(input.url).catch((error: Error) => {
      throw new Stop(`the app did not load: ${error.message.split('\n')[0]}`, null);
    });
    const first = await until('user name page', (s) => s.kind === 'username' || (atApp(s) && s.kind === 'other'));
    if (first.kind !== 'username') {
      mark('app (already signed in)');
      return { ok: true, steps, totalMs: Date.now() - started };
    }
    mark('app → user name page');
    await page.locator('input[name="loginfmt"]').fill(input.user);
    await page.locator('#idSIButton9').click();
    await until('password page', (s) => s.kind === 'password');
    mark('user name → password page');
    await page.locator('input[name="passwd"]').fill(input.password);
    await page.locator('#idSIButton9').click();
    const before = mfa.events.length;
    await until('MFA code filled', () => mfa.events.slice(before).some((e) => e.state === 'filled'));
    mark('password → MFA code filled');
    await until('app', atApp);
    mark('MFA code → app');
    return { ok: true, steps, totalMs: Date.now() - started };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return {
      ok: false,
      steps,
      totalMs: Date.now() - started,
      reason: error.reason,
      stoppedOn: describeScreen(error.screen),
    };
  }
}
