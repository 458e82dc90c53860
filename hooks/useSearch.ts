import { useMemo, useRef, useState } from 'preact/hooks';
import type { AccountView } from '@/lib/messages';
import { filterAccounts, orderAsOpened, searchIndex } from '@/lib/popup/list-order';

/** The search box's query and the accounts it shows, in the order the popup opened with. */
export function useSearch(accounts: readonly AccountView[]) {
  const [query, setQuery] = useState('');
  const usedAtOpen = useRef(new Map<string, number>());
  const ordered = useMemo(() => orderAsOpened(accounts, usedAtOpen.current), [accounts]);
  const index = useMemo(() => searchIndex(ordered), [ordered]);
  const shown = useMemo(() => filterAccounts(ordered, query, index), [ordered, index, query]);
  return { query, setQuery, shown };
}
