import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Checks on the built extension (.output/*): run after `npm run build` by scripts/test.sh, as
// `npx vitest run --config tests/build/vitest.config.ts` from the repository root.
export default defineConfig({
  // Paths (the include below, .output in the tests) are the repository root's, as for `npm test`.
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['tests/build/**/*.test.ts'],
  },
});
