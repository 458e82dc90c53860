import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import direction of issue #14.13: entry points → background → messages → formats →
 * accounts → totp/crypto (and the otpauth link, which the Add form reads too). A file may
 * import from its own layer or any layer below; an import pointing up is a back-edge. Files
 * outside these layers (signin, settings, vault, …) are not judged here.
 */
const ROOT = resolve(__dirname, '../..');
const LAYERS: readonly { name: string; owns: (path: string) => boolean }[] = [
  { name: 'totp/crypto', owns: (p) => ['lib/totp.ts', 'lib/crypto.ts', 'lib/otpauth-link.ts'].includes(p) },
  { name: 'accounts', owns: (p) => p === 'lib/accounts.ts' },
  { name: 'formats', owns: (p) => p.startsWith('lib/formats/') },
  { name: 'messages', owns: (p) => p === 'lib/messages.ts' },
  { name: 'background', owns: (p) => p.startsWith('lib/background/') },
  {
    name: 'entry points',
    owns: (p) => ['entrypoints/', 'components/', 'utils/', 'hooks/'].some((dir) => p.startsWith(dir)),
  },
];

function layerOf(path: string): number {
  return LAYERS.findIndex((layer) => layer.owns(path));
}

function sourcesUnder(dir: string): string[] {
  if (!existsSync(join(ROOT, dir))) return [];
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$|\.testing\.ts$/.test(name) ? [path] : [];
  });
}

/** Every module a file imports or re-exports, static or dynamic, resolved to a path in the repository. */
type ReadSource = (path: string) => string;
const readSource: ReadSource = (path) => readFileSync(join(ROOT, path), 'utf8');
type Exists = (path: string) => boolean;
const inRepository: Exists = (path) => existsSync(join(ROOT, path));

function importsOf(path: string, read: ReadSource = readSource, exists: Exists = inRepository): string[] {
  const text = read(path);
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
  ].map((m) => m[1] as string);
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith('@/')
      ? join(ROOT, specifier.slice(2))
      : specifier.startsWith('.')
        ? resolve(dirname(join(ROOT, path)), specifier)
        : null;
    if (!base) return [];
    const file = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base]
      .map((f) => relative(ROOT, f))
      .find((f) => exists(f));
    return file ? [file] : [];
  });
}

function backEdges(files: readonly string[], read: ReadSource = readSource): string[] {
  return files.flatMap((file) => {
    const from = layerOf(file);
    if (from < 0) return [];
    return importsOf(file, read)
      .filter((target) => layerOf(target) > from)
      .map((target) => `${file} (${LAYERS[from]?.name}) imports ${target} (${LAYERS[layerOf(target)]?.name})`);
  });
}

/**
 * Every import circle among `files`, each once, as its path from a file back to itself. Type-only
 * imports count: a circle of types still means neither module can be read without the other.
 */
function importCircles(
  files: readonly string[],
  read: ReadSource = readSource,
  exists: Exists = inRepository,
): string[] {
  const known = new Set(files);
  const edges = new Map(
    files.map((file) => [file, importsOf(file, read, exists).filter((target) => known.has(target))]),
  );
  const done = new Set<string>();
  const circles: string[] = [];
  const visit = (file: string, path: string[]) => {
    const open = path.indexOf(file);
    if (open >= 0) {
      circles.push([...path.slice(open), file].join(' → '));
      return;
    }
    if (done.has(file)) return;
    for (const target of edges.get(file) ?? []) visit(target, [...path, file]);
    done.add(file);
  };
  for (const file of files) visit(file, []);
  return circles;
}

/**
 * A call a component leaves to utils/: the extension APIs, the network, the clipboard and the
 * rest of `navigator`, new windows, the document's commands, object URLs, stored data.
 */
const BROWSER_CALL =
  /['"]wxt\/browser['"]|\b(?:browser|chrome)\.[a-z]|(?<![.\w])fetch\s*\(|\bnavigator\.|\bwindow\.open\b|\bexecCommand\s*\(|\bURL\.(?:createObjectURL|revokeObjectURL)\b|\bcreateImageBitmap\s*\(|\b(?:localStorage|sessionStorage|indexedDB)\b/;

/** The UI folder's files that reach the browser's APIs themselves instead of through utils/. */
function browserCallsInComponents(files: readonly string[], read: ReadSource = readSource): string[] {
  return files.filter((file) => file.startsWith('components/')).filter((file) => BROWSER_CALL.test(read(file)));
}

/** Files outside hooks/ that define a Preact hook (a function named `use…`). */
function hooksOutsideHooks(files: readonly string[], read: ReadSource = readSource): string[] {
  return files
    .filter((file) => !file.startsWith('hooks/'))
    .filter((file) => /\bfunction\s+use[A-Z]|\b(?:const|let|var)\s+use[A-Z]\w*\s*=/.test(read(file)));
}

const APP_FOLDERS = ['lib', 'components', 'utils', 'hooks', 'entrypoints'];
const appSources = () => APP_FOLDERS.flatMap(sourcesUnder);

describe('import direction', () => {
  it('no file imports from a layer above its own', () => {
    expect(backEdges(appSources())).toEqual([]);
  });

  it('no import circle, type-only imports included', () => {
    expect(importCircles(appSources())).toEqual([]);
  });

  it('sees an import circle, also one of type-only imports', () => {
    const fake: Record<string, string> = {
      'lib/a.ts': "import type { B } from './b';\n",
      'lib/b.ts': "import type { C } from '@/lib/c';\n",
      'lib/c.ts': "export type { A } from './a';\n",
      'lib/d.ts': "import { a } from './a';\n",
    };
    const read: ReadSource = (path) => fake[path] ?? '';
    const resolvable = (path: string) => path in fake;
    expect(importCircles(Object.keys(fake), read, resolvable)).toEqual(['lib/a.ts → lib/b.ts → lib/c.ts → lib/a.ts']);
  });

  it('components/ is UI only: browser APIs are reached through utils/', () => {
    expect(browserCallsInComponents(appSources())).toEqual([]);
  });

  it.each([
    "import { browser } from 'wxt/browser';",
    'const tab = await browser.tabs.query({});',
    'chrome.runtime.sendMessage(message);',
    'const image = await (await fetch(dataUrl)).blob();',
    'await navigator.clipboard.writeText(report);',
    "window.open(url, '_blank');",
    "document.execCommand('copy');",
    'const url = URL.createObjectURL(blob);',
    'const bitmap = await createImageBitmap(image);',
    "localStorage.setItem('query', query);",
  ])('sees a browser call in a component: %s', (line) => {
    const read: ReadSource = (path) => (path === 'components/Field.tsx' ? `${line}\n` : readSource(path));
    expect(browserCallsInComponents(['components/Field.tsx', 'utils/send.ts'], read)).toEqual(['components/Field.tsx']);
  });

  it('sees no browser call in a component that only names one', () => {
    const read: ReadSource = () => 'const prefetch = (query: string) => cache.fetch(query);\n';
    expect(browserCallsInComponents(['components/Field.tsx'], read)).toEqual([]);
  });

  it('hooks live in hooks/: no other folder defines a `use…` function', () => {
    expect(hooksOutsideHooks(appSources())).toEqual([]);
  });

  it.each([
    'export function useSearch(accounts: readonly AccountView[]) {',
    'function useNewPassphrase() {',
    'export const useClock = (everyMs = 1000) => {',
  ])('sees a hook defined outside hooks/: %s', (line) => {
    const read: ReadSource = (path) => `${line}\n${readSource(path)}`;
    expect(hooksOutsideHooks(['components/AccountList.tsx', 'hooks/useClock.ts'], read)).toEqual([
      'components/AccountList.tsx',
    ]);
  });

  it('each format keeps its reader and writer together: lib/import and lib/export are gone', () => {
    expect(existsSync(join(ROOT, 'lib/import'))).toBe(false);
    expect(existsSync(join(ROOT, 'lib/export'))).toBe(false);
  });

  it.each([
    ["import { parseOtpauthLink } from './formats/otpauth-lines';", 'lib/formats/otpauth-lines.ts'],
    ["export { x } from '@/lib/background/router';", 'lib/background/router.ts'],
    ["const m = await import('./messages');", 'lib/messages.ts'],
  ])('sees a back-edge in the account model: %s', (line, target) => {
    const read: ReadSource = (path) => (path === 'lib/accounts.ts' ? `${line}\n` : readSource(path));
    expect(backEdges(['lib/accounts.ts'], read)).toEqual([
      `lib/accounts.ts (accounts) imports ${target} (${LAYERS[layerOf(target)]?.name})`,
    ]);
  });

  it('reads static, re-exported and dynamic imports', () => {
    expect(importsOf('lib/formats/rows.ts')).toContain('lib/accounts.ts');
    expect(importsOf('utils/image-pixels.ts')).toContain('lib/formats/qr.ts');
  });
});
