import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccountForm } from '@/components/AccountForm';
import { AccountList, currentCode, useSearch } from '@/components/AccountList';
import { tabThePopupActsOn } from '@/components/active-tab';
import { EditAccount } from '@/components/EditAccount';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { CreateVaultForm, UnlockForm } from '@/components/PassphraseForms';
import { ScanQrButton } from '@/components/ScanQrButton';
import { send } from '@/components/send';
import { TabStatusLine } from '@/components/TabStatusLine';
import { type AccountView, NEXT_CODE_WINDOW_MS, type TabStatus, type VaultState } from '@/lib/messages';

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
      else setError(reply.error);
    })();
  }, []);

  if (error) return <p role="alert">{error}</p>;
  switch (state) {
    case 'loading':
      return null;
    case 'none':
      return <CreateVaultForm onCreated={() => setState('unlocked')} />;
    case 'locked':
      return (
        <>
          <HostAccessNotice />
          <CurrentTabStatus />
          <UnlockForm onUnlocked={() => setState('unlocked')} />
        </>
      );
    case 'unlocked':
      return (
        <Unlocked
          initialAccounts={initialAccounts}
          onLocked={() => {
            setInitialAccounts(null);
            setState('locked');
          }}
        />
      );
  }
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
    else if ((await send({ type: 'vault:state' })).ok && /locked/i.test(reply.error)) onLocked();
    else setLoadError(reply.error);
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
      say(`Copied the code for ${account.name}.`);
      void send({ type: 'clipboard:copied' });
      void send({ type: 'accounts:mark-used', id: account.id });
    } catch (error) {
      say(`Could not copy: ${String(error)}`);
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
            say(`Added ${name}.`);
            void load();
          }}
        />
        <div class="scan">
          <p class="hint">
            Or scan the QR code shown in the current tab (mysignins.microsoft.com → Add sign-in method).
          </p>
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
    <main class="unlocked">
      <header class="toolbar">
        <input
          type="search"
          aria-label="Search accounts"
          placeholder="Search accounts"
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
          Add account
        </button>
        <button type="button" onClick={lock}>
          Lock
        </button>
      </header>
      <HostAccessNotice />
      <CurrentTabStatus />
      {loadError ? <p role="alert">{loadError}</p> : null}
      {accounts === null ? null : accounts.length === 0 ? (
        <p class="empty">
          No accounts yet. Choose “Add account” and paste the secret key Microsoft shows under “Can't scan image?”.
        </p>
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
          Settings, import and export
        </a>
      </footer>
    </main>
  );
}
