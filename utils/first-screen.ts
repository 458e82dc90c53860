/**
 * The popup's first request to the background. popup.html sends it from a classic script in its
 * head (public/popup-first-request.js) while the page is still being parsed, before the popup's
 * modules are fetched and evaluated; the app picks the pending reply up here. README.md,
 * 'Performance', has the measurements.
 */
import { browser } from 'wxt/browser';
import type { PageReplies, PageRequest } from '@/lib/messages';

/**
 * Rows asked for, with their codes, when the popup opens: more than fit in view, so the first
 * screenful is complete from the first reply. The rest of the list follows without codes.
 */
const FIRST_SCREEN_ROWS = 12;

/** Most opens find the vault unlocked; then this one round trip brings the first screenful with its codes. */
export const FIRST_SCREEN_REQUEST = {
  type: 'accounts:list',
  limit: FIRST_SCREEN_ROWS,
  codesFor: FIRST_SCREEN_ROWS,
} as const satisfies PageRequest;

export type FirstScreenReply = PageReplies['accounts:list'];

/** The reply or why there is none, never a rejected promise (nothing waits for it at first). */
export type PendingFirstScreen = Promise<{ reply: unknown } | { error: unknown }>;

/** Where public/popup-first-request.js leaves its pending reply. */
const SENT_EARLY = 'mfaFirstScreen';

/**
 * The reply to the request sent early, taken once; or, where the page did not send it (the
 * script missing or blocked), the request sent now.
 */
export function takeFirstScreen(): PendingFirstScreen {
  const scope = globalThis as { [SENT_EARLY]?: PendingFirstScreen };
  const early = scope[SENT_EARLY];
  delete scope[SENT_EARLY];
  if (early) return early;
  return browser.runtime.sendMessage(FIRST_SCREEN_REQUEST).then(
    (reply) => ({ reply }),
    (error: unknown) => ({ error }),
  );
}
