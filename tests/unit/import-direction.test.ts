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
    owns: (p) => p.startsWith('entrypoints/') || p.startsWith('components/') || p.startsWith('hooks/'),
  },
];

function layerOf(path: string): number {
  return LAYERS.findIndex((layer) => layer.owns(path));
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$|\.testing\.ts$/.test(name) ? [path] : [];
  });
}

/** Every module a file imports or re-exports, static or dynamic, resolved to a path in the repository. */
type ReadSource = (path: string) => string;
const readSource: ReadSource = (path) => readFileSync(join(ROOT, path), 'utf8');

function importsOf(path: string, read: ReadSource = readSource): string[] {
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
    const file = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((f) => existsSync(f));
    return file ? [relative(ROOT, file)] : [];
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

describe('import direction', () => {
  it('no file imports from a layer above its own', () => {
    const files = [
      ...sourcesUnder('lib'),
      ...sourcesUnder('components'),
      ...sourcesUnder('entrypoints'),
      ...sourcesUnder('hooks'),
    ];
    expect(backEdges(files)).toEqual([]);
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
    expect(importsOf('components/image-pixels.ts')).toContain('lib/formats/qr.ts');
  });
});
