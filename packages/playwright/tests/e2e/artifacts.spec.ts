/**
 * Nothing secret in a suite's artifacts. Runs a suite (artifact-suite/) with tracing, screenshots
 * and HAR on, its accounts in an encrypted backup (with its passphrase in MFA_ACCOUNTS_PASSPHRASE)
 * and as otpauth:// text in a variable, one test failing on purpose; then searches every file it
 * left (trace zips unpacked, Base64 decoded), its JSON report with the attachments, and its
 * console output for every TOTP secret, the accounts' contents and the passphrase.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { DirectoryUser } from 'mfa-autofill-playwright/fake-signin';
import { createEncryptedBackup } from '../../../../lib/formats/backup';
import { randomSecret } from '../../../../tests/support/oathtool';
import { LeakScanner, type Secret } from './leak-scan';
import { DIRECTORY_VARIABLE, PASSWORD_VARIABLE } from './world';
import { storedZip } from './zip-entries';

const domain = '@fabrikam.onmicrosoft.com';
const users = {
  fromBackup: `megan.artifact${domain}`,
  fromText: `lee.artifact${domain}`,
  missing: `diego.artifact${domain}`,
};

function runSuite(env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      [
        'playwright',
        'test',
        '--config',
        fileURLToPath(new URL('./artifact-suite/playwright.config.ts', import.meta.url)),
      ],
      { env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

test('a suite with trace, HAR and screenshots on leaves no secret in any artifact or its output', async () => {
  test.setTimeout(150_000);
  const dir = mkdtempSync(join(tmpdir(), 'mfa-artifacts-'));
  const output = join(dir, 'results');
  try {
    const password = randomBytes(12).toString('base64url');
    const directory: DirectoryUser[] = Object.values(users).map((upn) => ({ upn, password, secret: randomSecret(32) }));
    const secretOf = (upn: string) => directory.find((u) => u.upn === upn)!.secret;
    const backupPassphrase = `backup-${randomBytes(9).toString('base64url')}`;
    const backup = await createEncryptedBackup(
      [
        {
          name: users.fromBackup,
          issuer: 'Fabrikam',
          secret: secretOf(users.fromBackup),
          digits: 6,
          period: 30,
          algorithm: 'SHA1',
          notes: '',
          pinned: false,
          submitAfterFill: 'default',
        },
      ],
      backupPassphrase,
    );
    if (!backup.ok) throw new Error(backup.problem.code);
    const accountsText = `otpauth://totp/Fabrikam:${users.fromText}?secret=${secretOf(users.fromText).toLowerCase()}&issuer=Microsoft\n`;
    writeFileSync(join(dir, 'directory.json'), JSON.stringify(directory), { mode: 0o600 });
    writeFileSync(join(dir, 'backup.json'), backup.value, { mode: 0o600 });

    const run = await runSuite({
      ...process.env,
      MFA_ACCOUNTS_FILE: join(dir, 'backup.json'),
      MFA_ACCOUNTS_PASSPHRASE: backupPassphrase,
      ARTIFACT_SUITE_ACCOUNTS_TEXT: accountsText,
      ARTIFACT_SUITE_USER: users.fromBackup,
      ARTIFACT_SUITE_MISSING_USER: users.missing,
      ARTIFACT_SUITE_OUTPUT: output,
      [DIRECTORY_VARIABLE]: join(dir, 'directory.json'),
      [PASSWORD_VARIABLE]: password,
    });
    expect(run.output).toContain('2 passed');
    expect(run.code).toBe(0);

    // The artifacts are there to be searched: a trace per test, the HAR, the report attached.
    const files = readdirSync(output, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('trace.zip'))).toHaveLength(2);
    const hars = files.filter((f) => f.endsWith('network.har'));
    expect(hars).toHaveLength(2);
    expect(readFileSync(join(output, hars[0]!), 'utf8')).toContain('https://login.microsoftonline.com/');
    const report = readFileSync(join(output, 'report.json'), 'utf8');
    expect(report).toContain('mfa-autofill-report');
    expect(report).toContain('mfa-autofill-problem-1');
    // The failed sign-in (an account not in the vault) carries its redacted screen report too.
    expect(report).toContain('"name": "screen-report.json"');
    expect(run.output).toContain(`Filled the code for ${users.fromBackup} and submitted it.`);

    const secrets: Secret[] = [
      ...directory.map((u) => ({ label: `TOTP secret of ${u.upn}`, value: u.secret, base32: true })),
      { label: 'backup passphrase', value: backupPassphrase },
      { label: 'otpauth:// accounts text', value: accountsText.trim() },
      { label: 'encrypted backup file', value: backup.value },
      {
        label: 'backup ciphertext',
        value: (JSON.parse(backup.value) as { contents: { data: string } }).contents.data,
      },
    ];
    const scanner = new LeakScanner(secrets);
    scanner.scanDirectory(output);
    scanner.scanBuffer('console output', Buffer.from(run.output));
    expect(scanner.scanned.some((f) => f.includes('trace.zip!') && f.endsWith('.trace'))).toBe(true);
    expect(scanner.findings).toEqual([]);

    // The control: the password the suite itself types with fill() is recorded (Playwright keeps
    // fill values in the trace, and the HAR has the form post), and this scan finds it there.
    const control = new LeakScanner([{ label: 'test password', value: password }]);
    control.scanDirectory(output);
    const where = new Set(control.findings.map((f) => f.where.replace(/^[^/]*\//, '')));
    expect(where).toContain('trace.zip!test.trace');
    expect(where).toContain('network.har');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the leak scan finds a secret hidden in Base64 inside a zip, so its silence above means something', () => {
  const secret = randomSecret(32);
  const text = `otpauth://totp/x?secret=${secret.toLowerCase()}`;
  const event = JSON.stringify({ params: { arg: Buffer.from(`ab${text}`).toString('base64') } });
  const scanner = new LeakScanner([{ label: 'secret', value: secret, base32: true }]);
  scanner.scanZip('trace.zip', storedZip({ 'trace.trace': Buffer.from(event), 'other.txt': Buffer.from('nothing') }));
  expect(scanner.findings).toEqual([
    { where: 'trace.zip!trace.trace (Base64-decoded)', secret: 'secret', form: 'lower case' },
  ]);
  expect(scanner.scanned).toEqual(['trace.zip!trace.trace', 'trace.zip!other.txt']);
});
