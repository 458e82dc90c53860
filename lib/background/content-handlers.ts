/**
 * What a content script on a sign-in page may ask. It is untrusted: it gets a code or a status
 * for one account, never a secret or the account list. The tab comes from the checked sender.
 */
import {
  type CodeResponse,
  type ContentRequest,
  type FillEvent,
  type HasAccountResponse,
  type KmsiResponse,
  type NextPeriodReason,
  NOT_FILLED_REASONS,
  type NotFilledReason,
  type ScreenSummary,
  type StartRunnerResponse,
} from '../messages';
import { generateCode, msRemaining } from '../totp';
import { recordActivity } from './activity';
import { codeLeaseEndpointItem, leaseCode } from './code-lease';
import { claimCode, handedAccount, recordHandedAccount, settleLease, spendHandedCode } from './code-ledger';
import { allowManualFill, FILL_COMMAND_WINDOW_MS, sawFillCommand } from './commands';
import type { BackgroundContext } from './context';
import { resolvePageAccount } from './page-account';
import { getTabStatus, setTabStatus } from './tab-status';

/**
 * A code with less life than this can expire between fill and the server's check
 * (docs/ARCHITECTURE.md, 'TOTP'): wait for the next period instead.
 */
export const MIN_CODE_LIFE_MS = 3000;
/** Lands the retry just inside the next period rather than on its edge. */
const PERIOD_EDGE_SLACK_MS = 50;
/** This tab's earlier request is still waiting for its lease: look again this soon. */
const LEASE_PENDING_RETRY_MS = 1_000;

export async function handleContentRequest(
  request: ContentRequest,
  tabId: number,
  ctx: BackgroundContext,
): Promise<CodeResponse | HasAccountResponse | KmsiResponse | StartRunnerResponse | { status: 'ok' }> {
  switch (request.type) {
    case 'content:code':
      return codeForPage(request.pageAccount, request.manual === true, request.retry === true, tabId, ctx);
    case 'content:has-account':
      return hasAccount(request.pageAccount, request.purpose === 'switch', tabId, ctx);
    case 'content:spent':
      await spendHandedCode(tabId);
      return { status: 'ok' };
    case 'content:kmsi':
      return { status: 'answer', answer: await staySignedInAnswer(ctx) };
    case 'content:report':
      await recordFillEvent(request.event, tabId, ctx);
      return { status: 'ok' };
    case 'content:start-runner':
      // Only the tab the checked sender names, only its top frame (router.ts): the runner is the
      // extension's own file, and it checks host, scheme and frame again before it starts.
      return { status: (await ctx.startRunner(tabId)) ? 'started' : 'failed' };
    default:
      return { status: 'refused' };
  }
}

/**
 * `claimsManual`: the content script says the keyboard command asked for this fill. Believed
 * only when the background itself saw the command for this tab moments ago (commands.ts).
 */
async function codeForPage(
  rawPageAccount: unknown,
  claimsManual: boolean,
  retry: boolean,
  tabId: number,
  ctx: BackgroundContext,
): Promise<CodeResponse> {
  const now = ctx.now();
  const manual = claimsManual && (await sawFillCommand(tabId, now));
  const resolved = await resolvePageAccount(rawPageAccount, manual, tabId, ctx);
  if (!resolved.ok) {
    return resolved.status === 'no-match'
      ? { status: 'no-match', pageAccount: resolved.pageAccount }
      : { status: resolved.status };
  }
  const { account, settings } = resolved;
  const counter = Math.floor(now / (account.period * 1000));
  const remaining = msRemaining(account.period, now);
  const waitForNextPeriod = async (): Promise<CodeResponse> => {
    const retryInMs = remaining + PERIOD_EDGE_SLACK_MS;
    // The command the user gave still stands when the code it asked for is handed out.
    if (manual) await allowManualFill(tabId, now + retryInMs + FILL_COMMAND_WINDOW_MS);
    return { status: 'wait', retryInMs };
  };
  // A retry follows a code the page judged: it was submitted, whether or not the content script
  // saw how (a page may submit a full code by itself).
  if (retry) await spendHandedCode(tabId);
  // A submitted code (accepted, rejected, or used by an earlier sign-in) is refused by the
  // server as a replay: wait for the next period rather than spend an attempt. A code handed to
  // this tab but never submitted (the page was reloaded) is handed to it again, if it was leased.
  const endpoint = await codeLeaseEndpointItem.getValue();
  const claim = await claimCode({
    accountId: account.id,
    counter,
    tabId,
    tooLate: remaining < MIN_CODE_LIFE_MS,
    needsLease: endpoint !== null,
  });
  if (claim === 'used' || claim === 'too-late') {
    // A retry after a refused code waits too, but its tab already says why ('wrong-code', retrying).
    if (!retry) {
      const reason = claim === 'used' ? 'code-used' : 'too-late';
      await sayWaitingForNextPeriod(ctx, tabId, { account: account.name, until: now + remaining, reason });
    }
    return waitForNextPeriod();
  }
  if (claim === 'lease-refused') return waitForNextPeriod();
  if (claim === 'pending') return { status: 'wait', retryInMs: Math.min(LEASE_PENDING_RETRY_MS, remaining) };
  if (claim === 'new' && endpoint !== null) {
    // The QA helper's ledger, so other browsers cannot be handed this code either.
    const lease = await leaseCode(account.name, counter, endpoint);
    await settleLease(account.id, counter, tabId, lease === 'granted');
    if (lease === 'unavailable') {
      await setTabStatus(ctx, tabId, { state: 'lease-unavailable', account: account.name, at: ctx.now() });
    }
    if (lease !== 'granted') return waitForNextPeriod();
  }
  // Neither need delay the fill.
  void recordHandedAccount(tabId, account.name).catch(() => undefined);
  void recordActivity(ctx).catch(() => undefined);
  const submit =
    account.submitAfterFill === 'default' ? settings.submitAfterFill : account.submitAfterFill === 'always';
  return {
    status: 'code',
    code: generateCode(account, now),
    digits: account.digits,
    submit,
    rememberDevice: settings.rememberDevice,
  };
}

/**
 * A wait the QA helper cannot see (no lease is asked for it) becomes the tab's status, which the
 * helper reads (packages/playwright/src/waits.ts) and the popup shows. Once per wait: the page
 * asking again within the same period (a re-rendered prompt) adds nothing to the history.
 */
async function sayWaitingForNextPeriod(
  ctx: BackgroundContext,
  tabId: number,
  wait: { account: string; until: number; reason: NextPeriodReason },
): Promise<void> {
  const current = await getTabStatus(tabId);
  if (current?.state === 'waiting-next-period' && current.account === wait.account && current.until === wait.until) {
    return;
  }
  await setTabStatus(ctx, tabId, { state: 'waiting-next-period', ...wait, at: ctx.now() });
}

/** "Stay signed in?" as the settings in the vault say; while it is locked, leave the question to the user. */
async function staySignedInAnswer(ctx: BackgroundContext): Promise<'ask' | 'yes' | 'no'> {
  const settings = await ctx.vault.settings();
  return settings.ok ? settings.value.staySignedIn : 'ask';
}

/**
 * Whether to pick the code method for this page's account. `switching` (a push or passkey
 * screen) also asks the setting "Use a code instead of approving on the phone" and the
 * account's override of it. A page account the vault does not have becomes the tab's status.
 */
async function hasAccount(
  rawPageAccount: unknown,
  switching: boolean,
  tabId: number,
  ctx: BackgroundContext,
): Promise<HasAccountResponse> {
  const resolved = await resolvePageAccount(rawPageAccount, false, tabId, ctx);
  if (!resolved.ok) {
    return resolved.status === 'locked' || resolved.status === 'disabled'
      ? { status: resolved.status }
      : { status: 'no' };
  }
  const { account, settings } = resolved;
  if (switching) {
    const override = account.codeInsteadOfPush ?? 'default';
    const allowed = override === 'default' ? settings.codeInsteadOfPush : override === 'always';
    if (!allowed) return { status: 'switch-off' };
  }
  return { status: 'yes' };
}

/**
 * A fill or a refused code names the account the background handed this tab a code for, from
 * its own record: the page's echo of it is ignored, and a tab that was handed no code has
 * nothing to report.
 */
async function recordFillEvent(event: FillEvent, tabId: number, ctx: BackgroundContext): Promise<void> {
  const at = ctx.now();
  switch (event?.kind) {
    case 'filled': {
      const account = await handedAccount(tabId);
      if (account !== null) {
        await setTabStatus(ctx, tabId, { state: 'filled', account, submitted: event.submitted === true, at });
      }
      return;
    }
    case 'wrong-code': {
      const account = await handedAccount(tabId);
      if (account !== null) {
        await setTabStatus(ctx, tabId, { state: 'wrong-code', account, retrying: event.retrying === true, at });
      }
      return;
    }
    case 'not-totp': {
      const reason: NotFilledReason = NOT_FILLED_REASONS.includes(event.reason) ? event.reason : 'unknown-method';
      const digits = (value: unknown) =>
        Number.isInteger(value) && (value as number) > 0 ? (value as number) : undefined;
      const pageDigits = digits(event.pageDigits);
      const accountDigits = digits(event.accountDigits);
      await setTabStatus(ctx, tabId, {
        state: 'not-totp',
        reason,
        ...(pageDigits && accountDigits ? { pageDigits, accountDigits } : {}),
        at,
      });
      return;
    }
    case 'stopped':
      await setTabStatus(ctx, tabId, {
        state: 'stopped',
        ...stoppedScreen(event.screen),
        blocked: event.blocked === true,
        at,
      });
      return;
  }
}

/** What a page says about the screen it stopped on, cut to size: a page can send anything. */
function stoppedScreen(raw: unknown): ScreenSummary {
  const fields = (raw ?? {}) as Record<string, unknown>;
  const text = (value: unknown, max: number) =>
    typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : null;
  const aadsts = text(fields.aadsts, 7);
  return {
    title: text(fields.title, 120),
    pgid: text(fields.pgid, 64),
    aadsts: aadsts && /^\d{5,7}$/.test(aadsts) ? aadsts : null,
  };
}
