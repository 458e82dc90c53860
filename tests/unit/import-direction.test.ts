import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import direction of docs/ARCHITECTURE.md, 'Import direction', as that section draws it.
 * Every source file belongs to one layer, and a layer has a rank: a file may import from its own
 * layer or from a layer of a lower rank, never from one of a higher rank or from a sibling of the
 * same rank (the background, the content script and the pages' own logic know nothing of each
 * other). The content script (its entry points, lib/content, lib/signin) besides imports nothing
 * from the background, the formats or the pages.
 */
const ROOT = resolve(__dirname, '../..');

const under =
  (...dirs: string[]) =>
  (p: string) =>
    dirs.some((dir) => p.startsWith(dir));
const oneOf =
  (...files: string[]) =>
  (p: string) =>
    files.includes(p);
/** The `lib/` root's files above the domain's base: the account model, the vault record. */
const ACCOUNT_FILES = ['lib/accounts.ts', 'lib/vault.ts', 'lib/host-permissions.ts'];

const LAYERS: readonly { name: string; rank: number; owns: (path: string) => boolean }[] = [
  {
    name: 'domain',
    rank: 0,
    owns: (p) => /^lib\/[^/]+\.ts$/.test(p) && !ACCOUNT_FILES.includes(p) && p !== 'lib/messages.ts',
  },
  { name: 'sign-in pages', rank: 0, owns: under('lib/signin/') },
  { name: 'accounts', rank: 1, owns: oneOf(...ACCOUNT_FILES) },
  { name: 'formats', rank: 2, owns: under('lib/formats/') },
  { name: 'messages', rank: 3, owns: (p) => p === 'lib/messages.ts' || p.startsWith('lib/protocol/') },
  { name: 'background', rank: 4, owns: under('lib/background/') },
  { name: 'content script', rank: 4, owns: under('lib/content/') },
  { name: "pages' logic", rank: 4, owns: under('lib/popup/', 'lib/options/') },
  { name: 'entry points', rank: 5, owns: under('entrypoints/', 'components/', 'utils/', 'hooks/') },
];

function layerOf(path: string): number {
  return LAYERS.findIndex((layer) => layer.owns(path));
}

/** Whether a file of layer `from` may import one of layer `to`. */
function mayImport(from: number, to: number): boolean {
  const [a, b] = [LAYERS[from], LAYERS[to]];
  return !a || !b || from === to || b.rank < a.rank;
}

/** The content script: the manifest's script, the runner the background injects, and their logic. */
const isContentScript = (p: string) => /^entrypoints\/mfa[^/]*\.ts$/.test(p) || under('lib/content/', 'lib/signin/')(p);
/** What the content script must never import: it runs on Microsoft's pages and stays small. */
const NOT_FOR_CONTENT_SCRIPT = under(
  'lib/background/',
  'lib/formats/',
  'lib/popup/',
  'lib/options/',
  'components/',
  'utils/',
  'hooks/',
);

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
      .filter((target) => !mayImport(from, layerOf(target)))
      .map((target) => `${file} (${LAYERS[from]?.name}) imports ${target} (${LAYERS[layerOf(target)]?.name})`);
  });
}

/** The content script's imports of what it must not import. */
function contentScriptLeaks(files: readonly string[], read: ReadSource = readSource): string[] {
  return files.filter(isContentScript).flatMap((file) =>
    importsOf(file, read)
      .filter(NOT_FOR_CONTENT_SCRIPT)
      .map((target) => `${file} imports ${target}`),
  );
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
  it('judges every source file: each belongs to a layer', () => {
    expect(appSources().filter((file) => layerOf(file) < 0)).toEqual([]);
    expect(LAYERS[layerOf('lib/problems.ts')]?.name).toBe('domain');
    expect(LAYERS[layerOf('lib/protocol/content.ts')]?.name).toBe('messages');
  });

  it('no file imports from a layer above its own, or from a sibling of the same rank', () => {
    expect(backEdges(appSources())).toEqual([]);
  });

  it('the content script imports nothing from the background, the formats or the pages', () => {
    expect(contentScriptLeaks(appSources())).toEqual([]);
  });

  it.each([
    ['entrypoints/mfa.ts', "import { routeMessage } from '@/lib/background/router';", 'lib/background/router.ts'],
    ['lib/content/flow.ts', "import type { ImportProblem } from '../formats/problems';", 'lib/formats/problems.ts'],
    ['lib/signin/hosts.ts', "import { send } from '@/utils/send';", 'utils/send.ts'],
  ])('sees the content script import what it must not: %s', (file, line, target) => {
    const read: ReadSource = (path) => (path === file ? `${line}\n` : readSource(path));
    expect(contentScriptLeaks([file], read)).toEqual([`${file} imports ${target}`]);
  });

  it.each([
    ['lib/totp.ts', "import type { RowIssue } from './formats/problems';", 'lib/formats/problems.ts'],
    ['lib/problems.ts', "import type { ImportProblem } from './formats/problems';", 'lib/formats/problems.ts'],
    ['lib/protocol/common.ts', "import { fail } from '../background/router';", 'lib/background/router.ts'],
    ['lib/content/flow.ts', "import { x } from '../background/sender';", 'lib/background/sender.ts'],
    ['lib/background/router.ts', "import { x } from '../popup/list-order';", 'lib/popup/list-order.ts'],
  ])('sees an upward or sideways import: %s', (file, line, target) => {
    const read: ReadSource = (path) => (path === file ? `${line}\n` : readSource(path));
    expect(backEdges([file], read)).toEqual([
      `${file} (${LAYERS[layerOf(file)]?.name}) imports ${target} (${LAYERS[layerOf(target)]?.name})`,
    ]);
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
