/** `npm run launch` for manual QA sessions, run headless here (no display) and closed once ready. */
import { execFile } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { ACCOUNTS_FILE_VARIABLE } from 'mfa-autofill-playwright';
import { USERS } from './world';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function launch(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', 'launch', '--', ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

test('opens Chromium with the accounts imported and the vault unlocked', async () => {
  const file = process.env[ACCOUNTS_FILE_VARIABLE]!;
  const run = await launch(['--accounts', file, '--headless', '--exit-when-ready', '--never-submit', USERS.lynne]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Chromium is open with a fresh profile and 13 account(s) in an unlocked vault:');
  for (const user of [USERS.adele, USERS.isaiah, USERS.nestor, USERS.lynne, USERS.pradeep, USERS.grady]) {
    expect(run.stdout).toContain(`  ${user}\n`);
  }
  expect(run.stdout).toContain(`Submit after filling: on (off for ${USERS.lynne})`);
  expect(run.stdout).toContain('"Stay signed in?": No');
});

test('says what is wrong with the accounts file, and opens nothing', async () => {
  const run = await launch(['--accounts', '/nonexistent/accounts.txt', '--headless', '--exit-when-ready']);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('MFA Autofill: cannot read the accounts file /nonexistent/accounts.txt');
});

test('rejects an answer to "Stay signed in?" it does not know', async () => {
  const run = await launch(['--stay-signed-in', 'maybe']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('--stay-signed-in takes ask, yes or no, not "maybe".');
});
