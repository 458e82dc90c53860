import { useMemo, useState } from 'preact/hooks';
import type { AccountView } from '@/lib/messages';
import { groupCode } from './code-format';
import { t } from './i18n';

/** Pinned first, then most recently used, then by name. */
export function sortAccounts(accounts: readonly AccountView[]): AccountView[] {
  return [...accounts].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || b.lastUsedAt - a.lastUsedAt || a.name.localeCompare(b.name),
  );
}

export function filterAccounts(accounts: readonly AccountView[], query: string): AccountView[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...accounts];
  return accounts.filter((a) => a.name.toLowerCase().includes(q) || a.issuer.toLowerCase().includes(q));
}

/**
 * The code to show at `now`: the next one once the current has expired (until the list is
 * refreshed). Empty when that code has not arrived yet: never show an expired code.
 */
export function currentCode(account: AccountView, now: number): { code: string; secondsLeft: number } {
  const periodMs = account.period * 1000;
  if (now < account.validUntil)
    return { code: account.code, secondsLeft: Math.ceil((account.validUntil - now) / 1000) };
  return { code: account.nextCode, secondsLeft: Math.ceil((account.validUntil + periodMs - now) / 1000) };
}

interface ListProps {
  accounts: readonly AccountView[];
  now: number;
  onCopy: (account: AccountView, code: string) => void;
  onEdit: (account: AccountView) => void;
}

export function AccountList({ accounts, now, onCopy, onEdit }: ListProps) {
  if (accounts.length === 0) return <p class="empty">{t('noAccountsMatch')}</p>;
  return (
    <ul class="accounts" aria-label={t('accounts')}>
      {accounts.map((account) => (
        <AccountRow key={account.id} account={account} now={now} onCopy={onCopy} onEdit={onEdit} />
      ))}
    </ul>
  );
}

function AccountRow({ account, now, onCopy, onEdit }: { account: AccountView } & Omit<ListProps, 'accounts'>) {
  const { code, secondsLeft } = currentCode(account, now);
  const fraction = Math.max(0, Math.min(1, secondsLeft / account.period));
  const ending = secondsLeft <= 5;
  return (
    <li class={`account${account.pinned ? ' pinned' : ''}`}>
      <div class="who">
        <span class="name" title={account.name}>
          {account.pinned ? (
            <span class="pin-mark">
              <span aria-hidden="true">★ </span>
              <span class="sr-only">{t('pinned')} </span>
            </span>
          ) : null}
          {account.name}
        </span>
        {account.issuer ? <span class="issuer">{account.issuer}</span> : null}
      </div>
      <div class="code-wrap">
        <span class={`code${ending ? ' ending' : ''}`} data-code={code}>
          <span class="sr-only">{t('code')} </span>
          {code ? groupCode(code) : '…'}
        </span>
        <span
          class="timer"
          role="progressbar"
          aria-label={t('timeLeft')}
          aria-valuemin={0}
          aria-valuemax={account.period}
          aria-valuenow={secondsLeft}
          aria-valuetext={secondsLeft === 1 ? t('oneSecondLeft') : t('secondsLeft', secondsLeft)}
        >
          <span class="bar" style={{ width: `${Math.round(fraction * 100)}%` }} />
        </span>
        {ending && account.nextCode && code !== account.nextCode ? (
          <span class="next">{t('nextCode', groupCode(account.nextCode))}</span>
        ) : null}
      </div>
      <div class="row-actions">
        <button
          type="button"
          class="copy"
          aria-label={t('copyCodeFor', account.name)}
          disabled={code === ''}
          onClick={() => onCopy(account, code)}
        >
          {t('copy')}
        </button>
        <button
          type="button"
          class="icon"
          aria-label={t('editAccountNamed', account.name)}
          title={t('editAccountNamed', account.name)}
          onClick={() => onEdit(account)}
        >
          ✎
        </button>
      </div>
    </li>
  );
}

export function useSearch(accounts: readonly AccountView[]) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterAccounts(sortAccounts(accounts), query), [accounts, query]);
  return { query, setQuery, shown };
}
