import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { failureText } from '@/components/failure-text';
import type { AccountCodes, AccountView, PageReplies } from '@/lib/messages';
import { codesIn, currentCode, needsCodes } from '@/lib/popup/current-code';
import { failedWith } from '@/lib/problems';
import { send } from '@/utils/send';
import { useAccounts } from './useAccounts';

interface Options {
  /** What the popup opened with (main.tsx asked before rendering); null when it opened locked. */
  initialAccounts: AccountView[] | null;
  /** The first screenful with its codes, asked for after unlocking. */
  askFirstScreen: () => Promise<PageReplies['accounts:list']>;
  /** The clock (useClock): codes of the rows in view are renewed as it ticks. */
  now: number;
  /** The vault was locked meanwhile (auto-lock, or another page): the popup shows the unlock form. */
  onLocked: () => void;
}

/**
 * The popup's accounts and their codes. The list comes without codes (useAccounts, kept in step
 * with every write of the vault); codes are fetched for the rows in view only, when they are
 * missing, expired or about to need the next one, in one request per batch of rows.
 */
export function useAccountCodes({ initialAccounts, askFirstScreen, now, onLocked }: Options) {
  const [loadError, setLoadError] = useState<string | null>(null);
  const { accounts, setAccounts, reload } = useAccounts(initialAccounts, (reply) => {
    // Told by its code, whatever the language of the words.
    if (failedWith(reply, 'problemVaultLocked')) onLocked();
    else setLoadError(failureText(reply));
  });
  const [codes, setCodes] = useState<ReadonlyMap<string, AccountCodes>>(() => codesIn(initialAccounts ?? []));
  const rowsInView = useRef<readonly AccountView[]>([]);
  const codesAsked = useRef(new Set<string>());

  const mergeCodes = useCallback((fresh: readonly AccountCodes[]) => {
    if (fresh.length === 0) return;
    setCodes((old) => {
      const next = new Map(old);
      for (const c of fresh) next.set(c.id, c);
      return next;
    });
  }, []);

  /** Codes of `wanted` that are missing or about to need the next one, one request for all of them. */
  const fetchCodes = useCallback(
    async (wanted: readonly AccountView[], at: number) => {
      const ids = wanted
        .filter((a) => !codesAsked.current.has(a.id) && needsCodes(codes.get(a.id), at))
        .map((a) => a.id);
      if (ids.length === 0) return;
      for (const id of ids) codesAsked.current.add(id);
      const reply = await send({ type: 'accounts:codes', ids });
      for (const id of ids) codesAsked.current.delete(id);
      if (reply.ok) mergeCodes(reply.codes);
      else if (failedWith(reply, 'problemVaultLocked')) onLocked();
    },
    [codes, mergeCodes, onLocked],
  );

  useEffect(() => {
    void (async () => {
      // Just unlocked: the first screenful with its codes first, as when the popup opens unlocked.
      if (initialAccounts === null) {
        const first = await askFirstScreen();
        if (first.ok) {
          setAccounts((old) => old ?? first.accounts);
          mergeCodes([...codesIn(first.accounts).values()]);
        }
      }
      // Then the whole list, without codes: those come for the rows in view.
      await reload();
    })();
  }, []);

  useEffect(() => {
    void fetchCodes(rowsInView.current, now);
  }, [now, fetchCodes]);

  /** The list rendered these rows: their codes are fetched first. */
  const showRows = useCallback(
    (rows: readonly AccountView[]) => {
      rowsInView.current = rows;
      void fetchCodes(rows, Date.now());
    },
    [fetchCodes],
  );

  /** The code to copy for `account` now; asked for on the spot when its row's codes have not arrived. */
  async function codeToCopy(account: AccountView): Promise<string> {
    const { code } = currentCode(codes.get(account.id), account.period, Date.now());
    if (code) return code;
    // Typed and Enter pressed before the row's codes arrived: ask for this one now.
    const reply = await send({ type: 'accounts:codes', ids: [account.id] });
    const fresh = reply.ok ? reply.codes[0] : undefined;
    if (fresh) mergeCodes([fresh]);
    return currentCode(fresh, account.period, Date.now()).code;
  }

  return { accounts, loadError, reload, codes, showRows, rowsInView: () => rowsInView.current, codeToCopy };
}
