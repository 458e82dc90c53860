/**
 * The options page's account table: which column sorts it, and in which direction. Pure, so the
 * order is tested without a page.
 */
import type { AccountView } from '../messages';

export type TableSortKey = 'name' | 'issuer' | 'lastUsed';

export interface TableSort {
  key: TableSortKey;
  descending: boolean;
}

const byText = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare;

export function sortTable(accounts: readonly AccountView[], sort: TableSort): AccountView[] {
  const direction = sort.descending ? -1 : 1;
  const compare = (a: AccountView, b: AccountView): number => {
    switch (sort.key) {
      case 'issuer':
        return byText(a.issuer, b.issuer) || byText(a.name, b.name);
      case 'lastUsed':
        return a.lastUsedAt - b.lastUsedAt || byText(a.name, b.name);
      default:
        return byText(a.name, b.name);
    }
  };
  return [...accounts].sort((a, b) => direction * compare(a, b));
}

/** A click on a column's header: that column ascending, or the other way round if it already sorts. */
export function nextSort(current: TableSort, key: TableSortKey): TableSort {
  if (current.key === key) return { key, descending: !current.descending };
  // Most recently used first is what "Last used" is for.
  return { key, descending: key === 'lastUsed' };
}

/** The selection after "select all shown" is toggled: adds or removes exactly the shown rows. */
export function toggleShown(selected: ReadonlySet<string>, shownIds: readonly string[], select: boolean): Set<string> {
  const next = new Set(selected);
  for (const id of shownIds) {
    if (select) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** Ids still selected that still exist (after a reload or a delete). */
export function keepExisting(selected: ReadonlySet<string>, accounts: readonly AccountView[]): Set<string> {
  const ids = new Set(accounts.map((a) => a.id));
  return new Set([...selected].filter((id) => ids.has(id)));
}
