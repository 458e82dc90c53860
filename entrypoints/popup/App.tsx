import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccountForm } from '@/components/AccountForm';
import { AccountList } from '@/components/AccountList';
import { EditAccount } from '@/components/EditAccount';
import { failureText } from '@/components/failure-text';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { KeyboardShortcuts } from '@/components/KeyboardShortcuts';
import { CreateVaultForm, UnlockForm } from '@/components/PassphraseForms';
import { ScanQrButton } from '@/components/ScanQrButton';
import { TabStatusLine } from '@/components/TabStatusLine';
import { useAccountCodes } from '@/hooks/useAccountCodes';
import { useClock } from '@/hooks/useClock';
import { useCodeNews } from '@/hooks/useCodeNews';
import { useCopyCode } from '@/hooks/useCopyCode';
import { useSearch } from '@/hooks/useSearch';
import { useToast } from '@/hooks/useToast';
import type { AccountView, PageReplies, TabStatus, VaultState } from '@/lib/messages';
import { tabThePopupActsOn } from '@/utils/active-tab';
import { FIRST_SCREEN_REQUEST } from '@/utils/first-screen';
import { firstScreenAfterUnlock } from '@/utils/first-screen-after-unlock';
import { t } from '@/utils/i18n';
import { send } from '@/utils/send';

type View = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; account: AccountView };

/** The popup's first question again (the popup's entry module asks it first): after an unlock. */
const afterUnlock = firstScreenAfterUnlock(() => send(FIRST_SCREEN_REQUEST));

export function App({ firstScreen }: { firstScreen: PageReplies['accounts:list'] }) {
  const [state, setState] = useState<VaultState | 'loading'>(firstScreen.ok ? 'unlocked' : 'loading');
  const [error, setError] = useState<string | null>(null);
  const [initialAccounts, setInitialAccounts] = useState<AccountView[] | null>(
    firstScreen.ok ? firstScreen.accounts : null,
  );

  useEffect(() => {
    if (firstScreen.ok) return;
    void (async () => {
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
          <UnlockForm
            onUnlockSent={afterUnlock.sendBehindUnlock}
            onUnlocked={async () => {
              // Shown together with its first screenful: one render, no empty list first.
              const first = await afterUnlock.take();
              if (first.ok) setInitialAccounts(first.accounts);
              setState('unlocked');
            }}
          />
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
  const now = useClock();
  const { toast, say } = useToast();
  const list = useAccountCodes({ initialAccounts, askFirstScreen: afterUnlock.take, now, onLocked });
  const news = useCodeNews(list.rowsInView, list.codes, now);
  const copy = useCopyCode(list.codeToCopy, say);
  const { query, setQuery, shown } = useSearch(list.accounts ?? []);
  const [view, setView] = useState<View>({ kind: 'list' });
  /** An account just added: scrolled into view and focused once the list holds it. */
  const [reveal, setReveal] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // After unlocking, as when the popup opens unlocked: type a name, press Enter, the code is copied.
    if (view.kind === 'list' && reveal === null) search.current?.focus();
  }, [view.kind]);

  function backToList(message: string, added?: string) {
    setView({ kind: 'list' });
    if (message) say(message);
    if (added) {
      // The new account is sorted into place, perhaps far down: clear the search, show it there.
      setQuery('');
      setReveal(added);
    }
    void list.reload();
  }

  if (view.kind === 'add') {
    return (
      <AddAccount
        onCancel={() => setView({ kind: 'list' })}
        onAdded={(name, id) => backToList(t('addedName', name), id)}
        onImported={(message) => backToList(message)}
      />
    );
  }
  if (view.kind === 'edit') {
    return <EditAccount account={view.account} onDone={(message) => backToList(message ?? '')} />;
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
          ref={search}
          autoFocus
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            const first = shown[0];
            if (e.key === 'Enter' && first) void copy(first);
          }}
        />
        <button type="button" onClick={() => setView({ kind: 'add' })}>
          {t('addAccount')}
        </button>
        <LockButton onLocked={onLocked} />
      </header>
      <HostAccessNotice />
      <CurrentTabStatus />
      {list.loadError ? <p role="alert">{list.loadError}</p> : null}
      {list.accounts === null ? null : list.accounts.length === 0 ? (
        <p class="empty">{t('noAccountsYet')}</p>
      ) : (
        <AccountList
          accounts={shown}
          codes={list.codes}
          now={now}
          onCopy={copy}
          onEdit={(account) => setView({ kind: 'edit', account })}
          onRowsInView={list.showRows}
          reveal={reveal}
          onRevealed={() => setReveal(null)}
        />
      )}
      <p class="toast" role="status" aria-live="polite">
        {toast ?? ''}
      </p>
      <p class="sr-only" aria-live="polite" data-testid="code-news">
        {news}
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

function LockButton({ onLocked }: { onLocked: () => void }) {
  async function lock() {
    await send({ type: 'vault:lock' });
    onLocked();
  }
  return (
    <button type="button" class="icon" onClick={lock} aria-label={t('lock')} title={t('lock')}>
      <LockIcon />
    </button>
  );
}

/** The Add view: the form, and below it the QR scan of the current tab. */
function AddAccount({
  onCancel,
  onAdded,
  onImported,
}: {
  onCancel: () => void;
  onAdded: (name: string, id: string) => void;
  onImported: (message: string) => void;
}) {
  const [scanProblem, setScanProblem] = useState<string | null>(null);
  return (
    <>
      <AccountForm onCancel={onCancel} onSaved={onAdded} />
      <div class="scan">
        <p class="hint">{t('scanHint')}</p>
        <ScanQrButton
          onImported={(message) => {
            setScanProblem(null);
            onImported(message);
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
