import { defineConfig } from 'vitest/config';

// Checks on the built extension (.output/*): run after `npm run build` by scripts/test.sh.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/build/**/*.test.ts'],
  },
});
