import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccountForm } from '@/components/AccountForm';
import { AccountList, currentCode, useSearch } from '@/components/AccountList';
import { tabThePopupActsOn } from '@/components/active-tab';
import { EditAccount } from '@/components/EditAccount';
import { failureText } from '@/components/failure-text';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { t } from '@/components/i18n';
import { KeyboardShortcuts } from '@/components/KeyboardShortcuts';
import { CreateVaultForm, UnlockForm } from '@/components/PassphraseForms';
import { ScanQrButton } from '@/components/ScanQrButton';
import { send } from '@/components/send';
import { TabStatusLine } from '@/components/TabStatusLine';
import { type AccountView, NEXT_CODE_WINDOW_MS, type TabStatus, type VaultState } from '@/lib/messages';
import { failedWith } from '@/lib/problems';

type View = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; account: AccountView };

export function App() {
  const [state, setState] = useState<VaultState | 'loading'>('loading');
  const [error, setError] = useState<string | null>(null);

  const [initialAccounts, setInitialAccounts] = useState<AccountView[] | null>(null);

  useEffect(() => {
    void (async () => {
      // Most opens find the vault unlocked: ask for the list first, so codes arrive in one round trip.
      const list = await send({ type: 'accounts:list' });
      if (list.ok) {
        setInitialAccounts(list.accounts);
        setState('unlocked');
        return;
      }
      const reply = await send({ type: 'vault:state' });
      if (reply.ok) setState(reply.state);
      else setError(failureText(reply));
    })();
  }, []);

  if (error) {
    return (
      <main>
        <p class="error panel" role="alert">
          {error}
        </p>
      </main>
    );
  }
  switch (state) {
    case 'loading':
      return null;
    case 'none':
      return (
        <main>
          <Brand />
          <CreateVaultForm onCreated={() => setState('unlocked')} />
        </main>
      );
    case 'locked':
      return (
        <main>
          <Brand />
          <HostAccessNotice />
          <CurrentTabStatus />
          <UnlockForm onUnlocked={() => setState('unlocked')} />
        </main>
      );
    case 'unlocked':
      return (
        <main>
          <Unlocked
            initialAccounts={initialAccounts}
            onLocked={() => {
              setInitialAccounts(null);
              setState('locked');
            }}
          />
        </main>
      );
  }
}

/** A padlock, drawn in the text colour; the button around it carries the name. */
function LockIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="2.5" y="7" width="11" height="7.5" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="1.6" />
    </svg>
  );
}

/** The icon and name above the passphrase forms: which extension is asking for the passphrase. */
function Brand() {
  return (
    <p class="brand">
      <img src="/icon.svg" alt="" width={24} height={24} />
      {t('extName')}
    </p>
  );
}

function CurrentTabStatus() {
  const [status, setStatus] = useState<TabStatus | null>(null);
  useEffect(() => {
    void (async () => {
      const tab = await tabThePopupActsOn();
      if (typeof tab?.id !== 'number') return;
      const reply = await send({ type: 'tab:status', tabId: tab.id });
      if (reply.ok) setStatus(reply.status);
    })();
  }, []);
  return <TabStatusLine status={status} />;
}

function Unlocked({ initialAccounts, onLocked }: { initialAccounts: AccountView[] | null; onLocked: () => void }) {
  const [accounts, setAccounts] = useState<AccountView[] | null>(initialAccounts);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [now, setNow] = useState(Date.now());
  const [toast, setToast] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [scanProblem, setScanProblem] = useState<string | null>(null);
  const { query, setQuery, shown } = useSearch(accounts ?? []);
  const toastTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const load = useCallback(async () => {
    const reply = await send({ type: 'accounts:list' });
    if (reply.ok) setAccounts(reply.accounts);
    // The vault was locked meanwhile (auto-lock, or another page): the code says so, whatever the language.
    else if (failedWith(reply, 'problemVaultLocked')) onLocked();
    else setLoadError(failureText(reply));
  }, [onLocked]);

  useEffect(() => {
    if (initialAccounts === null) void load();
  }, [load, initialAccounts]);

  // One clock for every countdown; codes past their period are refreshed from the background.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    // Ask again when a code expires, and when the next code is due to be shown beside it.
    const stale = (a: AccountView) =>
      now >= a.validUntil || (a.nextCode === '' && a.validUntil - now <= NEXT_CODE_WINDOW_MS);
    if (accounts?.some(stale)) void load();
  }, [now, accounts, load]);

  function say(message: string) {
    setToast(message);
    clearTimeout(toastTimer.current);
    toastTimer.current = setTimeout(() => setToast(null), 2500);
  }

  async function copy(account: AccountView, code: string) {
    try {
      await navigator.clipboard.writeText(code);
      say(t('copiedCodeFor', account.name));
      void send({ type: 'clipboard:copied' });
      void send({ type: 'accounts:mark-used', id: account.id });
    } catch (error) {
      say(t('copyFailed', String(error)));
    }
  }

  async function lock() {
    await send({ type: 'vault:lock' });
    onLocked();
  }

  if (view.kind === 'add') {
    return (
      <>
        <AccountForm
          onCancel={() => setView({ kind: 'list' })}
          onSaved={(name) => {
            setView({ kind: 'list' });
            say(t('addedName', name));
            void load();
          }}
        />
        <div class="scan">
          <p class="hint">{t('scanHint')}</p>
          <ScanQrButton
            onImported={(message) => {
              setScanProblem(null);
              setView({ kind: 'list' });
              say(message);
              void load();
            }}
            onProblem={setScanProblem}
          />
          {scanProblem ? (
            <p class="error" role="alert">
              {scanProblem}
            </p>
          ) : null}
        </div>
      </>
    );
  }
  if (view.kind === 'edit') {
    return (
      <EditAccount
        account={view.account}
        onDone={(message) => {
          setView({ kind: 'list' });
          if (message) say(message);
          void load();
        }}
      />
    );
  }

  return (
    <div class="unlocked">
      <h1 class="sr-only">{t('extName')}</h1>
      <header class="toolbar">
        <input
          type="search"
          aria-label={t('searchAccounts')}
          placeholder={t('searchAccounts')}
          value={query}
          autoFocus
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            const first = shown[0];
            if (e.key !== 'Enter' || !first) return;
            const { code } = currentCode(first, Date.now());
            if (code) void copy(first, code);
          }}
        />
        <button type="button" onClick={() => setView({ kind: 'add' })}>
          {t('addAccount')}
        </button>
        <button type="button" class="icon" onClick={lock} aria-label={t('lock')} title={t('lock')}>
          <LockIcon />
        </button>
      </header>
      <HostAccessNotice />
      <CurrentTabStatus />
      {loadError ? <p role="alert">{loadError}</p> : null}
      {accounts === null ? null : accounts.length === 0 ? (
        <p class="empty">{t('noAccountsYet')}</p>
      ) : (
        <AccountList
          accounts={shown}
          now={now}
          onCopy={copy}
          onEdit={(account) => setView({ kind: 'edit', account })}
        />
      )}
      <p class="toast" role="status" aria-live="polite">
        {toast ?? ''}
      </p>
      <footer>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {t('settingsImportExport')}
        </a>
        <KeyboardShortcuts />
      </footer>
    </div>
  );
}
