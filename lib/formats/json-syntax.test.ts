import { describe, expect, it } from 'vitest';
import { parseImportWorded } from './english.testing';
import { locateJsonError } from './json-syntax';

describe('locating a JSON syntax error without quoting the text', () => {
  it.each([
    { text: '{"a": 1,}', line: 1, column: 9, problem: 'unexpected-character' },
    { text: '{\n  "a": 1\n  "b": 2\n}', line: 3, column: 3, problem: 'unexpected-character' },
    { text: '[1, 2', line: 1, column: 6, problem: 'unexpected-end' },
    { text: '{"a": "unterminated', line: 1, column: 20, problem: 'unexpected-end' },
    { text: '{"a": "bad \\x escape"}', line: 1, column: 13, problem: 'unexpected-character' },
    { text: '{"a": tru}', line: 1, column: 7, problem: 'unexpected-character' },
    { text: '{"a": 01}', line: 1, column: 8, problem: 'unexpected-character' },
    { text: '[1]\r\n[2]', line: 2, column: 1, problem: 'unexpected-character' },
    { text: '{"a":\r\n\r\n x}', line: 3, column: 2, problem: 'unexpected-character' },
    { text: '{"a": "line\nbreak"}', line: 1, column: 12, problem: 'unexpected-character' },
  ])('$text → line $line, column $column', ({ text, line, column, problem }) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toEqual({ line, column, problem });
  });

  it('agrees with JSON.parse on what is JSON, over random edits of a valid file (seeded)', () => {
    const base = JSON.stringify({ db: { entries: [{ name: 'a@b.c', info: { secret: 'JBSWY3DP', digits: 6 } }] } });
    const alphabet = '{}[]":,\\ 0123456789.-eEtrufalsn\n';
    let seed = 1234;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 3000; run++) {
      const chars = [...base];
      for (let edits = 1 + random(3); edits > 0; edits--) {
        const at = random(chars.length + 1);
        const kind = random(3);
        if (kind === 0) chars.splice(at, 1);
        else if (kind === 1) chars.splice(at, 0, alphabet[random(alphabet.length)] as string);
        else chars[at] = alphabet[random(alphabet.length)] as string;
      }
      const text = chars.join('');
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(locateJsonError(text) === null, text).toBe(valid);
    }
  });

  it('survives nesting deeper than any call stack', () => {
    expect(locateJsonError(`${'['.repeat(1_000_000)}x`)).toEqual({
      line: 1,
      column: 1_000_001,
      problem: 'unexpected-character',
    });
  });

  it('an import of broken JSON names the line and never repeats the file', async () => {
    const secret = 'KRUGS4ZANFZSAYJAONSWG4TFOQQQ';
    const text = `{\n  "db": {\n    "entries": [{ "info": { "secret": "${secret}" }, }]\n  }\n}`;
    const parse = await parseImportWorded(text);
    expect(parse.error).toBe(
      'Line 3: this file looks like JSON but is not valid JSON (column 73: a character that cannot be there).',
    );
    expect(parse.error).not.toContain(secret.slice(0, 6));
  });
});
