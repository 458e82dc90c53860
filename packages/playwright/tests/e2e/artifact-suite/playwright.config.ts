import { defineConfig } from '@playwright/test';

/**
 * A QA suite with every artifact on (trace, screenshots, HAR from its fixtures), run by
 * ../artifacts.spec.ts, which then searches what it left behind for secrets.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.suite.ts',
  outputDir: process.env.ARTIFACT_SUITE_OUTPUT,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: `${process.env.ARTIFACT_SUITE_OUTPUT}/report.json` }]],
  use: { trace: 'on', screenshot: 'on', headless: true },
});
