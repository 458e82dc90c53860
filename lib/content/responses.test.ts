import { describe, expect, it } from 'vitest';
import { isContentCommand, statusOf } from './responses';

describe('statusOf', () => {
  it.each<[unknown, string | null]>([
    [{ status: 'code', code: '123456' }, 'code'],
    [{ status: 'wait', retryInMs: 1000 }, 'wait'],
    [{ status: 'answer', answer: 'yes' }, 'answer'],
    // The router's refusal of a message it does not know.
    [{ ok: false, error: 'Refused: this sender may not ask that.' }, null],
    [{ status: 7 }, null],
    [undefined, null],
    [null, null],
    ['code', null],
  ])('%j → %s', (value, expected) => {
    expect(statusOf(value)).toBe(expected);
  });
});

describe('isContentCommand', () => {
  it.each<[unknown, boolean]>([
    [{ type: 'bg:vault-unlocked' }, true],
    [{ type: 'bg:fill-now' }, true],
    [{ type: 'content:code' }, false],
    [{ type: 'vault:unlock' }, false],
    ['bg:fill-now', false],
    [null, false],
    [undefined, false],
  ])('%j → %s', (value, expected) => {
    expect(isContentCommand(value)).toBe(expected);
  });
});
