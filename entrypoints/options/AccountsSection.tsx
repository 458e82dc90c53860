import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EditAccount } from '@/components/EditAccount';
import type { AccountView } from '@/lib/messages';
import {
  keepExisting,
  nextSort,
  sortTable,
  type TableSort,
  type TableSortKey,
  toggleShown,
} from '@/lib/options/account-table';
import { filterAccounts } from '@/lib/popup/list-order';
import { formatNumber, t, uiLanguage } from '@/utils/i18n';
import { send } from '@/utils/send';
import { EncryptedBackup, PlainExport } from './ExportSection';

type Dialog = { kind: 'edit'; account: AccountView } | { kind: 'delete' } | { kind: 'export' } | null;

/**
 * Every account in a table: search, sort by a column, edit one, delete or export the selected
 * ones. What a QA lead with hundreds of accounts needs and a 380-px popup cannot give.
 */
export function AccountsSection() {
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<TableSort>({ key: 'name', descending: false });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  async function load() {
    const reply = await send({ type: 'accounts:list', codesFor: 0 });
    if (reply.ok) {
      setAccounts(reply.accounts);
      setSelected((old) => keepExisting(old, reply.accounts));
    } else setOutcome({ ok: false, message: reply.error });
  }
  useEffect(() => {
    void load();
  }, []);

  const sorted = useMemo(() => sortTable(accounts ?? [], sort), [accounts, sort]);
  const shown = useMemo(() => filterAccounts(sorted, query), [sorted, query]);
  const shownIds = shown.map((a) => a.id);
  const allShownSelected = shown.length > 0 && shownIds.every((id) => selected.has(id));
  const someShownSelected = shownIds.some((id) => selected.has(id));

  async function deleteSelected() {
    const reply = await send({ type: 'accounts:delete-many', ids: [...selected], confirmed: true });
    setDialog(null);
    setOutcome(
      reply.ok ? { ok: true, message: t('accountsDeleted', reply.deleted) } : { ok: false, message: reply.error },
    );
    await load();
  }

  return (
    <section aria-labelledby="accounts-heading" class="accounts-table-section">
      <h2 id="accounts-heading">{t('accountsHeading')}</h2>
      {accounts === null ? null : (
        <>
          <div class="table-tools">
            <label class="search-field">
              <span>{t('searchAccounts')}</span>
              <input
                type="search"
                value={query}
                onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
              />
            </label>
            <p class="note" role="status">
              {t('accountsShownOfTotal', [formatNumber(shown.length), formatNumber(accounts.length)])}{' '}
              {t('accountsSelected', formatNumber(selected.size))}
            </p>
          </div>
          <div class="row selection-actions">
            <button
              type="button"
              class="danger"
              disabled={selected.size === 0}
              onClick={() => setDialog({ kind: 'delete' })}
            >
              {t('deleteSelected')}
            </button>
            <button type="button" disabled={selected.size === 0} onClick={() => setDialog({ kind: 'export' })}>
              {t('exportSelected')}
            </button>
          </div>
          {outcome ? (
            <p class={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
              {outcome.message}
            </p>
          ) : null}
          {accounts.length === 0 ? (
            <p>{t('noAccountsYet')}</p>
          ) : (
            <div class="table-scroll">
              <table class="accounts-table">
                <caption class="sr-only">{t('accountsHeading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label={t('selectAllShown')}
                        checked={allShownSelected}
                        indeterminate={someShownSelected && !allShownSelected}
                        onChange={(e) =>
                          setSelected(toggleShown(selected, shownIds, (e.currentTarget as HTMLInputElement).checked))
                        }
                      />
                    </th>
                    <SortableHeader column="name" sort={sort} onSort={setSort}>
                      {t('columnName')}
                    </SortableHeader>
                    <SortableHeader column="issuer" sort={sort} onSort={setSort}>
                      {t('issuer')}
                    </SortableHeader>
                    <th scope="col">{t('columnCodes')}</th>
                    <SortableHeader column="lastUsed" sort={sort} onSort={setSort}>
                      {t('columnLastUsed')}
                    </SortableHeader>
                    <th scope="col">
                      <span class="sr-only">{t('columnActions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((account) => (
                    <tr key={account.id} class={selected.has(account.id) ? 'selected' : undefined}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('selectAccountNamed', account.name)}
                          checked={selected.has(account.id)}
                          onChange={(e) => {
                            const next = new Set(selected);
                            if ((e.currentTarget as HTMLInputElement).checked) next.add(account.id);
                            else next.delete(account.id);
                            setSelected(next);
                          }}
                        />
                      </td>
                      <th scope="row" class="account-name">
                        <BreakableName name={account.name} />
                      </th>
                      <td>{account.issuer}</td>
                      <td>{t('codeSettings', [account.digits, account.period, account.algorithm])}</td>
                      <td>{lastUsed(account.lastUsedAt)}</td>
                      <td>
                        <button type="button" onClick={() => setDialog({ kind: 'edit', account })}>
                          <span aria-hidden="true">{t('edit')}</span>
                          <span class="sr-only">{t('editAccountNamed', account.name)}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {shown.length === 0 ? <p>{t('noAccountsMatch')}</p> : null}
            </div>
          )}
        </>
      )}
      {dialog?.kind === 'edit' ? (
        <Modal labelledBy="edit-heading" onClose={() => setDialog(null)}>
          <EditAccount
            account={dialog.account}
            onDone={(message) => {
              setDialog(null);
              if (message) setOutcome({ ok: true, message });
              void load();
            }}
          />
        </Modal>
      ) : null}
      {dialog?.kind === 'delete' ? (
        <Modal labelledBy="delete-selected-heading" describedBy="delete-selected-text" onClose={() => setDialog(null)}>
          <div class="panel">
            <h3 id="delete-selected-heading">{t('deleteSelectedQuestion', formatNumber(selected.size))}</h3>
            <p id="delete-selected-text">{t('deleteSelectedExplanation')}</p>
            <ul class="doomed">
              {(accounts ?? [])
                .filter((a) => selected.has(a.id))
                .slice(0, 10)
                .map((a) => (
                  <li key={a.id}>{a.name}</li>
                ))}
              {selected.size > 10 ? <li>{t('andMore', formatNumber(selected.size - 10))}</li> : null}
            </ul>
            <div class="actions">
              <button type="button" autoFocus onClick={() => setDialog(null)}>
                {t('cancel')}
              </button>
              <button type="button" class="danger" onClick={deleteSelected}>
                {t('deleteSelectedConfirm', formatNumber(selected.size))}
              </button>
            </div>
          </div>
        </Modal>
      ) : null}
      {dialog?.kind === 'export' ? (
        <Modal labelledBy="export-selected-heading" onClose={() => setDialog(null)}>
          <div class="panel">
            <h3 id="export-selected-heading">{t('exportSelectedHeading', formatNumber(selected.size))}</h3>
            <EncryptedBackup ids={[...selected]} idPrefix="selected-" />
            <PlainExport ids={[...selected]} idPrefix="selected-" />
            <div class="actions">
              <button type="button" onClick={() => setDialog(null)}>
                {t('close')}
              </button>
            </div>
          </div>
        </Modal>
      ) : null}
    </section>
  );
}

function SortableHeader({
  column,
  sort,
  onSort,
  children,
}: {
  column: TableSortKey;
  sort: TableSort;
  onSort: (sort: TableSort) => void;
  children: ComponentChildren;
}) {
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" class="sort" onClick={() => onSort(nextSort(sort, column))}>
        {children}
        <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

/**
 * A modal <dialog>: the browser keeps the focus inside, Escape closes it, and the page behind is
 * inert for screen readers too.
 */
function Modal({
  labelledBy,
  describedBy,
  onClose,
  children,
}: {
  labelledBy: string;
  describedBy?: string;
  onClose: () => void;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      class="modal"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClose={onClose}
      onCancel={onClose}
    >
      {children}
    </dialog>
  );
}

/** A sign-in name that wraps before its domain rather than in the middle of a word. */
function BreakableName({ name }: { name: string }) {
  const at = name.indexOf('@');
  if (at <= 0) return <>{name}</>;
  return (
    <>
      {name.slice(0, at)}
      <wbr />
      {name.slice(at)}
    </>
  );
}

const dateFormat = new Map<string, Intl.DateTimeFormat>();

function lastUsed(at: number): string {
  if (at === 0) return t('neverUsed');
  const language = uiLanguage();
  let format = dateFormat.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    dateFormat.set(language, format);
  }
  return format.format(at);
}
