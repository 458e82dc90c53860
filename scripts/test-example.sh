#!/usr/bin/env bash
# examples/qa-suite as a team would run it: packs mfa-autofill-playwright (built by `npm run
# build`), installs the tarball and the example's own @playwright/test into the example, runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
# The suite below is the one the README's QA section shows, file for file.
node scripts/check-readme-example.mjs
(cd packages/playwright && npm pack --silent --pack-destination ../../examples/qa-suite >/dev/null)
cd examples/qa-suite
mv -f mfa-autofill-playwright-*.tgz mfa-autofill-playwright.tgz
# A fresh copy of the package each time (npm keeps a file: tarball it has already installed).
rm -rf node_modules/mfa-autofill-playwright
npm install --no-audit --no-fund --no-package-lock --prefer-offline --loglevel=error
# The suite's own Playwright, and the package brought none of its own and no TypeScript sources.
node -e '
  const fs = require("node:fs");
  const version = require("@playwright/test/package.json").version;
  if (version !== require("./package.json").devDependencies["@playwright/test"]) throw new Error(`@playwright/test ${version}`);
  const own = "node_modules/mfa-autofill-playwright";
  if (fs.existsSync(`${own}/node_modules`)) throw new Error("the package installed dependencies of its own");
  const sources = fs.readdirSync(own, { recursive: true }).filter((f) => /\.ts$/.test(f) && !/\.d\.ts$/.test(f));
  if (sources.length > 0) throw new Error(`TypeScript sources shipped: ${sources.join(", ")}`);
  console.log(`examples/qa-suite: @playwright/test ${version}, mfa-autofill-playwright from the tarball`);
'
npx tsc --noEmit -p .
npx playwright test "$@"
