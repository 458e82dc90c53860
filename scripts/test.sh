#!/usr/bin/env bash
# The whole test suite: types, lint, unit tests, all builds, manifest checks, web-ext lint, and
# end to end in Chromium (and Firefox ESR). Used by developers and by .ci/run alike.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== types and lint"
npx tsc --noEmit
npx biome check .

echo "== unit tests"
npx vitest run

echo "== build (Chrome MV3, Edge MV3, Firefox MV3) and check every manifest"
npm run build --silent
npx vitest run --config vitest.build.config.ts

echo "== web-ext lint (Firefox build)"
node scripts/lint-firefox.mjs

echo "== end to end: Chromium"
npx playwright test

echo "== end to end: Firefox ESR"
npx vitest run --config vitest.firefox.config.ts

echo "== QA automation helper against the fake sign-in service (Chromium)"
npx playwright test --config playwright.automation.config.ts
