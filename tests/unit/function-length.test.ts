/**
 * A function does one thing and fits on a screen (docs/ARCHITECTURE.md, 'Functions over 100
 * lines'): every function outside tests, benches and scripts that runs over 100 lines must be
 * named in that section's table with the reason it stays long, so a new one cannot slip in unseen.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LIMIT = 100;
const NOT_PRODUCT = /(\.test\.|\.testing\.|^tests\/|\/tests\/|^bench\/|^scripts\/|^examples\/|\.d\.ts$)/;

interface LongFunction {
  name: string;
  file: string;
  lines: number;
}

function functionName(node: ts.Node): string {
  const named = (node as { name?: ts.Node }).name;
  if (named) return named.getText();
  if (ts.isVariableDeclaration(node.parent)) return node.parent.name.getText();
  if (ts.isPropertyAssignment(node.parent)) return node.parent.name.getText();
  return '(anonymous)';
}

function longFunctions(path: string, text: string, limit = LIMIT): LongFunction[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && (node as { body?: ts.Node }).body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (last - first + 1 > limit) found.push({ name: functionName(node), file: path, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function productFiles(): string[] {
  return execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.mjs'], { encoding: 'utf8' })
    .split('\n')
    .filter((path) => path !== '' && !NOT_PRODUCT.test(path));
}

function namedInArchitecture(): string {
  const doc = readFileSync('docs/ARCHITECTURE.md', 'utf8');
  const start = doc.indexOf('### Functions over 100 lines');
  expect(start).toBeGreaterThan(-1);
  const next = doc.indexOf('\n#', start + 1);
  return doc.slice(start, next === -1 ? undefined : next);
}

describe('function length', () => {
  it('finds a long function, and not a short one', () => {
    const body = Array.from({ length: 120 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    expect(longFunctions('a.ts', `export function big() {\n${body}\n}\nconst small = () => 1;`)).toEqual([
      { name: 'big', file: 'a.ts', lines: 122 },
    ]);
    expect(longFunctions('b.ts', 'const small = () => {\n  return 1;\n};')).toEqual([]);
  });

  it('every function over 100 lines is named, with its reason, in docs/ARCHITECTURE.md', () => {
    const section = namedInArchitecture();
    const unnamed = productFiles()
      .flatMap((path) => longFunctions(path, readFileSync(path, 'utf8')))
      .filter((long) => !section.includes(`\`${long.name}\``) || !section.includes(long.file))
      .map((long) => `${long.file}: ${long.name} (${long.lines} lines)`);
    expect(unnamed).toEqual([]);
  });
});
