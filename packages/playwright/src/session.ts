/**
 * Unattended Microsoft sign-in for QA automation: Chromium with MFA Autofill loaded, a vault
 * (random passphrase, memory only) holding the accounts from a file or an environment
 * variable, "Submit after filling" on and "Stay signed in?" answered No. A test signs in with
 * user name and password; the extension completes the MFA step. Each prompt's outcome is
 * reported, and a prompt that cannot complete closes its page with the reason, so the test
 * fails at once saying why ("No account for x@y in the vault") instead of timing out.
 */
import { hostname } from 'node:os';
import type { BrowserContext, Page } from '@playwright/test';
import {
  type AccountsSource,
  BACKUP_PASSPHRASE_VARIABLE,
  defaultAccountsSource,
  readAccounts,
} from './accounts-source.js';
import { type ExtensionLaunch, type LaunchedExtension, launchChromiumWithExtension } from './browser.js';
import { type AccountPoolOptions, type HeldAccount, holdAccount } from './coordination/account-pool.js';
import { type CoordinationOptions, type LedgerHandle, openLedger } from './coordination/open-ledger.js';
import { accountOf, formatReport, MESSAGE_PREFIX, MfaAutofillError, type MfaEvent, toMfaEvent } from './events.js';
import type { SubmitOverride } from './extension-protocol.js';
import { refuseInsecureSignin } from './insecure-signin.js';
import { hasUntracedCalls } from './internal-call.js';
import { type LeaseRecord, type LeaseServer, startLeaseServer } from './lease-server.js';
import { type PlaywrightLike, resolvePlaywright } from './playwright-module.js';
import { keepSignIn, type ReuseSignIn, restoreSignIn, type SessionStore, sessionStoreFor } from './reuse-signin.js';
import { screenReportOfTab } from './screen-report.js';
import { offersScreenReport } from './screen-report-offer.js';
import { readHistory } from './status-history.js';
import { setUpVault } from './vault-setup.js';
import { type MfaWait, WaitLog } from './waits.js';
import { failWebAuthnFast } from './webauthn.js';

export interface MfaAutofillOptions extends ExtensionLaunch, CoordinationOptions {
  /**
   * The Playwright to launch Chromium with. The fixtures pass the suite's own; a plain script may
   * leave it out: the Playwright installed in the project of the working directory is used.
   */
  playwright?: PlaywrightLike;
  /** Default: the file named by $MFA_ACCOUNTS_FILE, else the text in $MFA_ACCOUNTS. */
  accounts?: AccountsSource;
  /** For an encrypted backup. Default: $MFA_ACCOUNTS_PASSPHRASE. */
  backupPassphrase?: string;
  /** Click "Verify" after filling. Default true. */
  submitAfterFill?: boolean;
  /** Per account name: 'never' stops at the code page (filled, not submitted), 'always' submits. */
  submitAfterFillFor?: Readonly<Record<string, SubmitOverride>>;
  /** How "Stay signed in?" is answered. Default 'no', so each run starts signed out. */
  staySignedIn?: 'ask' | 'yes' | 'no';
  /** Tick "Don't ask again for N days" on the code page. Default false. */
  rememberDevice?: boolean;
  /**
   * Close the page of a prompt that cannot complete, with the reason, so whatever the test is
   * waiting for on it fails at once with that message. Default true.
   */
  failFast?: boolean;
  /**
   * The machine-wide ledger of codes handed out, so that workers and suites on this machine never
   * submit one code twice. Default: $MFA_AUTOFILL_LEDGER, else <temp dir>/mfa-autofill-ledger-<uid>.
   * Unused when `coordination` names a Redis; `false` (and no Redis) turns leases off.
   */
  ledgerDir?: string | false;
  /**
   * Opt-in: keep each account's Microsoft sign-in cookies after it signed in, and start later
   * browsers of that account signed in (reuse-signin.ts), shared through Redis when the run
   * coordinates through it. Microsoft throttles rapid sign-ins.
   */
  reuseSignIn?: ReuseSignIn;
  /**
   * Hold an account of the vault that no other test (any worker, any machine) holds now, for this
   * session: `mfa.account` (the fixtures' `mfaAccount`). Waits for one to be free.
   */
  accountPool?: boolean | AccountPoolOptions;
  /**
   * At most this many sign-ins of one account a minute, across every worker and machine the ledger
   * reaches (Microsoft throttles rapid sign-ins, AADSTS50196); an extra one waits its turn. A pool
   * account's sign-in takes its slot when it is held; any other account's, at its first code lease.
   * Default 6.
   */
  signInsPerMinute?: number;
  /**
   * Give every page a virtual authenticator without credentials, so a passkey request fails at
   * once instead of waiting on a dialog nobody answers. Default true.
   */
  failPasskeys?: boolean;
  /**
   * Start the browser even though `contextOptions.ignoreHTTPSErrors` or a switch such as
   * `--ignore-certificate-errors` turns certificate checks off. Default false: refused, because a
   * fake login.microsoftonline.com would then get codes filled and the password typed
   * (insecure-signin.ts). Only for a test network you control.
   */
  allowInsecureSignin?: boolean;
  /** Called with each event as it is seen (e.g. to log it). */
  onEvent?: (event: MfaEvent) => void;
  /**
   * Called when a wait (for a code period, a free pool account or a sign-in slot) begins or grows
   * longer (`longerByMs`: how much longer than said before) and when it ends (`longerByMs` 0,
   * `endedAt` set). The fixtures add `longerByMs` to the test's timeout.
   */
  onWait?: (wait: MfaWait, longerByMs: number) => void;
  /**
   * How this session is named to others that must wait for a code it holds ("used in this period
   * by …"). The fixtures name the test and its worker; default: this process. Not a secret.
   */
  sessionLabel?: string;
}

export interface ProblemScreenshot {
  event: MfaEvent;
  png: Buffer;
  /** The redacted screen report of the prompt (screen-report.ts), when the problem calls for one. */
  screenReport?: string | null;
}

export interface MfaAutofill {
  /** The browser, with the extension loaded and set up. Make pages with context.newPage(). */
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** Names of the accounts in the vault. */
  readonly accounts: readonly string[];
  /** Everything seen so far, oldest first. */
  readonly events: readonly MfaEvent[];
  /** The account whose kept sign-in this browser started with (reuseSignIn), or null. */
  readonly reusedSignIn: string | null;
  /** The pool account this session holds (accountPool), or null. */
  readonly account: { upn: string } | null;
  /** What the helper has to say besides prompts and waits, for the report (a pool account's hold that lapsed). */
  readonly notes: readonly string[];
  /** Every code lease the extension asked for: account, counter, granted or not (never a code). */
  readonly leases: readonly LeaseRecord[];
  /** Every wait for a code period (or, noted by the account pool, for a free account or a sign-in slot), oldest first. */
  readonly waits: readonly MfaWait[];
  /** Adds a wait the session did not see itself (like the account pool's). */
  noteWait(wait: MfaWait): void;
  /** The page as it was when each problem was seen (taken before fail-fast closed it). */
  readonly screenshots: readonly ProblemScreenshot[];
  problems(): MfaEvent[];
  /** Every event, a line each, headed by the vault's accounts. */
  report(): string;
  /** Resolves with the first event, already seen or yet to come, that matches. */
  waitForEvent(predicate: (event: MfaEvent) => boolean, options?: { timeout?: number }): Promise<MfaEvent>;
  /** Throws an MfaAutofillError naming every problem so far. */
  assertNoProblems(): void;
  /** Reads the last events, closes the browser and deletes its temporary profile. */
  close(): Promise<void>;
}

const POLL_INTERVAL_MS = 100;

export async function launchWithMfaAutofill(options: MfaAutofillOptions = {}): Promise<MfaAutofill> {
  refuseInsecureSignin(options);
  // Read before the browser starts: a missing file (or an unreachable Redis) should not cost a browser launch.
  const accounts = readAccounts(options.accounts ?? defaultAccountsSource());
  const { chromium } = options.playwright ?? (await resolvePlaywright());
  const label = options.sessionLabel ?? `process ${process.pid} on ${hostname()}`;
  const ledger = await openLedger(options);
  let leaseServer: LeaseServer | null = null;
  let launched: LaunchedExtension;
  try {
    const sessions = options.reuseSignIn ? sessionStoreFor(options.reuseSignIn, ledger?.redis ?? null) : null;
    if (ledger) {
      leaseServer = await startLeaseServer(ledger.ledger, {
        holder: label,
        signInsPerMinute: options.signInsPerMinute,
      });
    }
    launched = await launchChromiumWithExtension(chromium, options);
    leaseServer?.allowOrigin(`chrome-extension://${launched.extensionId}`);
    const untraced = untracedSessions(sessions, launched.context);
    return await setUpSession(launched, options, accounts, { ledger, leaseServer, sessions: untraced });
  } catch (error) {
    await leaseServer?.close();
    await ledger?.release();
    throw error;
  }
}

interface Coordination {
  ledger: LedgerHandle | null;
  leaseServer: LeaseServer | null;
  sessions: SessionStore | null;
}

async function setUpSession(
  launched: LaunchedExtension,
  options: MfaAutofillOptions,
  accounts: ReturnType<typeof readAccounts>,
  coordination: Coordination,
): Promise<MfaAutofill> {
  const { ledger, leaseServer, sessions } = coordination;
  let held: HeldAccount | null = null;
  try {
    if (options.failPasskeys ?? true) await failWebAuthnFast(launched.context);
    const vaultAccounts = await setUpVault(launched.context, launched.extensionId, {
      accounts,
      backupPassphrase: options.backupPassphrase ?? (process.env[BACKUP_PASSPHRASE_VARIABLE] || undefined),
      settings: {
        submitAfterFill: options.submitAfterFill ?? true,
        staySignedIn: options.staySignedIn ?? 'no',
        rememberDevice: options.rememberDevice ?? false,
      },
      submitAfterFillFor: options.submitAfterFillFor,
      codeLease: leaseServer?.endpoint,
    });
    const names = vaultAccounts.map((a) => a.name);
    const restore = (account: string) => restoreSignIn(launched.context, sessions!, account, launched.signinHosts);
    let restored: string | null = null;
    if (options.accountPool) {
      if (!ledger) {
        throw new Error('MFA Autofill: accountPool needs a ledger: leave ledgerDir on, or set coordination.');
      }
      const pool = typeof options.accountPool === 'object' ? options.accountPool : {};
      held = await holdAccount(ledger.ledger, names, {
        ...pool,
        signInsPerMinute: options.signInsPerMinute,
        onWait: options.onWait,
        // A kept session signs the account in without a sign-in Microsoft would count.
        needsSignIn: async (account) => {
          if (sessions && !options.reuseSignIn?.account && (await restore(account))) restored = account;
          return restored === null;
        },
      });
      if (held.signInCounted) leaseServer?.signInCounted(held.upn);
    }
    const reuseAccount = options.reuseSignIn?.account ?? held?.upn ?? (names.length === 1 ? names[0]! : null);
    if (sessions && reuseAccount && restored === null && (await restore(reuseAccount))) restored = reuseAccount;
    const periods = new Map(vaultAccounts.map((a) => [a.name.toLowerCase(), a.period]));
    return new Session(launched, { ...coordination, held }, names, periods, options, restored);
  } catch (error) {
    await held?.release();
    await launched.close();
    throw error;
  }
}

/**
 * reuseSignIn reads and writes sign-in cookies, which only Playwright's untraced calls keep out of
 * the suite's traces (internal-call.ts): without them it is turned off, with a warning, rather than
 * put live Microsoft sessions into CI artifacts.
 */
function untracedSessions(sessions: SessionStore | null, context: BrowserContext): SessionStore | null {
  if (!sessions) return null;
  if (hasUntracedCalls(context)) return sessions;
  console.warn(
    'MFA Autofill: reuseSignIn is off for this run: this Playwright offers no untraced calls, so the kept ' +
      'sign-in cookies would be recorded in every trace. Each test signs in with password and MFA instead. ' +
      'Use a @playwright/test version the helper supports (see its peer dependency) to reuse sign-ins.',
  );
  return null;
}

interface Waiter {
  predicate: (event: MfaEvent) => boolean;
  resolve: (event: MfaEvent) => void;
}

class Session implements MfaAutofill {
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly events: MfaEvent[] = [];
  readonly screenshots: ProblemScreenshot[] = [];
  private readonly waitLog: WaitLog;
  private lastSeq = 0;
  private waiters = new Set<Waiter>();
  private polling: Promise<void>;
  private stopped = false;
  private wake: (() => void) | null = null;

  private readonly leaseServer: LeaseServer | null;
  readonly notes: string[] = [];

  constructor(
    private readonly launched: LaunchedExtension,
    private readonly coordination: Coordination & { held: HeldAccount | null },
    readonly accounts: readonly string[],
    periods: ReadonlyMap<string, number>,
    private readonly options: MfaAutofillOptions,
    readonly reusedSignIn: string | null,
  ) {
    this.context = launched.context;
    this.extensionId = launched.extensionId;
    this.leaseServer = coordination.leaseServer;
    this.context.on('close', () => {
      this.stopped = true;
      this.wake?.();
    });
    this.waitLog = new WaitLog(periods, options.onWait);
    for (const wait of coordination.held?.waits ?? []) this.waitLog.note(wait);
    this.leaseServer?.onAnswer((record) => this.waitLog.leaseAnswered(record));
    this.polling = this.poll();
  }

  get account(): { upn: string } | null {
    const held = this.coordination.held;
    return held ? { upn: held.upn } : null;
  }

  get waits(): readonly MfaWait[] {
    return this.waitLog.waits;
  }

  noteWait(wait: MfaWait): void {
    this.waitLog.note(wait);
  }

  get leases(): readonly LeaseRecord[] {
    return this.leaseServer?.leases ?? [];
  }

  problems(): MfaEvent[] {
    return this.events.filter((e) => e.problem);
  }

  report(): string {
    return formatReport(this.events, this.accounts, this.waits, Date.now(), this.notes);
  }

  assertNoProblems(): void {
    const problems = this.problems();
    if (problems.length > 0) throw new MfaAutofillError(problems);
  }

  waitForEvent(predicate: (event: MfaEvent) => boolean, { timeout = 30_000 } = {}): Promise<MfaEvent> {
    const seen = this.events.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise<MfaEvent>((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`MFA Autofill: no such event within ${timeout} ms.\n${this.report()}`));
      }, timeout);
      this.waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    if (!this.stopped) {
      await this.readOnce();
      await this.keepSignIn().catch((error: unknown) => {
        console.error('MFA Autofill: keeping the sign-in for reuse failed:', error);
      });
    }
    this.stopped = true;
    this.wake?.();
    await this.polling;
    await this.launched.close();
    await this.leaseServer?.close();
    const held = this.coordination.held;
    if (held?.lost) {
      this.notes.push(
        `the hold on ${held.upn} lapsed during the session (${this.coordination.ledger?.ledger.where} did not answer its heartbeat): another test may have used it at the same time`,
      );
    }
    await held?.release();
    await this.coordination.ledger?.release();
  }

  /**
   * reuseSignIn: after exactly one account's code was filled and submitted, with no problem, the
   * browser's sign-in-host cookies become that account's kept session.
   */
  private async keepSignIn(): Promise<void> {
    const store = this.coordination.sessions;
    if (!store || this.problems().length > 0) return;
    const signedIn = new Set(
      this.events
        .filter((e) => e.state === 'filled' && e.submitted)
        .map((e) => (e.state === 'filled' ? e.account : '')),
    );
    if (signedIn.size !== 1) return;
    await keepSignIn(this.context, store, [...signedIn][0]!, this.launched.signinHosts);
  }

  private async poll(): Promise<void> {
    while (!this.stopped) {
      await this.readOnce().catch((error: unknown) => {
        // Keep following the prompts: one failed read (or a throwing onEvent) must not end it.
        console.error('MFA Autofill: reading the extension status failed:', error);
      });
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, POLL_INTERVAL_MS);
      });
    }
  }

  private async readOnce(): Promise<void> {
    const read = await readHistory(this.launched.worker(), this.lastSeq);
    if (!read) return;
    for (const entry of read.entries) {
      if (entry.seq <= this.lastSeq) continue;
      this.lastSeq = entry.seq;
      const event = toMfaEvent(entry, read.urls[entry.tabId] ?? null, this.accounts);
      this.events.push(event);
      this.waitLog.eventSeen(event);
      this.options.onEvent?.(event);
      for (const waiter of this.waiters) {
        if (!waiter.predicate(event)) continue;
        this.waiters.delete(waiter);
        waiter.resolve(event);
      }
      if (event.problem && (this.options.failFast ?? true)) await this.stopPrompt(event);
    }
  }

  /** Fail fast: closes the prompt's page with the reason, after a screenshot of it. */
  private async stopPrompt(event: MfaEvent): Promise<void> {
    for (const page of await this.pagesOf(event)) {
      const png = await page.screenshot({ timeout: 2_000 }).catch(() => null);
      const screenReport = offersScreenReport(event)
        ? await screenReportOfTab(this.launched.worker(), event.tabId, event)
        : null;
      if (png) this.screenshots.push({ event, png, screenReport });
      await page.close({ reason: `${MESSAGE_PREFIX}${event.message}` }).catch(() => undefined);
    }
  }

  private isSigninPage(page: Page): boolean {
    try {
      const url = new URL(page.url());
      return url.protocol === 'https:' && this.launched.signinHosts.includes(url.hostname);
    } catch {
      return false;
    }
  }

  /**
   * The Playwright pages showing the prompt of `event`'s tab. Chrome's tab ids are not visible
   * to Playwright: match the tab's address, then (when several pages share it) the account the
   * page names in its identity banner.
   */
  private async pagesOf(event: MfaEvent): Promise<Page[]> {
    const open = this.context.pages().filter((p) => !p.isClosed());
    let candidates = event.url ? open.filter((p) => p.url() === event.url) : [];
    if (candidates.length === 0) candidates = open.filter((p) => this.isSigninPage(p));
    const account = accountOf(event)?.toLowerCase();
    if (candidates.length <= 1 || !account) return candidates;
    const named: Page[] = [];
    for (const page of candidates) {
      const upn = await page
        .evaluate(() => document.getElementById('displayName')?.getAttribute('title') ?? null)
        .catch(() => null);
      if (upn?.toLowerCase() === account) named.push(page);
    }
    return named.length > 0 ? named : candidates;
  }
}
