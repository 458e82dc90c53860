import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Raw and gzipped bytes of the JS each entry point loads, from a built extension directory. */
export function bundleSizes(extensionDir) {
  const js = filesUnder(extensionDir).filter((f) => f.endsWith('.js'));
  const measure = (files) =>
    files.reduce(
      (sum, f) => {
        const bytes = readFileSync(f);
        return { raw: sum.raw + bytes.length, gz: sum.gz + gzipSync(bytes, { level: 9 }).length };
      },
      { raw: 0, gz: 0 },
    );
  const scriptsOf = (html) => {
    const text = readFileSync(join(extensionDir, html), 'utf8');
    const refs = [...text.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
    return refs.map((r) => join(extensionDir, r));
  };
  const rel = (f) => relative(extensionDir, f);
  return [
    {
      what: 'content script (first stage, on every sign-in page)',
      ...measure(js.filter((f) => rel(f) === 'mfa.js')),
      target: '≤ 6 KB gz',
    },
    {
      what: 'content script runner (second stage, injected when a screen needs it)',
      ...measure(js.filter((f) => rel(f) === 'mfa-runner.js')),
      target: '',
    },
    { what: 'popup JS', ...measure(scriptsOf('popup.html')), target: '≤ 40 KB gz' },
    { what: 'options JS', ...measure(scriptsOf('options.html')), target: '' },
    { what: 'background', ...measure(js.filter((f) => rel(f) === 'background.js')), target: '' },
  ];
}
