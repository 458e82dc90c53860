import { describe, expect, it } from 'vitest';
import type { AccountView } from '../messages';
import { filterAccounts, orderAsOpened } from './list-order';

const view = (name: string, lastUsedAt = 0, pinned = false, issuer = ''): AccountView => ({
  id: name,
  name,
  issuer,
  notes: '',
  digits: 6,
  period: 30,
  algorithm: 'SHA1',
  pinned,
  lastUsedAt,
  submitAfterFill: 'default',
  code: '',
  nextCode: '',
  validUntil: 0,
});

describe('orderAsOpened', () => {
  it('orders pinned, then most recently used, then by name', () => {
    const order = orderAsOpened([view('c'), view('b', 5), view('a'), view('d', 0, true)], new Map());
    expect(order.map((a) => a.name)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('keeps the order it first saw when an account is used while the popup is open', () => {
    const usedAtOpen = new Map<string, number>();
    orderAsOpened([view('a', 1), view('b', 2)], usedAtOpen);
    const later = orderAsOpened([view('a', 100), view('b', 2)], usedAtOpen);
    expect(later.map((a) => a.name)).toEqual(['b', 'a']);
    // The next opening starts with a fresh snapshot: most recently used first.
    expect(orderAsOpened([view('a', 100), view('b', 2)], new Map()).map((a) => a.name)).toEqual(['a', 'b']);
  });

  it('applies a pin at once', () => {
    const usedAtOpen = new Map<string, number>();
    orderAsOpened([view('a'), view('b')], usedAtOpen);
    expect(orderAsOpened([view('a'), view('b', 0, true)], usedAtOpen).map((a) => a.name)).toEqual(['b', 'a']);
  });
});

describe('filterAccounts', () => {
  it.each([
    ['', ['alex', 'megan']],
    ['MEG', ['megan']],
    ['fabrikam', ['megan']],
    ['  alex ', ['alex']],
    ['nobody', []],
  ])('query %j → %j', (query, names) => {
    const accounts = [view('alex', 0, false, 'Contoso'), view('megan', 0, false, 'Fabrikam')];
    expect(filterAccounts(accounts, query).map((a) => a.name)).toEqual(names);
  });
});
