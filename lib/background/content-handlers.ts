/**
 * What a content script on a sign-in page may ask. It is untrusted: it gets a code or a status
 * for one account, never a secret or the account list. The tab comes from the checked sender.
 */
import { accountForPage } from '../accounts';
import {
  type CodeResponse,
  type ContentRequest,
  type FillEvent,
  type HasAccountResponse,
  type KmsiResponse,
  NOT_FILLED_REASONS,
  type NotFilledReason,
  type ScreenSummary,
} from '../messages';
import { mergeSettings } from '../settings';
import { generateCode, msRemaining } from '../totp';
import { recordActivity } from './activity';
import { leaseCode } from './code-lease';
import type { BackgroundContext } from './context';
import { codeLedgerItem, updateItem } from './storage';
import { setTabStatus } from './tab-status';

/**
 * A code with less life than this can expire between fill and the server's check
 * (DESIGN.md, TOTP): wait for the next period instead.
 */
export const MIN_CODE_LIFE_MS = 3000;
/** Lands the retry just inside the next period rather than on its edge. */
const PERIOD_EDGE_SLACK_MS = 50;

export async function handleContentRequest(
  request: ContentRequest,
  tabId: number,
  ctx: BackgroundContext,
): Promise<CodeResponse | HasAccountResponse | KmsiResponse | { status: 'ok' }> {
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
    default:
      return { status: 'refused' };
  }
}

function pageAccountOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 256) : null;
}

async function codeForPage(
  rawPageAccount: unknown,
  manual: boolean,
  retry: boolean,
  tabId: number,
  ctx: BackgroundContext,
): Promise<CodeResponse> {
  const pageAccount = pageAccountOf(rawPageAccount);
  const now = ctx.now();
  // Settings are inside the vault (docs/SECURITY.md): while it is locked, whether to fill is not
  // known yet, so the tab waits for the unlock and asks again then.
  const vault = await ctx.vault.open();
  if (!vault.ok) {
    const state = await ctx.vault.state();
    if (state === 'none') return { status: 'no-vault' };
    if (state === 'unlocked') return { status: 'refused' }; // damaged: fill nothing
    await setTabStatus(ctx, tabId, { state: 'waiting-unlock', at: now });
    return { status: 'locked' };
  }
  const settings = mergeSettings(vault.value.contents.settings);
  if (!settings.autofill && !manual) {
    await setTabStatus(ctx, tabId, { state: 'disabled', at: now });
    return { status: 'disabled' };
  }
  const account = accountForPage(vault.value.contents.accounts, pageAccount);
  if (!account) {
    await setTabStatus(ctx, tabId, { state: 'no-match', pageAccount, at: now });
    return { status: 'no-match', pageAccount };
  }

  const counter = Math.floor(now / (account.period * 1000));
  const remaining = msRemaining(account.period, now);
  // A retry follows a code the page judged: it was submitted, whether or not the content script
  // saw how (a page may submit a full code by itself).
  if (retry) await spendHandedCode(tabId);
  // Checked and claimed in one update, so two tabs asking at once cannot both be handed a code.
  // A submitted code (accepted, rejected, or used by an earlier sign-in) is refused by the
  // server as a replay: wait for the next period rather than spend an attempt. A code handed to
  // this tab but never submitted (the page was reloaded) is handed to it again.
  const claim = await updateItem(codeLedgerItem, (ledger) => {
    const entry = ledger[account.id];
    const refuse = { value: ledger, result: 'wait' as const };
    if (remaining < MIN_CODE_LIFE_MS || (entry && entry.counter > counter)) return refuse;
    if (entry?.counter === counter)
      return entry.spent || entry.tabId !== tabId ? refuse : { value: ledger, result: 'again' as const };
    return { value: { ...ledger, [account.id]: { counter, tabId, spent: false } }, result: 'new' as const };
  });
  // Then the QA helper's machine-wide ledger, when one is configured, so other browsers cannot
  // be handed it either (a code handed to this tab again was leased the first time).
  if (claim === 'wait' || (claim === 'new' && !(await leaseCode(account.name, counter)))) {
    return { status: 'wait', retryInMs: remaining + PERIOD_EDGE_SLACK_MS };
  }
  // Pushing back auto-lock need not delay the fill.
  void recordActivity(ctx).catch(() => undefined);
  const submit =
    account.submitAfterFill === 'default' ? settings.submitAfterFill : account.submitAfterFill === 'always';
  return {
    status: 'code',
    code: generateCode(account, now),
    digits: account.digits,
    account: account.name,
    submit,
    rememberDevice: settings.rememberDevice,
  };
}

/** "Stay signed in?" as the settings in the vault say; while it is locked, leave the question to the user. */
async function staySignedInAnswer(ctx: BackgroundContext): Promise<'ask' | 'yes' | 'no'> {
  const settings = await ctx.vault.settings();
  return settings.ok ? settings.value.staySignedIn : 'ask';
}

/** The code last handed to this tab was submitted: it is never handed out again. */
export function spendHandedCode(tabId: number): Promise<void> {
  return updateItem(codeLedgerItem, (ledger) => {
    const spending = Object.entries(ledger).filter(([, entry]) => entry.tabId === tabId && !entry.spent);
    if (spending.length === 0) return { value: ledger, result: undefined };
    const value = { ...ledger };
    for (const [accountId, entry] of spending) value[accountId] = { ...entry, spent: true };
    return { value, result: undefined };
  });
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
  const state = await ctx.vault.state();
  if (state === 'locked') {
    await setTabStatus(ctx, tabId, { state: 'waiting-unlock', at: ctx.now() });
    return { status: 'locked' };
  }
  // Settings are inside the vault (docs/SECURITY.md): read once it is open.
  const vault = await ctx.vault.open();
  if (!vault.ok) return { status: 'no' };
  const settings = mergeSettings(vault.value.contents.settings);
  if (!settings.autofill) {
    await setTabStatus(ctx, tabId, { state: 'disabled', at: ctx.now() });
    return { status: 'disabled' };
  }
  const pageAccount = pageAccountOf(rawPageAccount);
  const account = accountForPage(vault.value.contents.accounts, pageAccount);
  if (!account) {
    await setTabStatus(ctx, tabId, { state: 'no-match', pageAccount, at: ctx.now() });
    return { status: 'no' };
  }
  if (switching) {
    const override = account.codeInsteadOfPush ?? 'default';
    const allowed = override === 'default' ? settings.codeInsteadOfPush : override === 'always';
    if (!allowed) return { status: 'switch-off' };
  }
  return { status: 'yes' };
}

async function recordFillEvent(event: FillEvent, tabId: number, ctx: BackgroundContext): Promise<void> {
  const at = ctx.now();
  const text = (value: unknown) => String(value ?? '').slice(0, 256);
  switch (event?.kind) {
    case 'filled':
      await setTabStatus(ctx, tabId, {
        state: 'filled',
        account: text(event.account),
        submitted: event.submitted === true,
        at,
      });
      return;
    case 'wrong-code':
      await setTabStatus(ctx, tabId, {
        state: 'wrong-code',
        account: text(event.account),
        retrying: event.retrying === true,
        at,
      });
      return;
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
