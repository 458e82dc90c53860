/** Chromium with the built extension loaded, in a profile of its own. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, BrowserType, Worker } from '@playwright/test';

/** The Chrome extension shipped inside this package (the build copies .output/chrome-mv3 here). */
export const DEFAULT_EXTENSION_DIR = fileURLToPath(new URL('../extension', import.meta.url));

/** Playwright cannot download browsers on every machine: the system Chromium unless told otherwise. */
export function defaultChromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export type ContextOptions = Omit<
  NonNullable<Parameters<BrowserType['launchPersistentContext']>[1]>,
  'headless' | 'executablePath' | 'args' | 'env'
>;

/** Where the built extension is, when not given: for a build of your own. */
export const EXTENSION_DIR_VARIABLE = 'MFA_AUTOFILL_EXTENSION';

/** Variables the browser must not see: they hold the accounts and their passphrase. */
const SECRET_VARIABLE_PREFIX = 'MFA_';

export interface ExtensionLaunch {
  /** Default: $MFA_AUTOFILL_EXTENSION, else the extension inside this package. */
  extensionDir?: string;
  executablePath?: string;
  headless?: boolean;
  /** A profile to use (kept); default a fresh temporary one, deleted on close. */
  userDataDir?: string;
  /** More Chromium switches. */
  args?: string[];
  contextOptions?: ContextOptions;
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  /** The hosts the extension's content script runs on (from its manifest). */
  signinHosts: readonly string[];
  /** The extension's service worker as it is now (it can be restarted: ask again). */
  worker(): Worker | undefined;
  /** Closes the browser and deletes the temporary profile. */
  close(): Promise<void>;
}

/** The browser's environment: the helper's own, without MFA_* (accounts, passphrases). */
export function browserEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !name.toUpperCase().startsWith(SECRET_VARIABLE_PREFIX)) kept[name] = value;
  }
  return kept;
}

function contentScriptHosts(extensionDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { matches?: string[] }[];
  };
  const hosts = new Set<string>();
  for (const script of manifest.content_scripts ?? []) {
    for (const pattern of script.matches ?? []) {
      const host = /^https:\/\/([^/*]+)\//.exec(pattern)?.[1];
      if (host) hosts.add(host);
    }
  }
  return [...hosts];
}

export async function launchChromiumWithExtension(
  chromium: BrowserType,
  options: ExtensionLaunch = {},
): Promise<LaunchedExtension> {
  const extensionDir = resolve(options.extensionDir ?? (process.env[EXTENSION_DIR_VARIABLE] || DEFAULT_EXTENSION_DIR));
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`MFA Autofill: no built extension at ${extensionDir}.`);
  }
  const temporaryProfile = options.userDataDir === undefined;
  const profile = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'mfa-autofill-qa-'));
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Root in a container has no user namespace for the sandbox.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(options.args ?? []),
  ];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      ...options.contextOptions,
      executablePath: options.executablePath ?? defaultChromiumPath(),
      headless: options.headless ?? true,
      args,
      env: browserEnvironment(),
    });
  } catch (error) {
    if (temporaryProfile) rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    throw error;
  }
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const first = context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', isOurs));
  const extensionId = new URL(first.url()).host;
  const origin = `chrome-extension://${extensionId}/`;
  let closed = false;
  return {
    context,
    extensionId,
    signinHosts: contentScriptHosts(extensionDir),
    worker: () => context.serviceWorkers().find((w) => w.url().startsWith(origin)),
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      if (temporaryProfile) rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
