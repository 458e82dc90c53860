#!/usr/bin/env bash
# The whole test suite: types, lint, unit tests, all builds, manifest checks, web-ext lint, and
# end to end in Chromium (and Firefox ESR). Used by developers and by .ci/run alike.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each stage's line says when it began (seconds since the start), so a slow stage shows in the log.
stage() { echo "== [${SECONDS}s] $*"; }

stage "types and lint"
npx tsc --noEmit
npx biome check .

stage "unit tests"
npx vitest run

stage "build (Chrome MV3, Edge MV3, Firefox MV3) and check every manifest"
npm run build --silent
npx vitest run --config tests/build/vitest.config.ts

stage "web-ext lint (Firefox build)"
node scripts/lint-firefox.mjs

stage "end to end: Chromium"
npx playwright test

# The example suite mostly waits on TOTP periods (8 sign-ins of 2 accounts need 4 periods): it
# runs in the background while the Firefox and helper suites run, and is reported at the end.
stage "examples/qa-suite (packed mfa-autofill-playwright, its own Playwright): started in the background"
example_log="$(mktemp)"
bash scripts/test-example.sh >"$example_log" 2>&1 &
example_pid=$!

# The QA helper's fleet test (three Playwright processes on one Redis, 24 sign-ins) is bounded by
# TOTP periods too (about 2.5 minutes): it runs in the background alongside, and is reported at the end.
stage "QA automation helper: the fleet on Redis (fleet.spec.ts): started in the background"
fleet_log="$(mktemp)"
npx playwright test --config packages/playwright/playwright.config.ts fleet.spec.ts >"$fleet_log" 2>&1 &
fleet_pid=$!
# The Firefox suite (one Firefox at a time, port 443) runs beside the helper's suite, whose
# browsers mostly wait for TOTP periods: it is reported at the end.
stage "end to end: Firefox ESR: started in the background"
firefox_log="$(mktemp)"
npx vitest run --config tests/e2e-firefox/vitest.config.ts >"$firefox_log" 2>&1 &
firefox_pid=$!
# A failure above ends this script early: do not leave the background runs behind it.
trap 'kill "$example_pid" "$fleet_pid" "$firefox_pid" 2>/dev/null || true' EXIT

stage "QA automation helper against the fake sign-in service (Chromium)"
npx playwright test --config packages/playwright/playwright.config.ts --grep-invert "three machines"

stage "end to end: Firefox ESR"
firefox_status=0
wait "$firefox_pid" || firefox_status=$?
cat "$firefox_log"
rm -f "$firefox_log"

stage "QA automation helper: the fleet on Redis"
fleet_status=0
wait "$fleet_pid" || fleet_status=$?
cat "$fleet_log"
rm -f "$fleet_log"

stage "examples/qa-suite"
example_status=0
wait "$example_pid" || example_status=$?
cat "$example_log"
rm -f "$example_log"
stage "done"
[ "$firefox_status" -eq 0 ] || exit "$firefox_status"
[ "$fleet_status" -eq 0 ] || exit "$fleet_status"
exit "$example_status"
