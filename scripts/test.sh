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
npx vitest run --config tests/build/vitest.config.ts

echo "== web-ext lint (Firefox build)"
node scripts/lint-firefox.mjs

echo "== end to end: Chromium"
npx playwright test

# The example suite mostly waits on TOTP periods (8 sign-ins of 2 accounts need 4 periods): it
# runs in the background while the Firefox and helper suites run, and is reported at the end.
echo "== examples/qa-suite (packed mfa-autofill-playwright, its own Playwright): started in the background"
example_log="$(mktemp)"
bash scripts/test-example.sh >"$example_log" 2>&1 &
example_pid=$!
# A failure above ends this script early: do not leave the example running behind it.
trap 'kill "$example_pid" 2>/dev/null || true' EXIT

echo "== end to end: Firefox ESR"
npx vitest run --config tests/e2e-firefox/vitest.config.ts

echo "== QA automation helper against the fake sign-in service (Chromium)"
npx playwright test --config packages/playwright/playwright.config.ts

echo "== examples/qa-suite"
example_status=0
wait "$example_pid" || example_status=$?
cat "$example_log"
rm -f "$example_log"
exit "$example_status"
