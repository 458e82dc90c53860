// web-ext lint on the Firefox build: fails on any error, and on any warning not explained here
// (and in README.md, 'Firefox'). Run after `npm run build`.
import { execFileSync } from 'node:child_process';

/** Warnings we understand and accept, with the reason. */
const EXPLAINED = {
  // Preact's renderer contains the code path for `dangerouslySetInnerHTML`; we never use that
  // prop (tests/unit/no-html-injection.test.ts fails if anyone does), so no markup reaches innerHTML.
  UNSAFE_VAR_ASSIGNMENT: (w) => /^chunks\//.test(w.file ?? ''),
};

let report;
try {
  report = execFileSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--self-hosted=false', '--output', 'json'],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
} catch (error) {
  // web-ext exits non-zero when it finds errors; the JSON is still on stdout.
  report = error.stdout;
}
const { errors, warnings, summary } = JSON.parse(report);
const unexplained = warnings.filter((w) => !EXPLAINED[w.code]?.(w));
for (const e of errors) console.error(`web-ext lint error ${e.code} in ${e.file ?? 'manifest'}: ${e.message}`);
for (const w of unexplained) console.error(`web-ext lint warning ${w.code} in ${w.file ?? 'manifest'}: ${w.message}`);
console.log(
  `web-ext lint: ${summary.errors} errors, ${summary.warnings} warnings (${summary.warnings - unexplained.length} explained)`,
);
if (errors.length > 0 || unexplained.length > 0) process.exit(1);
