import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/ARCHITECTURE.md, 'Messages and who may send them' lists every message and its sender; the
 * protocol (lib/protocol/) is where the messages are. This keeps the two the same, so a new
 * message cannot be added without saying who may send it.
 */
const ROOT = resolve(__dirname, '../..');
const PROTOCOL = 'lib/protocol';
const SECTION = 'Messages and who may send them';

/** Message types written as string literals, `'area:name'` (a validator's key, a `type`, a constant). */
function messageTypesIn(source: string): string[] {
  return [...source.matchAll(/['"]([a-z]+:[a-z]+(?:-[a-z]+)*)['"]/g)].map((m) => m[1] as string);
}

/** The message types a section's table names, written `` `area:name` ``. */
function messageTypesInTable(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no section '${heading}'`);
  const end = markdown.indexOf('\n## ', start + 1);
  const rows = markdown
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((line) => line.startsWith('|'));
  return rows.flatMap((row) => [...row.matchAll(/`([a-z]+:[a-z]+(?:-[a-z]+)*)`/g)].map((m) => m[1] as string));
}

function protocolTypes(): Set<string> {
  const files = readdirSync(join(ROOT, PROTOCOL)).filter((name) => name.endsWith('.ts') && !name.includes('.test.'));
  return new Set(files.flatMap((name) => messageTypesIn(readFileSync(join(ROOT, PROTOCOL, name), 'utf8'))));
}

describe(`docs/ARCHITECTURE.md's table of messages`, () => {
  const documented = new Set(messageTypesInTable(readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8'), SECTION));
  const sent = protocolTypes();

  it('finds the messages of every trust level in the protocol', () => {
    for (const type of [
      'vault:unlock',
      'content:code',
      'bg:fill-now',
      'offscreen:clear-clipboard',
      'tab:screen-report',
    ])
      expect(sent).toContain(type);
    expect(sent).toContain('notice:vault-written');
  });

  it('names every message of lib/protocol/', () => {
    expect([...sent].filter((type) => !documented.has(type))).toEqual([]);
  });

  it('names no message the protocol does not have', () => {
    expect([...documented].filter((type) => !sent.has(type))).toEqual([]);
  });

  it('reads types from literals and from table rows only', () => {
    const source = "'vault:state': shape({}),\n| { type: 'content:start-runner' };\n.startsWith('content:')";
    expect(messageTypesIn(source)).toEqual(['vault:state', 'content:start-runner']);
    const doc = '## A\n| `a:b` |\n## Messages\n`c:d` in prose\n| `e:f`, `g:h-i` | x |\n## B\n| `j:k` |\n';
    expect(messageTypesInTable(doc, 'Messages')).toEqual(['e:f', 'g:h-i']);
  });
});
