import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourcesUnder(path);
    return /\.(ts|tsx)$/.test(name) && !/\.(test|testing)\.tsx?$/.test(name) ? [path] : [];
  });
}

// Nothing read from a file or a page is ever rendered as HTML: no markup sinks in our code.
describe('no HTML injection sinks in extension code', () => {
  const files = ['entrypoints', 'components', 'lib'].flatMap(sourcesUnder);

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(['dangerouslySetInnerHTML', '.innerHTML', '.outerHTML', 'insertAdjacentHTML', 'document.write', 'eval('])(
    'no file uses %s',
    (sink) => {
      const offenders = files.filter((f) => readFileSync(f, 'utf8').includes(sink));
      expect(offenders).toEqual([]);
    },
  );
});
