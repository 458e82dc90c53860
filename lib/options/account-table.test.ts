import { describe, expect, it } from 'vitest';
import type { AccountView } from '../messages';
import { keepExisting, nextSort, sortTable, toggleShown } from './account-table';

const view = (id: string, name: string, issuer: string, lastUsedAt: number): AccountView => ({
  id,
  name,
  issuer,
  notes: '',
  digits: 6,
  period: 30,
  algorithm: 'SHA1',
  pinned: false,
  lastUsedAt,
  submitAfterFill: 'default',
  code: '',
  nextCode: '',
  validUntil: 0,
});

const accounts = [
  view('1', 'qa.user10@contoso.com', 'Contoso', 5),
  view('2', 'qa.user9@contoso.com', 'Contoso', 0),
  view('3', 'admin@fabrikam.com', 'Fabrikam', 9),
  view('4', 'Break.glass@fabrikam.com', '', 1),
];
const ids = (list: AccountView[]) => list.map((a) => a.id);

describe('sortTable', () => {
  it.each([
    [{ key: 'name', descending: false }, ['3', '4', '2', '1']],
    [{ key: 'name', descending: true }, ['1', '2', '4', '3']],
    [{ key: 'issuer', descending: false }, ['4', '2', '1', '3']],
    [{ key: 'lastUsed', descending: true }, ['3', '1', '4', '2']],
  ] as const)('%j → %j', (sort, expected) => {
    expect(ids(sortTable(accounts, sort))).toEqual(expected);
  });
});

describe('nextSort', () => {
  it('flips the direction of the sorting column, starts another ascending (last used: newest first)', () => {
    expect(nextSort({ key: 'name', descending: false }, 'name')).toEqual({ key: 'name', descending: true });
    expect(nextSort({ key: 'name', descending: true }, 'issuer')).toEqual({ key: 'issuer', descending: false });
    expect(nextSort({ key: 'name', descending: false }, 'lastUsed')).toEqual({ key: 'lastUsed', descending: true });
  });
});

describe('selection', () => {
  it('selects and unselects exactly the shown rows', () => {
    const selected = toggleShown(new Set(['9']), ['1', '2'], true);
    expect([...selected].sort()).toEqual(['1', '2', '9']);
    expect([...toggleShown(selected, ['2', '9'], false)]).toEqual(['1']);
  });

  it('forgets accounts that are gone', () => {
    expect([...keepExisting(new Set(['1', 'gone']), accounts)]).toEqual(['1']);
  });
});
