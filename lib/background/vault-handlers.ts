/** The vault area of what extension pages may ask. The sender and payload are checked before these run. */
import { fail } from '../problems';
import { type VaultReplies, vaultRequests } from '../protocol/vault';
import { recordActivity } from './activity';
import type { BackgroundContext } from './context';
import { pageArea } from './page-area';
import { forgetTab, tabsWaitingForUnlock } from './tab-status';

const DELETE_CONFIRMATION = 'DELETE';

export const vaultArea = pageArea<typeof vaultRequests, VaultReplies>(vaultRequests, {
  async 'vault:state'(_, { vault }) {
    return { ok: true, state: await vault.state() };
  },

  async 'vault:create'(request, ctx) {
    const created = await ctx.vault.create(request.passphrase, request.confirmation);
    if (!created.ok) return { ...created, field: 'passphrase' };
    await recordActivity(ctx);
    return { ok: true };
  },

  async 'vault:unlock'(request, ctx) {
    const unlocked = await ctx.vault.unlock(request.passphrase);
    if (!unlocked.ok) return { ...unlocked, field: 'passphrase' };
    await recordActivity(ctx);
    await wakeWaitingTabs(ctx);
    return { ok: true };
  },

  async 'vault:lock'(_, ctx) {
    await ctx.vault.lock();
    await ctx.scheduleAutoLock(null);
    return { ok: true };
  },

  async 'vault:change-passphrase'(request, { vault }) {
    const changed = await vault.changePassphrase(
      request.current,
      request.next,
      request.confirmation,
      request.iterations,
    );
    return changed.ok ? { ok: true } : changed;
  },

  async 'vault:delete'(request, ctx) {
    if (request.confirmation !== DELETE_CONFIRMATION) {
      return { ...fail('problemTypeDeleteToConfirm', DELETE_CONFIRMATION), field: 'confirmation' };
    }
    await ctx.vault.deleteVault();
    await ctx.scheduleAutoLock(null);
    return { ok: true };
  },
});

/** After an unlock, tabs whose prompt was waiting are told to ask again (filled without a reload). */
async function wakeWaitingTabs(ctx: BackgroundContext): Promise<void> {
  for (const tabId of await tabsWaitingForUnlock()) {
    await forgetTab(tabId);
    await ctx.setBadge(tabId, null).catch(() => undefined);
    await ctx.notifyTab(tabId, { type: 'bg:vault-unlocked' }).catch(() => undefined);
  }
}
