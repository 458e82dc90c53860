/** The settings area of what extension pages may ask. The sender and payload are checked before these run. */
import { type SettingsReplies, settingsRequests } from '../protocol/settings';
import { mergeSettings } from '../settings';
import { recordActivity } from './activity';
import { pageArea } from './page-area';
import { settingsItem } from './storage';
import { getTabStatus } from './tab-status';

export const settingsArea = pageArea<typeof settingsRequests, SettingsReplies>(settingsRequests, {
  async 'settings:get'(_, { vault }) {
    return {
      ok: true,
      settings: mergeSettings(await settingsItem.getValue()),
      iterations: await vault.iterationsInUse(),
    };
  },

  async 'settings:set'(request, ctx) {
    const settings = mergeSettings(await settingsItem.getValue(), request.changes);
    await settingsItem.setValue(settings);
    if ((await ctx.vault.state()) === 'unlocked') await recordActivity(ctx);
    return { ok: true, settings };
  },

  async 'tab:status'(request) {
    return { ok: true, status: await getTabStatus(request.tabId) };
  },
});
