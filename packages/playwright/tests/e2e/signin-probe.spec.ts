/**
 * `mfa-autofill-signin`, the sign-in probe: one headless sign-in against the fake service (which
 * Chromium reaches through --host-resolver-rules, trusting its certificate's key with
 * --trust-certificate: certificate checks stay on), each step timed; a stop names its screen.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CodeLedger } from 'mfa-autofill-playwright';
import { type FakeSignin, startFakeSignin } from 'mfa-autofill-playwright/fake-signin';
import { randomSecret } from '../../../../tests/support/oathtool';

const USER = 'probe.user@contoso.onmicrosoft.com';
const APP = 'https://app.contoso.example/';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function probe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['packages/playwright/dist/bin/signin.js', ...args],
      { env: { ...process.env, ...env }, timeout: 90_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let dir: string;
let service: FakeSignin;
const password = randomBytes(12).toString('base64url');

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mfa-probe-'));
  const secret = randomSecret(32);
  service = await startFakeSignin({ users: [{ upn: USER, password, secret }] });
  writeFileSync(join(dir, 'fake-signin.pem'), service.certificate);
  writeFileSync(join(dir, 'accounts.txt'), `otpauth://totp/Contoso:${USER}?secret=${secret}&issuer=Microsoft\n`, {
    mode: 0o600,
  });
});
test.afterAll(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

function reachFakeService(): string[] {
  const rules = ['login.microsoftonline.com', 'app.contoso.example'].map((h) => `MAP ${h} 127.0.0.1:${service.port}`);
  return [
    `--browser-arg=--host-resolver-rules=${rules.join(', ')}`,
    '--trust-certificate',
    join(dir, 'fake-signin.pem'),
  ];
}

test('signs in through user name, password and MFA, timing each step (JSON)', async () => {
  const run = await probe(
    [
      '--accounts',
      join(dir, 'accounts.txt'),
      '--url',
      APP,
      '--user',
      USER,
      '--password-env',
      'PROBE_PASSWORD',
      '--json',
      ...reachFakeService(),
    ],
    { PROBE_PASSWORD: password },
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const result = JSON.parse(run.stdout) as { ok: boolean; steps: { step: string; ms: number }[] };
  expect(result.ok).toBe(true);
  expect(result.steps.map((s) => s.step)).toEqual([
    'app → user name page',
    'user name → password page',
    'password → MFA code filled',
    'MFA code → app',
  ]);
  for (const { ms } of result.steps) expect(ms).toBeGreaterThanOrEqual(0);
  expect(service.signIns.map((s) => s.upn)).toContain(USER);
  expect(run.stdout).not.toContain(password);
});

test('exits 1 naming the screen it stopped on: a wrong password', async () => {
  const run = await probe(
    [
      '--accounts',
      join(dir, 'accounts.txt'),
      '--url',
      APP,
      '--user',
      USER,
      '--password-env',
      'PROBE_PASSWORD',
      '--timeout',
      '4',
      ...reachFakeService(),
    ],
    { PROBE_PASSWORD: 'not-the-password' },
  );
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/✓ app → user name page +\d+ ms\n✓ user name → password page +\d+ ms\n/);
  expect(run.stderr).toContain(
    '✗ Stopped on "Enter password", page ConvergedSignIn, error: Your account or password is incorrect.',
  );
  expect(run.stderr).toContain('no MFA code filled within 4 s');
  expect(run.stderr).not.toContain('not-the-password');
});

test('takes the password only from the variable --password-env names, and lists its flags', async () => {
  const missing = await probe(['--accounts', 'a.txt', '--url', APP, '--user', USER, '--password-env', 'PROBE_UNSET']);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('The environment variable PROBE_UNSET (--password-env) is not set or empty.');
  const flag = await probe(['--password', 'x']);
  expect(flag.code).toBe(2);
  expect(flag.stderr).toContain("Unknown option '--password'");
  const help = await probe(['--help']);
  expect(help.code).toBe(0);
  for (const option of ['--accounts', '--url', '--user', '--password-env', '--json', '--timeout']) {
    expect(help.stdout).toContain(option);
  }
});

test('refuses to run with certificate errors ignored unless --allow-insecure-signin says so, and says why', async () => {
  const base = [
    '--accounts',
    join(dir, 'accounts.txt'),
    '--url',
    APP,
    '--user',
    USER,
    '--password-env',
    'PROBE_PASSWORD',
  ];
  for (const insecure of [['--ignore-https-errors'], ['--browser-arg=--ignore-certificate-errors']]) {
    const run = await probe([...base, ...insecure], { PROBE_PASSWORD: password });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `refusing to start the browser that carries the extension with certificate errors ignored (${insecure[0]!.replace('--browser-arg=', '')})`,
    );
    expect(run.stderr).toContain('set --allow-insecure-signin');
    expect(run.stdout).toBe('');
  }
});

test('waits for a TOTP period: a step that waited for the next code period says so, naming who held the code', async () => {
  test.setTimeout(120_000);
  // Another suite on this machine holds this period's code and the next one's (its claims in the
  // shared ledger): whenever the probe reaches the code page in the next 30 s or more, it waits.
  const ledgerDir = join(dir, 'probe-ledger');
  const ledger = new CodeLedger(ledgerDir);
  const counter = Math.floor(Date.now() / 30_000);
  expect(await ledger.claim(USER, counter, 'another suite (worker 3)')).toBe(true);
  expect(await ledger.claim(USER, counter + 1, 'another suite (worker 3)')).toBe(true);
  const run = await probe(
    [
      '--accounts',
      join(dir, 'accounts.txt'),
      '--url',
      APP,
      '--user',
      USER,
      '--password-env',
      'PROBE_PASSWORD',
      // Shorter than the wait: the step's time for the wait is added to it.
      '--timeout',
      '20',
      ...reachFakeService(),
    ],
    { PROBE_PASSWORD: password, MFA_AUTOFILL_LEDGER: ledgerDir },
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(
    new RegExp(
      `✓ password → MFA code filled +\\d+ ms \\(waited \\d+ s for the next code period \\(${USER.replace(/\./g, '\\.')} used in this period by another suite \\(worker 3\\)\\)\\)\n`,
    ),
  );
});
