/**
 * The helper's trust boundary: the extension's browser never runs with certificate errors
 * ignored unless the suite says so by name; the code-lease endpoint and its token never reach a
 * trace; and reuseSignIn turns itself off where Playwright cannot keep its cookies out of traces.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type BrowserType, expect, test } from '@playwright/test';
import {
  InsecureSigninError,
  launchWithMfaAutofill,
  type MfaAutofillOptions,
  type PlaywrightLike,
} from 'mfa-autofill-playwright';
import { type FakeSignin, routeToFakeSignin, startFakeSignin } from 'mfa-autofill-playwright/fake-signin';
import { randomSecret } from '../../../../tests/support/oathtool';
import { withoutLateCodeWaits } from './late-code';
import { LeakScanner } from './leak-scan';

const APP = 'https://app.contoso.example/';
const REFUSAL = 'refusing to start the browser that carries the extension with certificate errors ignored';

let dir: string;
let service: FakeSignin;
let accounts: string;
const password = randomBytes(12).toString('base64url');
const users = ['trust.one@contoso.onmicrosoft.com', 'trust.two@contoso.onmicrosoft.com'];

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mfa-trust-'));
  const directory = users.map((upn) => ({ upn, password, secret: randomSecret(32) }));
  service = await startFakeSignin({ users: directory, keepSessions: true });
  accounts = join(dir, 'accounts.txt');
  const lines = directory.map((u) => `otpauth://totp/Contoso:${u.upn}?secret=${u.secret}&issuer=Microsoft`);
  writeFileSync(accounts, `${lines.join('\n')}\n`, { mode: 0o600 });
});
test.afterAll(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The suite's own Playwright, with each persistent context passed through `adapt` as it is made. */
function adapting(
  playwright: PlaywrightLike,
  adapt: (context: BrowserContext) => Promise<BrowserContext>,
): PlaywrightLike {
  const chromium = new Proxy(playwright.chromium, {
    get(target, property) {
      if (property === 'launchPersistentContext') {
        return async (...args: Parameters<BrowserType['launchPersistentContext']>) =>
          adapt(await target.launchPersistentContext(...args));
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { chromium };
}

async function signIn(context: BrowserContext, user: string): Promise<void> {
  await routeToFakeSignin(context, service);
  const page = await context.newPage();
  await page.goto(APP);
  await page.getByRole('textbox', { name: 'Enter your email, phone, or Skype.' }).fill(user);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByPlaceholder('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${APP}**`);
  await expect(page.getByRole('status')).toHaveText(`Signed in as ${user}`);
}

test.describe('certificate errors ignored', () => {
  const cases: [string, MfaAutofillOptions][] = [
    ['contextOptions.ignoreHTTPSErrors', { contextOptions: { ignoreHTTPSErrors: true } }],
    ['--ignore-certificate-errors', { args: ['--ignore-certificate-errors'] }],
    ['--ignore-https-errors', { args: ['--ignore-https-errors'] }],
  ];
  for (const [what, options] of cases) {
    test(`${what}: refused before a browser starts, saying why`, async ({ playwright }) => {
      let launched = false;
      const watched = adapting(playwright, async (context) => {
        launched = true;
        return context;
      });
      const launch = launchWithMfaAutofill({ playwright: watched, accounts: { file: accounts }, ...options });
      await expect(launch).rejects.toBeInstanceOf(InsecureSigninError);
      await expect(launch).rejects.toThrow(REFUSAL);
      await expect(launch).rejects.toThrow(/fake\s+sign-in page, have a code filled and submitted/);
      await expect(launch).rejects.toThrow('allowInsecureSignin: true');
      expect(launched).toBe(false);
    });
  }

  test('allowInsecureSignin: true starts it anyway; a key pinned with --ignore-certificate-errors-spki-list is no refusal', async ({
    playwright,
  }) => {
    const allowed = await launchWithMfaAutofill({
      playwright,
      accounts: { file: accounts },
      contextOptions: { ignoreHTTPSErrors: true },
      allowInsecureSignin: true,
    });
    expect(allowed.accounts).toEqual(users);
    await allowed.close();
    const pinned = await launchWithMfaAutofill({
      playwright,
      accounts: { file: accounts },
      args: [`--ignore-certificate-errors-spki-list=${randomBytes(32).toString('base64')}`],
    });
    expect(pinned.accounts).toEqual(users);
    await pinned.close();
  });

  test('a suite whose `use` ignores HTTPS errors fails at the fixture with the reason; allowInsecureSignin lets it run', async () => {
    const run = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        'npx',
        [
          'playwright',
          'test',
          '--config',
          fileURLToPath(new URL('./insecure-suite/playwright.config.ts', import.meta.url)),
        ],
        { env: { ...process.env, MFA_ACCOUNTS_FILE: accounts }, timeout: 90_000 },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
      );
    });
    expect(run.output).toContain('1 failed');
    expect(run.output).toContain('1 passed');
    expect(run.output).toContain(`${REFUSAL} (ignoreHTTPSErrors: true)`);
    expect(run.code).toBe(1);
  });
});

test('the code-lease token is in no trace of the setup or of a sign-in, and the endpoint only as the lease request', async ({
  playwright,
}) => {
  const tracePath = join(dir, 'trace.zip');
  const traced = adapting(playwright, async (context) => {
    await context.tracing.start({ snapshots: true, screenshots: true });
    return context;
  });
  const mfa = await launchWithMfaAutofill({ playwright: traced, accounts: { file: accounts } });
  try {
    await signIn(mfa.context, users[0]!);
    expect(mfa.leases.map((l) => [l.account, l.granted])).toEqual([[users[0], true]]);
    await mfa.context.tracing.stop({ path: tracePath });
    // Read only after the trace stopped: the endpoint the extension was given.
    const worker = mfa.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))!;
    const endpoint = await worker.evaluate(async () => {
      const chrome = (
        globalThis as unknown as {
          chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return (await chrome.storage.session.get('codeLease')).codeLease as { url: string; token: string };
    });
    expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/lease$/);
    const trace = readFileSync(tracePath);
    const scanner = new LeakScanner([{ label: 'lease token', value: endpoint.token }]);
    scanner.scanZip('trace.zip', trace);
    expect(scanner.findings).toEqual([]);
    // Playwright records the service worker's lease request itself (its network log), with no way to
    // leave one request out short of every service worker's: the address of a loopback port closed
    // with the session, and a proof valid for this one account and period (docs/SECURITY.md, 'What is not guaranteed').
    // The setup's calls (the trace's steps) hold no trace of the endpoint.
    const address = new LeakScanner([{ label: 'lease endpoint', value: new URL(endpoint.url).host }]);
    address.scanZip('trace.zip', trace);
    expect(new Set(address.findings.map((f) => f.where))).toEqual(new Set(['trace.zip!trace.network']));
    // The control: the setup and the sign-in are in this trace, and the same scan finds them.
    const control = new LeakScanner([
      { label: 'options page', value: `chrome-extension://${mfa.extensionId}/options.html` },
      { label: 'user name typed', value: users[0]! },
    ]);
    control.scanZip('trace.zip', trace);
    expect(new Set(control.findings.map((f) => f.secret))).toEqual(new Set(['options page', 'user name typed']));
  } finally {
    await mfa.close();
  }
});

test('without Playwright’s untraced calls, reuseSignIn turns itself off with a warning instead of tracing cookies', async ({
  playwright,
}) => {
  // A Playwright without the internal call the helper keeps cookies out of traces with.
  const withoutUntraced = adapting(
    playwright,
    async (context) =>
      new Proxy(context, {
        get(target, property) {
          if (property === '_wrapApiCall') return undefined;
          const value = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
  );
  const reuseSignIn = { dir: join(dir, 'sessions'), account: users[1] };
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  let mfa: Awaited<ReturnType<typeof launchWithMfaAutofill>>;
  try {
    mfa = await launchWithMfaAutofill({ playwright: withoutUntraced, accounts: { file: accounts }, reuseSignIn });
  } finally {
    console.warn = warn;
  }
  expect(warnings).toEqual([expect.stringContaining('reuseSignIn is off for this run')]);
  expect(warnings[0]).toContain('the kept sign-in cookies would be recorded in every trace');
  await signIn(mfa.context, users[1]!);
  await mfa.close();
  expect(withoutLateCodeWaits(mfa.events).map((e) => e.message)).toEqual([
    `Filled the code for ${users[1]} and submitted it.`,
  ]);
  // Signed in with MFA, and nothing kept (with untraced calls, this sign-in would have been kept).
  expect(existsSync(reuseSignIn.dir)).toBe(false);
});
