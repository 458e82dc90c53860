/** The settings area of what extension pages may ask. The sender and payload are checked before these run. */
import { type SettingsReplies, settingsRequests } from '../protocol/settings';
import { recordActivity } from './activity';
import { pageArea } from './page-area';
import { getTabStatus } from './tab-status';

export const settingsArea = pageArea<typeof settingsRequests, SettingsReplies>(settingsRequests, {
  /** Settings are inside the vault: readable and changeable only while it is unlocked. */
  async 'settings:get'(_, { vault }) {
    const settings = await vault.settings();
    if (!settings.ok) return settings;
    return { ok: true, settings: settings.value, iterations: await vault.iterationsInUse() };
  },

  async 'settings:set'(request, ctx) {
    const settings = await ctx.vault.changeSettings(request.changes);
    if (!settings.ok) return settings;
    await recordActivity(ctx);
    return { ok: true, settings: settings.value };
  },

  async 'tab:status'(request) {
    return { ok: true, status: await getTabStatus(request.tabId) };
  },
});
