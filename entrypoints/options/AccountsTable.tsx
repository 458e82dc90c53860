import type { ComponentChildren } from 'preact';
import type { AccountView } from '@/lib/messages';
import { nextSort, type TableSort, type TableSortKey, toggleShown } from '@/lib/options/account-table';
import { t, uiLanguage } from '@/utils/i18n';

interface TableProps {
  /** The accounts the search and the sort leave, in order. */
  shown: readonly AccountView[];
  selected: ReadonlySet<string>;
  onSelect: (selected: Set<string>) => void;
  sort: TableSort;
  onSort: (sort: TableSort) => void;
  onEdit: (account: AccountView) => void;
}

/**
 * The options page's account table. It fits its box (docs/ARCHITECTURE.md, 'Extension pages'):
 * names break before their domain, dates between date and time; options.css keeps the rest on one
 * line.
 */
export function AccountsTable({ shown, selected, onSelect, sort, onSort, onEdit }: TableProps) {
  const shownIds = shown.map((a) => a.id);
  const allShownSelected = shown.length > 0 && shownIds.every((id) => selected.has(id));
  const someShownSelected = shownIds.some((id) => selected.has(id));
  return (
    <div class="table-scroll">
      <table class="accounts-table">
        <caption class="sr-only">{t('accountsHeading')}</caption>
        <thead>
          <tr>
            <th scope="col" class="one-line">
              <input
                type="checkbox"
                aria-label={t('selectAllShown')}
                checked={allShownSelected}
                indeterminate={someShownSelected && !allShownSelected}
                onChange={(e) =>
                  onSelect(toggleShown(selected, shownIds, (e.currentTarget as HTMLInputElement).checked))
                }
              />
            </th>
            <SortableHeader column="name" sort={sort} onSort={onSort}>
              {t('columnName')}
            </SortableHeader>
            <SortableHeader column="issuer" sort={sort} onSort={onSort}>
              {t('issuer')}
            </SortableHeader>
            <th scope="col" class="one-line">
              {t('columnCodes')}
            </th>
            <SortableHeader column="lastUsed" sort={sort} onSort={onSort}>
              {t('columnLastUsed')}
            </SortableHeader>
            <th scope="col" class="one-line">
              {t('columnActions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((account) => (
            <AccountRow
              key={account.id}
              account={account}
              selected={selected.has(account.id)}
              onSelected={(on) => {
                const next = new Set(selected);
                if (on) next.add(account.id);
                else next.delete(account.id);
                onSelect(next);
              }}
              onEdit={() => onEdit(account)}
            />
          ))}
        </tbody>
      </table>
      {shown.length === 0 ? <p>{t('noAccountsMatch')}</p> : null}
    </div>
  );
}

function AccountRow({
  account,
  selected,
  onSelected,
  onEdit,
}: {
  account: AccountView;
  selected: boolean;
  onSelected: (selected: boolean) => void;
  onEdit: () => void;
}) {
  return (
    <tr class={selected ? 'selected' : undefined}>
      <td>
        <input
          type="checkbox"
          aria-label={t('selectAccountNamed', account.name)}
          checked={selected}
          onChange={(e) => onSelected((e.currentTarget as HTMLInputElement).checked)}
        />
      </td>
      <th scope="row" class="account-name">
        {account.pinned ? (
          <>
            <span aria-hidden="true">★ </span>
            <span class="sr-only">{t('pinned')} </span>
          </>
        ) : null}
        <BreakableName name={account.name} />
      </th>
      <td>{account.issuer}</td>
      <td class="one-line">{t('codeSettings', [account.digits, account.period, account.algorithm])}</td>
      <td>
        <LastUsed at={account.lastUsedAt} />
      </td>
      <td class="one-line">
        <button type="button" onClick={onEdit}>
          <span aria-hidden="true">{t('edit')}</span>
          <span class="sr-only">{t('editAccountNamed', account.name)}</span>
        </button>
      </td>
    </tr>
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

const dateFormats = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

/** When the account's code was last used: the date and the time each on one line, the two apart if need be. */
function LastUsed({ at }: { at: number }) {
  if (at === 0) return <>{t('neverUsed')}</>;
  const language = uiLanguage();
  let format = dateFormats.get(language);
  if (!format) {
    format = {
      date: new Intl.DateTimeFormat(language, { dateStyle: 'medium' }),
      time: new Intl.DateTimeFormat(language, { timeStyle: 'short' }),
    };
    dateFormats.set(language, format);
  }
  return (
    <time dateTime={new Date(at).toISOString()}>
      <span>{format.date.format(at)}</span> <span>{format.time.format(at)}</span>
    </time>
  );
}
