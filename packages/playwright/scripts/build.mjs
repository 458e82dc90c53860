// Builds the package: the TypeScript compiled to ESM JavaScript with .d.ts types in dist/, the
// extension's functions it shares bundled into dist/extension-shared.js, and
// the repository's Chrome build (.output/chrome-mv3, made by `wxt build` first) copied into
// extension/. Run by the root `npm run build`.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const packageDir = here('..');
const built = here('../../../.output/chrome-mv3');

if (!existsSync(`${built}/manifest.json`)) {
  console.error(`No Chrome build at ${built}: run \`npx wxt build\` (the root \`npm run build\` does) first.`);
  process.exit(1);
}
rmSync(here('../dist'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: packageDir, stdio: 'inherit' });
// The extension's functions the helper shares (extension-shared.ts), bundled: lib/ is not part of the package.
const { build } = await import('esbuild');
await build({
  entryPoints: [here('../extension-shared.ts')],
  outfile: here('../dist/extension-shared.js'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
rmSync(here('../extension'), { recursive: true, force: true });
cpSync(built, here('../extension'), { recursive: true });
