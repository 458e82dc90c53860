#!/usr/bin/env node
/**
 * `mfa-autofill-signin`: one headless sign-in through user name, password and MFA to an app,
 * each step timed; exits 1 naming the screen it stopped on. For monitoring and smoke tests.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AccountsSourceError } from '../accounts-source.js';
import { InsecureSigninError, insecureSettings, trustCertificateSwitch } from '../insecure-signin.js';
import { launchWithMfaAutofill } from '../session.js';
import { probeSignin } from '../signin-probe.js';
import { VaultSetupError } from '../vault-setup.js';

const USAGE = `Usage: mfa-autofill-signin --accounts <file> --url <app address> --user <upn> --password-env <VARIABLE> [options]

Signs in once, headless, with MFA Autofill filling the TOTP code: opens the app, types the user
name and the password, lets the extension complete MFA, and waits for the app. Prints each step's
duration; exits 1 naming the screen it stopped on, 2 on a usage error.

  --accounts <file>        accounts for the vault (otpauth:// lines, Entra OATH CSV, encrypted
                           backup, …; a backup's passphrase from $MFA_ACCOUNTS_PASSPHRASE)
  --url <address>          the app, which sends the browser to Microsoft's sign-in
  --user <upn>             the account to sign in
  --password-env <name>    the environment variable holding the password (never a flag's value)
  --json                   one JSON object instead of lines
  --timeout <seconds>      longest wait for each step. Default 30
  --browser-arg <switch>   a Chromium switch, e.g. --proxy-server=… (repeatable)
  --trust-certificate <file>
                           also trust this PEM certificate's key (a test server's own, such as the
                           fake sign-in service's); every other certificate is still checked
  --ignore-https-errors    accept any certificate: refused unless --allow-insecure-signin too
  --allow-insecure-signin  start even though certificate checks are off (a fake sign-in page could
                           then get codes and the password): for a test network you control only
  --extension <dir>        the built extension. Default: the one inside this package
  -h, --help               this text`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      accounts: { type: 'string' },
      url: { type: 'string' },
      user: { type: 'string' },
      'password-env': { type: 'string' },
      json: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '30' },
      'browser-arg': { type: 'string', multiple: true, default: [] },
      'trust-certificate': { type: 'string' },
      'ignore-https-errors': { type: 'boolean', default: false },
      'allow-insecure-signin': { type: 'boolean', default: false },
      extension: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return { ...values, password: '', timeoutMs: 0, browserArgs: [] };
  for (const flag of ['accounts', 'url', 'user', 'password-env'] as const) {
    if (!values[flag]) throw new UsageError(`--${flag} is required.`);
  }
  const password = process.env[values['password-env']!];
  if (!password)
    throw new UsageError(`The environment variable ${values['password-env']} (--password-env) is not set or empty.`);
  const timeout = Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new UsageError(`--timeout takes seconds, not "${values.timeout}".`);
  try {
    new URL(values.url!);
  } catch {
    throw new UsageError(`--url takes an address, not "${values.url}".`);
  }
  const browserArgs = [...values['browser-arg']];
  if (values['trust-certificate']) {
    try {
      browserArgs.push(trustCertificateSwitch(readFileSync(values['trust-certificate'])));
    } catch (error) {
      throw new UsageError(
        `--trust-certificate takes a PEM certificate file; ${values['trust-certificate']}: ${(error as Error).message}`,
      );
    }
  }
  const insecure = insecureSettings({ args: browserArgs });
  if (values['ignore-https-errors']) insecure.unshift('--ignore-https-errors');
  if (insecure.length > 0 && !values['allow-insecure-signin']) {
    throw new UsageError(new InsecureSigninError(insecure, '--allow-insecure-signin').message);
  }
  return { ...values, password, timeoutMs: timeout * 1000, browserArgs };
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
  const mfa = await launchWithMfaAutofill({
    accounts: { file: options.accounts! },
    extensionDir: options.extension,
    headless: true,
    args: options.browserArgs,
    contextOptions: { ignoreHTTPSErrors: options['ignore-https-errors'] },
    allowInsecureSignin: options['allow-insecure-signin'],
    // The probe reports the problem itself, naming the screen.
    failFast: false,
    sessionLabel: `mfa-autofill-signin (process ${process.pid})`,
  });
  try {
    const result = await probeSignin(mfa, {
      url: options.url!,
      user: options.user!,
      password: options.password,
      stepTimeoutMs: options.timeoutMs,
    });
    if (options.json) {
      console.log(JSON.stringify({ user: options.user, url: options.url, ...result }));
    } else {
      for (const { step, ms, waited } of result.steps) {
        console.log(`✓ ${step.padEnd(28)} ${String(ms).padStart(6)} ms${waited ? ` (${waited})` : ''}`);
      }
      if (result.ok) console.log(`Signed in as ${options.user} in ${result.totalMs} ms.`);
      else console.error(`✗ Stopped on ${result.stoppedOn}: ${result.reason}`);
    }
    return result.ok ? 0 : 1;
  } finally {
    await mfa.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known =
      error instanceof AccountsSourceError || error instanceof VaultSetupError || error instanceof InsecureSigninError;
    console.error(known ? (error as Error).message : error);
    process.exit(1);
  },
);
