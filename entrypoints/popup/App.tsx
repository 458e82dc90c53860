import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccountForm } from '@/components/AccountForm';
import { AccountList, currentCode, useSearch } from '@/components/AccountList';
import { groupCode } from '@/components/code-format';
import { EditAccount } from '@/components/EditAccount';
import { failureText } from '@/components/failure-text';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { KeyboardShortcuts } from '@/components/KeyboardShortcuts';
import { CreateVaultForm, UnlockForm } from '@/components/PassphraseForms';
import { ScanQrButton } from '@/components/ScanQrButton';
import { TabStatusLine } from '@/components/TabStatusLine';
import {
  type AccountCodes,
  type AccountView,
  NEXT_CODE_WINDOW_MS,
  type PageReplies,
  type TabStatus,
  type VaultState,
} from '@/lib/messages';
import { codeChangeNews, shownCodesById } from '@/lib/popup/code-changes';
import { failedWith } from '@/lib/problems';
import { tabThePopupActsOn } from '@/utils/active-tab';
import { t } from '@/utils/i18n';
import { send } from '@/utils/send';

type View = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; account: AccountView };

/**
 * Rows asked for, with their codes, when the popup opens: more than fit in view, so the first
 * screenful is complete from the first reply. The rest of the list follows without codes.
 */
const FIRST_SCREEN_ROWS = 12;

/**
 * The popup's first question, asked before anything renders (main.tsx): most opens find the vault
 * unlocked, and then this one round trip brings the first screenful with its codes.
 */
export function askFirstScreen() {
  return send({ type: 'accounts:list', limit: FIRST_SCREEN_ROWS, codesFor: FIRST_SCREEN_ROWS });
}

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
  const [codes, setCodes] = useState<ReadonlyMap<string, AccountCodes>>(() => codesIn(initialAccounts ?? []));
  const [view, setView] = useState<View>({ kind: 'list' });
  const [now, setNow] = useState(Date.now());
  const [toast, setToast] = useState<string | null>(null);
  const [news, setNews] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [scanProblem, setScanProblem] = useState<string | null>(null);
  const { query, setQuery, shown } = useSearch(accounts ?? []);
  const toastTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const search = useRef<HTMLInputElement>(null);
  const rowsInView = useRef<readonly AccountView[]>([]);
  const codesAsked = useRef(new Set<string>());
  const codesShown = useRef(new Map<string, string>());

  const mergeCodes = useCallback((fresh: readonly AccountCodes[]) => {
    if (fresh.length === 0) return;
    setCodes((old) => {
      const next = new Map(old);
      for (const c of fresh) next.set(c.id, c);
      return next;
    });
  }, []);

  /** The whole list, without codes: those come for the rows in view (fetchCodes). */
  const load = useCallback(async () => {
    const reply = await send({ type: 'accounts:list', codesFor: 0 });
    if (reply.ok) setAccounts(reply.accounts);
    // The vault was locked meanwhile (auto-lock, or another page): the code says so, whatever the language.
    else if (failedWith(reply, 'problemVaultLocked')) onLocked();
    else setLoadError(failureText(reply));
  }, [onLocked]);

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
      // Locked meanwhile (auto-lock, or from the options page): show the unlock form, not stale rows.
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
      await load();
    })();
  }, []);

  useEffect(() => {
    // After unlocking, as when the popup opens unlocked: type a name, press Enter, the code is copied.
    if (view.kind === 'list') search.current?.focus();
  }, [view.kind]);

  // One clock for every countdown; codes of rows in view are refreshed from the background.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    void fetchCodes(rowsInView.current, now);
  }, [now, fetchCodes]);

  // Screen readers hear about codes when they change, not every second.
  useEffect(() => {
    const shownNow = rowsInView.current.map((a) => ({
      id: a.id,
      name: a.name,
      ...currentCode(codes.get(a.id), a.period, now),
    }));
    const change = codeChangeNews(codesShown.current, shownNow);
    codesShown.current = shownCodesById(shownNow);
    if (change?.kind === 'one') setNews(t('newCodeFor', [change.name, groupCode(change.code), change.secondsLeft]));
    else if (change?.kind === 'several') setNews(t('newCodes', change.secondsLeft));
  }, [now, codes]);

  function say(message: string) {
    setToast(message);
    clearTimeout(toastTimer.current);
    toastTimer.current = setTimeout(() => setToast(null), 2500);
  }

  async function copy(account: AccountView) {
    let { code } = currentCode(codes.get(account.id), account.period, Date.now());
    if (!code) {
      // Typed and Enter pressed before the row's codes arrived: ask for this one now.
      const reply = await send({ type: 'accounts:codes', ids: [account.id] });
      const fresh = reply.ok ? reply.codes[0] : undefined;
      if (fresh) mergeCodes([fresh]);
      code = currentCode(fresh, account.period, Date.now()).code;
    }
    if (!code) return;
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
          codes={codes}
          now={now}
          onCopy={copy}
          onEdit={(account) => setView({ kind: 'edit', account })}
          onRowsInView={(rows) => {
            rowsInView.current = rows;
            void fetchCodes(rows, Date.now());
          }}
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

function codesIn(accounts: readonly AccountView[]): Map<string, AccountCodes> {
  return new Map(accounts.filter((a) => a.validUntil > 0).map((a) => [a.id, a]));
}

/** No codes yet, the current one expired, or the next one is due to be shown beside it. */
function needsCodes(codes: AccountCodes | undefined, now: number): boolean {
  if (!codes || codes.validUntil === 0) return true;
  return now >= codes.validUntil || (codes.nextCode === '' && codes.validUntil - now <= NEXT_CODE_WINDOW_MS);
}
