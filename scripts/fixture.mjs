// `npm run fixture -- screen-report.json [--name some-screen] [--out path.ts]`: writes a fixture
// template module (tests/fixtures/signin/reported/<name>.ts by default) from a screen report that
// someone copied from the popup or a QA run attached (README.md, 'When a sign-in stops: send a
// screen report').
// The report is checked and redacted again first (lib/signin/screen-report-check.ts): it comes
// from outside and must not put anything but structure into the repository.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
});
if (positionals.length !== 1) {
  console.error('Usage: npm run fixture -- screen-report.json [--name some-screen] [--out file.ts] [--force]');
  process.exit(2);
}
const input = resolve(positionals[0]);
let parsed;
try {
  parsed = JSON.parse(readFileSync(input, 'utf8'));
} catch (error) {
  console.error(`${input}: not a screen report (${error.message}). Copy it again with "Copy screen report".`);
  process.exit(1);
}
// TypeScript modules, loaded through Vite (a dev dependency already) so no other runner is needed.
const load = async (path) => (await runnerImport(join(root, path))).module;
const { checkedScreenReport } = await load('lib/signin/screen-report-check.ts');
const { fixtureModuleFromReport, reportHeading } = await load('tests/fixtures/signin/from-report.ts');
const report = checkedScreenReport(parsed);
if (!report) {
  console.error(`${input}: not a screen report of version 1 (no "version": 1 at its top).`);
  process.exit(1);
}

const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
const name =
  slug(values.name ?? reportHeading(report) ?? report.title ?? basename(input, '.json')) || 'reported-screen';
const out = resolve(values.out ?? join(root, 'tests/fixtures/signin/reported', `${name}.ts`));
if (existsSync(out) && !values.force) {
  console.error(`${out} exists: pass --force to replace it, or --name for another.`);
  process.exit(1);
}
let pageModule = relative(dirname(out), join(root, 'tests/fixtures/signin/page')).split('\\').join('/');
if (!pageModule.startsWith('.')) pageModule = `./${pageModule}`;
const about = `Reported screen "${reportHeading(report) ?? report.title ?? 'untitled'}"${report.status ? ` (${report.status.state}${report.status.reason ? ` ${report.status.reason}` : ''})` : ''}: say what it is and whether it may be filled.`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, fixtureModuleFromReport(report, { name, about, pageModule }));
// In the repository's own style, so the new file passes `npm run check` as written.
try {
  const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
  execFileSync(process.execPath, [biome, 'format', '--write', out], { cwd: root, stdio: 'ignore' });
} catch {
  // Outside the repository (or without its dev dependencies) the file is still valid TypeScript.
}
console.log(`Wrote ${relative(process.cwd(), out)}.
Next: add it to FIXTURES in tests/fixtures/signin/index.ts, say in its \`about\` what the page is,
serve it at ${report.url || 'its sign-in address'} in a test, and assert what the extension does there.`);
