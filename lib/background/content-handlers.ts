/**
 * What a content script on a sign-in page may ask. It is untrusted: it gets a code or a status
 * for one account, never a secret or the account list. The tab comes from the checked sender.
 */
import { accountForPage } from '../accounts';
import type { CodeResponse, ContentRequest, FillEvent, HasAccountResponse, KmsiResponse } from '../messages';
import { mergeSettings } from '../settings';
import { generateCode, msRemaining } from '../totp';
import { recordActivity } from './activity';
import { leaseCode } from './code-lease';
import type { BackgroundContext } from './context';
import { fillCountersItem, settingsItem, updateItem } from './storage';
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
      return codeForPage(request.pageAccount, request.manual === true, tabId, ctx);
    case 'content:has-account':
      return hasAccount(request.pageAccount, tabId, ctx);
    case 'content:kmsi':
      return { status: 'answer', answer: mergeSettings(await settingsItem.getValue()).staySignedIn };
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
  tabId: number,
  ctx: BackgroundContext,
): Promise<CodeResponse> {
  const pageAccount = pageAccountOf(rawPageAccount);
  const now = ctx.now();
  // Read together: this answer is on the path from "field appears" to "code filled".
  const [storedSettings, vault] = await Promise.all([settingsItem.getValue(), ctx.vault.open()]);
  const settings = mergeSettings(storedSettings);
  if (!settings.autofill && !manual) {
    await setTabStatus(ctx, tabId, { state: 'disabled', at: now });
    return { status: 'disabled' };
  }
  if (!vault.ok) {
    const state = await ctx.vault.state();
    if (state === 'none') return { status: 'no-vault' };
    await setTabStatus(ctx, tabId, { state: 'waiting-unlock', at: now });
    return { status: 'locked' };
  }
  const account = accountForPage(vault.value.contents.accounts, pageAccount);
  if (!account) {
    await setTabStatus(ctx, tabId, { state: 'no-match', pageAccount, at: now });
    return { status: 'no-match', pageAccount };
  }

  const counter = Math.floor(now / (account.period * 1000));
  const remaining = msRemaining(account.period, now);
  // A code already handed out (rejected, or used by an earlier sign-in) is refused by the
  // server as a replay: wait for the next period rather than spend an attempt. Checked and
  // claimed in one update, so two tabs asking at once cannot both be handed it; then the QA
  // helper's machine-wide ledger, when one is configured, so other browsers cannot either.
  const claimed = await updateItem(fillCountersItem, (counters) => {
    const alreadyUsed = (counters[account.id] ?? -1) >= counter;
    if (alreadyUsed || remaining < MIN_CODE_LIFE_MS) return { value: counters, result: false };
    return { value: { ...counters, [account.id]: counter }, result: true };
  });
  if (!claimed || !(await leaseCode(account.name, counter))) {
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

async function hasAccount(rawPageAccount: unknown, tabId: number, ctx: BackgroundContext): Promise<HasAccountResponse> {
  const settings = mergeSettings(await settingsItem.getValue());
  if (!settings.autofill) return { status: 'disabled' };
  const state = await ctx.vault.state();
  if (state === 'locked') {
    await setTabStatus(ctx, tabId, { state: 'waiting-unlock', at: ctx.now() });
    return { status: 'locked' };
  }
  const accounts = await ctx.vault.accounts();
  if (!accounts.ok) return { status: 'no' };
  return accountForPage(accounts.value, pageAccountOf(rawPageAccount)) ? { status: 'yes' } : { status: 'no' };
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
    case 'not-totp':
    case 'no-field':
      await setTabStatus(ctx, tabId, { state: 'not-totp', reason: text(event.reason), at });
      return;
  }
}
