import { browser } from 'wxt/browser';
import { lockIfIdle, lockOnScreenLock } from '@/lib/background/activity';
import { forgetHandedAccount } from '@/lib/background/code-ledger';
import { FILL_CODE_COMMAND, fillCodeInTab, forgetFillCommand } from '@/lib/background/commands';
import type { BackgroundContext, BadgeState } from '@/lib/background/context';
import { routeMessage } from '@/lib/background/router';
import { startRunnerInTab } from '@/lib/background/runner-script';
import { vaultRecordItem } from '@/lib/background/storage';
import { restrictStorageToTrustedContexts } from '@/lib/background/storage-access';
import { forgetTab } from '@/lib/background/tab-status';
import { VaultSession } from '@/lib/background/vault-session';
import { announceVaultWrites } from '@/lib/background/vault-written-notice';
import { clearClipboardIn } from '@/utils/clipboard-clear';

const AUTO_LOCK_ALARM = 'auto-lock';
const CLEAR_CLIPBOARD_ALARM = 'clear-clipboard';

const BADGES: Record<Exclude<BadgeState, null>, { text: string; color: string }> = {
  waiting: { text: '🔒', color: '#b45309' },
  'next-period': { text: '⏳', color: '#1d4ed8' },
  filled: { text: '✓', color: '#15803d' },
  attention: { text: '!', color: '#b91c1c' },
};

const OFFSCREEN_PATH = '/offscreen.html';

/** Firefox's background page has a DOM; Chrome's service worker has not and uses an offscreen document. */
const hasDom = typeof document !== 'undefined';

async function clearClipboardAfter(delayMs: number): Promise<void> {
  if (hasDom) {
    // Not a setTimeout: Firefox suspends an idle event page (30 s without events) and its timers
    // with it, so a 30-120 s delay after the popup closed never came. An alarm wakes the page.
    // Creating it again under the same name replaces it: a later copy restarts the delay.
    await browser.alarms.create(CLEAR_CLIPBOARD_ALARM, { when: Date.now() + delayMs });
    return;
  }
  const offscreen = browser.offscreen;
  if (!offscreen) return;
  const existing = await browser.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
  if (!existing?.length) {
    await offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['CLIPBOARD'],
      justification: 'Clear a copied verification code from the clipboard after the delay set in the options.',
    });
  }
  await browser.runtime.sendMessage({ type: 'offscreen:clear-clipboard', delayMs });
}

export default defineBackground(() => {
  // Firefox MV3 has action; MV2 builds have browserAction.
  const action = browser.action ?? browser.browserAction;
  const ctx: BackgroundContext = {
    vault: new VaultSession(),
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    async setBadge(tabId, state) {
      const badge = state ? BADGES[state] : null;
      await action.setBadgeText({ tabId, text: badge?.text ?? '' }).catch(() => undefined);
      if (badge) await action.setBadgeBackgroundColor({ tabId, color: badge.color }).catch(() => undefined);
    },
    async notifyTab(tabId, command) {
      await browser.tabs.sendMessage(tabId, command, { frameId: 0 });
    },
    startRunner: startRunnerInTab,
    clearClipboardAfter,
    async scheduleAutoLock(at) {
      await browser.alarms.clear(AUTO_LOCK_ALARM);
      // MV3 alarms fire no sooner than 30 s after being set (Chromium's minimum delay).
      if (at !== null) await browser.alarms.create(AUTO_LOCK_ALARM, { when: Math.max(at, Date.now() + 30_000) });
    },
  };
  const self = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };

  // Content scripts may not read or write our storage (Chrome; Firefox cannot: docs/SECURITY.md).
  // Chrome keeps the level per extension; setting it on every start costs nothing.
  void restrictStorageToTrustedContexts(browser.storage as Parameters<typeof restrictStorageToTrustedContexts>[0]);

  // Listeners are registered synchronously at top level: the worker is restarted often and an
  // async setup would miss the event that woke it.
  browser.runtime.onMessage.addListener((message, sender) => routeMessage(message, sender, self, ctx));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTO_LOCK_ALARM) void lockIfIdle(ctx);
    if (alarm.name === CLEAR_CLIPBOARD_ALARM && hasDom) clearClipboardIn(document);
  });
  // storage.session is emptied when the browser closes; locking again on startup is belt and braces.
  browser.runtime.onStartup.addListener(() => void ctx.vault.lock());
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === FILL_CODE_COMMAND) void fillCodeInTab(ctx, tab);
  });
  // "Lock when the computer locks": the idle API reports the OS screen lock as 'locked'.
  browser.idle.onStateChanged.addListener((state) => void lockOnScreenLock(ctx, state));
  // Pages showing accounts ask for them again after any write, from whichever page it came.
  announceVaultWrites(
    (onChange) => vaultRecordItem.watch(onChange),
    (notice) => browser.runtime.sendMessage(notice),
  );
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    void forgetHandedAccount(tabId);
    void forgetFillCommand(tabId);
  });
  // A new page in the tab starts with no status: the old one described the previous page.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void forgetTab(tabId).then(() => ctx.setBadge(tabId, null));
  });
});
