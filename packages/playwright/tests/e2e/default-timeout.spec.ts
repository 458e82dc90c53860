/**
 * Timeouts that fit TOTP: a suite on Playwright's default 30 s timeout, four sign-ins of one
 * account on two workers (each after the first waits for a code period, some more than one), all
 * pass, because the helper adds each wait to its test's timeout; the waits are in their reports.
 * A wrong secret key ends in the helper's message, not in a bare timeout.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

test('waits for TOTP periods: a suite on the default timeout passes 4 sign-ins of one account on 2 workers; a wrong secret says so', async () => {
  test.setTimeout(300_000);
  const run = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      'npx',
      [
        'playwright',
        'test',
        '--config',
        fileURLToPath(new URL('./default-timeout-suite/playwright.config.ts', import.meta.url)),
      ],
      { env: process.env, timeout: 280_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
  expect(run.output).toContain('4 passed');
  expect(run.output).toContain('1 failed');
  expect(run.output).toMatch(
    /The page refused the code for wrong\.secret@contoso\.onmicrosoft\.com again, after a retry with the next period's code: the secret key in the vault for wrong\.secret@contoso\.onmicrosoft\.com is probably wrong/,
  );
  expect(run.output).not.toContain('Test timeout of');
  expect(run.output).toContain('Fake Microsoft: 0 codes of patient.user@contoso.onmicrosoft.com refused.');
  // The waits are said, with who held the account's code.
  expect(run.output).toMatch(
    /Waited \d+ s for the next code period \(patient\.user@contoso\.onmicrosoft\.com used in this period by worker [01]: "sign-in \d of one account"\)\./,
  );
  expect(run.code).toBe(1);
});
