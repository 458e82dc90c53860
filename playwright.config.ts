import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';

// One Chromium per worker; each spec file keeps one browser for all its tests (the `extension`
// fixture of tests/e2e/fixtures.ts). Playwright's default is half the cores, one worker on a
// 2-core machine: but these tests mostly wait (on pages, the background, a TOTP period), so a
// worker per core keeps both busy. More than four only adds memory. E2E_WORKERS overrides.
const workers = Number(process.env.E2E_WORKERS) || Math.max(2, Math.min(4, availableParallelism()));

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'off' },
});
