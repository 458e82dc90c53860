/**
 * The browser does not inherit MFA_* variables (the accounts' path or text, a backup's
 * passphrase): read from /proc, the environment of every process of the helper's Chromium.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ACCOUNTS_FILE_VARIABLE, launchWithMfaAutofill } from 'mfa-autofill-playwright';

function processesWithArgument(argument: string): { pid: string; environment: string[] }[] {
  const found: { pid: string; environment: string[] }[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!args.includes(argument)) continue;
      found.push({ pid, environment: readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0') });
    } catch {
      // Gone between listing and reading, or not ours to read.
    }
  }
  return found;
}

test('Chromium is started without the MFA_* variables of the test process', async ({ playwright }) => {
  // Set by global-setup.ts, as CI would: the browser must not see it.
  expect(process.env[ACCOUNTS_FILE_VARIABLE]).toBeTruthy();
  process.env.MFA_ACCOUNTS_PASSPHRASE_CANARY = 'canary';
  const profile = mkdtempSync(join(tmpdir(), 'mfa-env-'));
  const mfa = await launchWithMfaAutofill({ playwright, userDataDir: profile });
  try {
    const browser = processesWithArgument(`--user-data-dir=${profile}`);
    expect(browser.length).toBeGreaterThan(0);
    for (const { environment } of browser) {
      expect(environment.some((v) => v.startsWith('PATH='))).toBe(true);
      expect(environment.filter((v) => v.toUpperCase().startsWith('MFA_'))).toEqual([]);
    }
  } finally {
    delete process.env.MFA_ACCOUNTS_PASSPHRASE_CANARY;
    await mfa.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
