import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: [
      'lib/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'tests/unit/**/*.test.tsx',
      'packages/playwright/tests/unit/**/*.test.ts',
    ],
    testTimeout: 30_000,
    // One worker per core. Vitest's default in a run is one fewer than the cores, which on a
    // 2-core CI machine is a single worker: the unit suite took 113 s instead of 65.
    maxWorkers: '100%',
  },
});
