/**
 * Redis unreachable at the start of a sharded run: with the package's globalSetup
 * (mfa-autofill-playwright/global-setup) the run stops at once, before any test, naming the host
 * and port and what to check, never the password: whether the Redis is named in the config's
 * mfaOptions or in MFA_AUTOFILL_REDIS_URL.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { freePort } from './redis-server';

const PASSWORD = 'never-printed-7c1e';

function runSuite(env: NodeJS.ProcessEnv): Promise<{ code: number; output: string; ms: number }> {
  const config = fileURLToPath(new URL('./unreachable-redis-suite/playwright.config.ts', import.meta.url));
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['playwright', 'test', '--config', config],
      { env: { ...process.env, ...env }, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          output: `${stdout}\n${stderr}`,
          ms: Date.now() - started,
        }),
    );
  });
}

for (const via of ['config', 'environment'] as const) {
  test(`Redis unreachable at the start (named in the ${via}): the run stops before any test, naming host:port and what to check, never the password`, async () => {
    test.setTimeout(120_000);
    const dir = mkdtempSync(join(tmpdir(), 'mfa-unreachable-'));
    try {
      const port = await freePort();
      const url = `redis://qa:${PASSWORD}@127.0.0.1:${port}`;
      const started = join(dir, 'started.txt');
      const run = await runSuite({
        UNREACHABLE_COORDINATION: via === 'config' ? url : '',
        MFA_AUTOFILL_REDIS_URL: via === 'environment' ? url : '',
        UNREACHABLE_STARTED: started,
        UNREACHABLE_OUTPUT: join(dir, 'results'),
      });
      expect(run.code, run.output).toBe(1);
      expect(run.output).toContain(
        `MFA Autofill: cannot reach Redis at 127.0.0.1:${port} (coordination, or MFA_AUTOFILL_REDIS_URL)`,
      );
      expect(run.output).toContain('Check that Redis runs there and that this machine can reach it');
      expect(run.output).not.toContain(PASSWORD);
      // Before any test: none started, none was even counted as run.
      expect(existsSync(started)).toBe(false);
      expect(run.output).not.toMatch(/\d+ (passed|failed)/);
      // At once: the connection's own timeout (3 s) plus starting Playwright, not 40 tests' worth of it.
      expect(run.ms).toBeLessThan(60_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
