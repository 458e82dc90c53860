// The README's QA section shows examples/qa-suite file for file: each ```ts block whose first line
// is `// examples/qa-suite/<path>` must be that file exactly, so the suite scripts/test-example.sh
// runs is the one a reader copies. Exits 1 naming each block that differs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');
const blocks = [...readme.matchAll(/```ts\n(\/\/ (examples\/qa-suite\/[^\n]+)\n[\s\S]*?)```/g)];
const problems = [];
for (const [, text, path] of blocks) {
  let file;
  try {
    file = readFileSync(`${root}${path}`, 'utf8');
  } catch {
    problems.push(`${path}: shown in README.md, missing from the example`);
    continue;
  }
  if (file.trimEnd() !== text.trimEnd()) problems.push(`${path}: README.md shows other text than the file`);
}
const shown = new Set(blocks.map(([, , path]) => path));
for (const path of [
  'examples/qa-suite/global-setup.ts',
  'examples/qa-suite/tests/fixtures.ts',
  'examples/qa-suite/playwright.config.ts',
  'examples/qa-suite/tests/signin.spec.ts',
]) {
  if (!shown.has(path)) problems.push(`${path}: not shown in README.md`);
}
if (problems.length > 0) {
  console.error(`README.md and examples/qa-suite differ:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`README.md shows examples/qa-suite exactly (${blocks.length} files).`);
