// `npm pack` ships dist/ and extension/, which are built, not committed: refuse a tarball without them.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const missing = ['../dist/index.js', '../dist/index.d.ts', '../extension/manifest.json'].filter(
  (path) => !existsSync(fileURLToPath(new URL(path, import.meta.url))),
);
if (missing.length > 0) {
  console.error(
    `mfa-autofill-playwright is not built (missing ${missing.join(', ')}): run \`npm run build\` at the repository root.`,
  );
  process.exit(1);
}
