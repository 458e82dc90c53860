import type { ContentCommand } from '../messages';
import type { VaultSession } from './vault-session';

/** 'waiting': for the vault's unlock; 'next-period': for the next TOTP period's code. */
export type BadgeState = 'waiting' | 'next-period' | 'filled' | 'attention' | null;

/** What the handlers need from the outside world, passed in so they can be tested without a browser. */
export interface BackgroundContext {
  vault: VaultSession;
  now: () => number;
  newId: () => string;
  setBadge: (tabId: number, state: BadgeState) => Promise<void>;
  notifyTab: (tabId: number, command: ContentCommand) => Promise<void>;
  /** Runs the content script's runner in the tab's top frame (runner-script.ts); false when it could not. */
  startRunner: (tabId: number) => Promise<boolean>;
  /** (Re)arms the auto-lock alarm after activity; null disarms it. */
  scheduleAutoLock: (at: number | null) => Promise<void>;
  /** Empties the clipboard after `delayMs` (offscreen document in Chrome, background page in Firefox). */
  clearClipboardAfter: (delayMs: number) => Promise<void>;
}
