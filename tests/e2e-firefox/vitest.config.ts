import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End to end in Firefox ESR through puppeteer-core over WebDriver BiDi (Playwright cannot drive
// stock Firefox). Needs the built extension (.output/firefox-mv3); run by scripts/test.sh, as
// `npx vitest run --config tests/e2e-firefox/vitest.config.ts` from the repository root.
export default defineConfig({
  // Paths (the include below, .output in the tests) are the repository root's, as for `npm test`.
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['tests/e2e-firefox/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // One Firefox at a time, and the HTTPS server holds port 443.
    fileParallelism: false,
  },
});
