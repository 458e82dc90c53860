/**
 * The extension's own code that the helper runs too, bundled by scripts/build.mjs (esbuild) into
 * dist/extension-shared.js and imported as `#extension-shared` (package.json "imports"), so the
 * helper checks what it did not make with the very functions the extension uses, not a copy.
 * src/extension-shared.d.ts says what the helper uses of them.
 */
export { isSigninUrl } from '../../lib/signin/hosts';
export { checkedScreenReport } from '../../lib/signin/screen-report-check';
