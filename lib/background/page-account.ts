/**
 * The vault's account for the account a sign-in page names, with the settings in force: the one
 * lookup behind both content requests that concern an account ("the code for it", "can you
 * answer for it"). What is not there becomes the tab's status here, once, in one order.
 */
import { type Account, accountForPage } from '../accounts';
import { mergeSettings, type Settings } from '../settings';
import type { BackgroundContext } from './context';
import { setTabStatus } from './tab-status';

export type PageAccount =
  | { ok: true; account: Account; settings: Settings }
  | { ok: false; status: 'no-vault' | 'refused' | 'locked' | 'disabled' }
  | { ok: false; status: 'no-match'; pageAccount: string | null };

/** The name a page sends, trimmed and bounded: a page can send anything. */
export function pageAccountOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 256) : null;
}

/**
 * `evenWhenOff`: the user asked for this fill themselves (the keyboard command, as the
 * background saw it), so "Fill codes automatically" being off does not stop it.
 */
export async function resolvePageAccount(
  rawPageAccount: unknown,
  evenWhenOff: boolean,
  tabId: number,
  ctx: BackgroundContext,
): Promise<PageAccount> {
  // Settings are inside the vault (docs/SECURITY.md): while it is locked, whether to fill is not
  // known yet, so the tab waits for the unlock and asks again then.
  const vault = await ctx.vault.open();
  if (!vault.ok) {
    const state = await ctx.vault.state();
    if (state === 'none') return { ok: false, status: 'no-vault' };
    if (state === 'unlocked') return { ok: false, status: 'refused' }; // damaged: fill nothing
    await setTabStatus(ctx, tabId, { state: 'waiting-unlock', at: ctx.now() });
    return { ok: false, status: 'locked' };
  }
  const settings = mergeSettings(vault.value.contents.settings);
  if (!settings.autofill && !evenWhenOff) {
    await setTabStatus(ctx, tabId, { state: 'disabled', at: ctx.now() });
    return { ok: false, status: 'disabled' };
  }
  const pageAccount = pageAccountOf(rawPageAccount);
  const account = accountForPage(vault.value.contents.accounts, pageAccount);
  if (!account) {
    await setTabStatus(ctx, tabId, { state: 'no-match', pageAccount, at: ctx.now() });
    return { ok: false, status: 'no-match', pageAccount };
  }
  return { ok: true, account, settings };
}
