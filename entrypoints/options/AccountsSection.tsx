import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EditAccount } from '@/components/EditAccount';
import { failureText } from '@/components/failure-text';
import { useAccounts } from '@/hooks/useAccounts';
import type { AccountView } from '@/lib/messages';
import { keepExisting, sortTable, type TableSort } from '@/lib/options/account-table';
import { filterAccounts } from '@/lib/popup/list-order';
import { formatNumber, t } from '@/utils/i18n';
import { send } from '@/utils/send';
import { AccountsTable } from './AccountsTable';
import { EncryptedBackup, PlainExport } from './ExportSection';

type Dialog = { kind: 'edit'; account: AccountView } | { kind: 'delete' } | { kind: 'export' } | null;

/**
 * Every account in a table: search, sort by a column, edit one, delete or export the selected
 * ones. What a QA lead with hundreds of accounts needs and a 380-px popup cannot give.
 */
export function AccountsSection() {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<TableSort>({ key: 'name', descending: false });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  // Import, edit, pin and delete from any page or window reach the table by the background's
  // notice that the vault was written (useAccounts): no reload after this page's own changes either.
  const { accounts, reload } = useAccounts(null, (reply) => setOutcome({ ok: false, message: failureText(reply) }));
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    if (accounts) setSelected((old) => keepExisting(old, accounts));
  }, [accounts]);

  const sorted = useMemo(() => sortTable(accounts ?? [], sort), [accounts, sort]);
  const shown = useMemo(() => filterAccounts(sorted, query), [sorted, query]);

  async function deleteSelected() {
    const reply = await send({ type: 'accounts:delete-many', ids: [...selected], confirmed: true });
    setDialog(null);
    setOutcome(
      reply.ok
        ? { ok: true, message: t('accountsDeleted', reply.deleted) }
        : { ok: false, message: failureText(reply) },
    );
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
            <AccountsTable
              shown={shown}
              selected={selected}
              onSelect={setSelected}
              sort={sort}
              onSort={setSort}
              onEdit={(account) => setDialog({ kind: 'edit', account })}
            />
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
            }}
          />
        </Modal>
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteSelected
          accounts={(accounts ?? []).filter((a) => selected.has(a.id))}
          onCancel={() => setDialog(null)}
          onConfirm={deleteSelected}
        />
      ) : null}
      {dialog?.kind === 'export' ? <ExportSelected ids={[...selected]} onClose={() => setDialog(null)} /> : null}
    </section>
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

/** "Delete the selected accounts (N)?", naming the first ten. */
function DeleteSelected({
  accounts,
  onCancel,
  onConfirm,
}: {
  accounts: readonly AccountView[];
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <Modal labelledBy="delete-selected-heading" describedBy="delete-selected-text" onClose={onCancel}>
      <div class="panel">
        <h3 id="delete-selected-heading">{t('deleteSelectedQuestion', formatNumber(accounts.length))}</h3>
        <p id="delete-selected-text">{t('deleteSelectedExplanation')}</p>
        <ul class="doomed">
          {accounts.slice(0, 10).map((a) => (
            <li key={a.id}>{a.name}</li>
          ))}
          {accounts.length > 10 ? <li>{t('andMore', formatNumber(accounts.length - 10))}</li> : null}
        </ul>
        <div class="actions">
          <button type="button" autoFocus onClick={onCancel}>
            {t('cancel')}
          </button>
          <button type="button" class="danger" onClick={onConfirm}>
            {t('deleteSelectedConfirm', formatNumber(accounts.length))}
          </button>
        </div>
      </div>
    </Modal>
  );
}

function ExportSelected({ ids, onClose }: { ids: string[]; onClose: () => void }) {
  return (
    <Modal labelledBy="export-selected-heading" onClose={onClose}>
      <div class="panel">
        <h3 id="export-selected-heading">{t('exportSelectedHeading', formatNumber(ids.length))}</h3>
        <EncryptedBackup ids={ids} idPrefix="selected-" />
        <PlainExport ids={ids} idPrefix="selected-" />
        <div class="actions">
          <button type="button" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
