#!/usr/bin/env node
/**
 * `mfa-autofill-launch --accounts <file>` (in this repository `npm run launch -- --accounts <file>`): a Chromium window for a manual QA session, with a fresh
 * profile, MFA Autofill loaded, the accounts imported and the vault unlocked, so a tester only
 * clicks through sign-ins. What happens on each code prompt is printed here as it happens.
 * Closing the browser (or Ctrl+C here) ends the session and deletes the profile.
 */
import { parseArgs } from 'node:util';
import {
  ACCOUNTS_FILE_VARIABLE,
  ACCOUNTS_TEXT_VARIABLE,
  AccountsSourceError,
  defaultAccountsSource,
} from '../accounts-source.js';
import type { MfaEvent } from '../events.js';
import { InsecureSigninError } from '../insecure-signin.js';
import { launchWithMfaAutofill, type MfaAutofill } from '../session.js';
import { VaultSetupError } from '../vault-setup.js';
import { describeWait, type MfaWait } from '../waits.js';

const USAGE = `Usage: mfa-autofill-launch --accounts <file> [options]

Opens Chromium with a fresh profile and MFA Autofill set up: the accounts imported into a vault
with a random passphrase (kept nowhere), unlocked. Codes are filled and submitted on Microsoft
sign-in pages; each prompt's outcome is printed here.

  --accounts <file>          accounts to import: any file the extension's import reads (otpauth://
                             lines, Entra OATH token CSV, encrypted backup, Aegis or Authenticator
                             JSON, a QR code image). Default: $MFA_ACCOUNTS_FILE, else the text in
                             $MFA_ACCOUNTS. An encrypted backup's passphrase: $MFA_ACCOUNTS_PASSPHRASE.
  --url <address>            open this address first
  --no-submit                fill codes but leave "Verify" to you
  --never-submit <name>      leave "Verify" to you for this account only (repeatable)
  --stay-signed-in <answer>  answer "Stay signed in?" with ask (leave it to you), yes or no. Default no
  --remember-device          tick "Don't ask again for N days" on the code page. Default: leave it
  --extension <dir>          the built extension. Default: the one inside this package
  --headless                 no window (scripts; the tests of this command)
  --exit-when-ready          set everything up, print the summary, then close
  -h, --help                 this text`;

type KmsiAnswer = 'ask' | 'yes' | 'no';

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      accounts: { type: 'string' },
      url: { type: 'string' },
      'no-submit': { type: 'boolean', default: false },
      'never-submit': { type: 'string', multiple: true, default: [] },
      'stay-signed-in': { type: 'string', default: 'no' },
      'remember-device': { type: 'boolean', default: false },
      extension: { type: 'string' },
      headless: { type: 'boolean', default: false },
      'exit-when-ready': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const staySignedIn = values['stay-signed-in'];
  if (!['ask', 'yes', 'no'].includes(staySignedIn)) {
    throw new UsageError(`--stay-signed-in takes ask, yes or no, not "${staySignedIn}".`);
  }
  return { ...values, staySignedIn: staySignedIn as KmsiAnswer };
}

class UsageError extends Error {}

function time(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour12: false });
}

function printEvent(event: MfaEvent): void {
  const line = `[${time(event.at)}] ${event.problem ? '! ' : ''}${event.message}`;
  (event.problem ? console.error : console.log)(line);
}

function printWait(wait: MfaWait, longerByMs: number): void {
  // Said when it begins and when it ends; a longer wait (another period lost) is said again.
  if (wait.endedAt === null && longerByMs <= 0) return;
  const at = wait.endedAt ?? Date.now();
  console.log(`[${time(at)}] ${describeWait(wait, at)}`);
}

function printSummary(mfa: MfaAutofill, options: ReturnType<typeof parse>): void {
  const answer = { ask: 'left to you', yes: 'Yes', no: 'No' }[options.staySignedIn];
  console.log(
    [
      `MFA Autofill: Chromium is open with a fresh profile and ${mfa.accounts.length} account(s) in an unlocked vault:`,
      ...mfa.accounts.map((name) => `  ${name}`),
      `Submit after filling: ${options['no-submit'] ? 'off' : 'on'}${
        options['never-submit'].length ? ` (off for ${options['never-submit'].join(', ')})` : ''
      } · "Stay signed in?": ${answer} · "Don't ask again": ${options['remember-device'] ? 'ticked' : 'left unticked'}`,
      "The vault's passphrase is random and kept nowhere: if you lock the vault, run this command again.",
      'Close the browser, or press Ctrl+C here, to end the session (its profile is then deleted).',
    ].join('\n'),
  );
}

function hasDefaultAccounts(): boolean {
  try {
    defaultAccountsSource();
    return true;
  } catch {
    return false;
  }
}

async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (!options.headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('MFA Autofill: no display here for a browser window. Add --headless, or run under xvfb-run.');
    return 1;
  }
  if (!options.accounts && !hasDefaultAccounts()) {
    console.error(
      `MFA Autofill: no accounts to import. Name a file with --accounts <file> (otpauth:// lines, Entra OATH ` +
        `token CSV, encrypted backup, …), or set ${ACCOUNTS_FILE_VARIABLE} to its path or ${ACCOUNTS_TEXT_VARIABLE} to its text.`,
    );
    return 1;
  }
  const mfa = await launchWithMfaAutofill({
    accounts: options.accounts ? { file: options.accounts } : undefined,
    extensionDir: options.extension,
    headless: options.headless,
    submitAfterFill: !options['no-submit'],
    submitAfterFillFor: Object.fromEntries(options['never-submit'].map((name) => [name, 'never' as const])),
    staySignedIn: options.staySignedIn,
    rememberDevice: options['remember-device'],
    // A person is at the keyboard: report problems, never close their page.
    failFast: false,
    onEvent: printEvent,
    onWait: printWait,
    sessionLabel: `mfa-autofill-launch (process ${process.pid})`,
    contextOptions: { viewport: null },
  });
  const closed = new Promise<void>((resolve) => mfa.context.on('close', () => resolve()));
  const end = async () => {
    await mfa.close();
  };
  process.once('SIGINT', () => void end());
  process.once('SIGTERM', () => void end());

  const first = mfa.context.pages()[0] ?? (await mfa.context.newPage());
  if (options.url) await first.goto(options.url).catch((error: Error) => console.error(error.message));
  printSummary(mfa, options);
  if (options['exit-when-ready']) await end();
  await closed;
  await mfa.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known =
      error instanceof AccountsSourceError || error instanceof VaultSetupError || error instanceof InsecureSigninError;
    const message = error instanceof Error ? error.message : String(error);
    console.error(known ? message : error);
    process.exit(1);
  },
);
