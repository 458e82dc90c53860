/** Chromium with the built extension loaded, in a profile of its own (DESIGN.md, Testing). */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type LaunchOptions, type Worker } from '@playwright/test';

/** The Chromium build of this repository: `npx wxt build` makes it. */
export const DEFAULT_EXTENSION_DIR = fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url));

/** Playwright cannot download browsers on every machine: the system Chromium unless told otherwise. */
export function defaultChromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export type ContextOptions = Omit<
  NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>,
  'headless' | 'executablePath' | 'args'
>;

/** Where the built extension is, when not given: for CI that builds it elsewhere. */
export const EXTENSION_DIR_VARIABLE = 'MFA_AUTOFILL_EXTENSION';

export interface ExtensionLaunch {
  /** Default: $MFA_AUTOFILL_EXTENSION, else this repository's .output/chrome-mv3. */
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
  /** The extension's service worker as it is now (it can be restarted: ask again). */
  worker(): Worker | undefined;
  /** Closes the browser and deletes the temporary profile. */
  close(): Promise<void>;
}

export async function launchChromiumWithExtension(options: ExtensionLaunch = {}): Promise<LaunchedExtension> {
  const extensionDir = resolve(options.extensionDir ?? (process.env[EXTENSION_DIR_VARIABLE] || DEFAULT_EXTENSION_DIR));
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`MFA Autofill: no built extension at ${extensionDir}. Build it first: npx wxt build`);
  }
  const temporaryProfile = options.userDataDir === undefined;
  const profile = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'mfa-autofill-qa-'));
  const args: LaunchOptions['args'] = [
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
    });
  } catch (error) {
    if (temporaryProfile) rmSync(profile, { recursive: true, force: true });
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
    worker: () => context.serviceWorkers().find((w) => w.url().startsWith(origin)),
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      if (temporaryProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
