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

# The QA helper's fleet test (three Playwright processes on one Redis, 24 sign-ins) is bounded by
# TOTP periods too (about 2.5 minutes): it runs in the background alongside, and is reported at the end.
echo "== QA automation helper: the fleet on Redis (fleet.spec.ts): started in the background"
fleet_log="$(mktemp)"
npx playwright test --config packages/playwright/playwright.config.ts fleet.spec.ts >"$fleet_log" 2>&1 &
fleet_pid=$!
# A failure above ends this script early: do not leave the background runs behind it.
trap 'kill "$example_pid" "$fleet_pid" 2>/dev/null || true' EXIT

echo "== end to end: Firefox ESR"
npx vitest run --config tests/e2e-firefox/vitest.config.ts

echo "== QA automation helper against the fake sign-in service (Chromium)"
npx playwright test --config packages/playwright/playwright.config.ts --grep-invert "three machines"

echo "== QA automation helper: the fleet on Redis"
fleet_status=0
wait "$fleet_pid" || fleet_status=$?
cat "$fleet_log"
rm -f "$fleet_log"

echo "== examples/qa-suite"
example_status=0
wait "$example_pid" || example_status=$?
cat "$example_log"
rm -f "$example_log"
[ "$fleet_status" -eq 0 ] || exit "$fleet_status"
exit "$example_status"
