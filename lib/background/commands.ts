import { isSigninUrl } from '../signin/hosts';
import type { BackgroundContext } from './context';
import { fillCommandItem, updateItem } from './storage';

/** The keyboard command "Fill verification code" (manifest `commands`), named once for both places. */
export const FILL_CODE_COMMAND = 'fill-code';

/**
 * How long after the command a code request from its tab counts as asked for by the user: the
 * content script asks at once, so a few seconds cover a loaded machine.
 */
export const FILL_COMMAND_WINDOW_MS = 5_000;

/**
 * Fills on demand in the active tab, also when automatic filling is off. Only a sign-in tab is
 * told; the content script then asks for the code like any fill, through the sender checks. The
 * background notes that it saw the command for this tab: a "manual" flag in the content script's
 * request is a claim, and only this note makes it true (docs/SECURITY.md).
 */
export async function fillCodeInTab(
  ctx: BackgroundContext,
  tab: { id?: number; url?: string } | undefined,
): Promise<boolean> {
  if (typeof tab?.id !== 'number' || !isSigninUrl(tab.url)) return false;
  await allowManualFill(tab.id, ctx.now() + FILL_COMMAND_WINDOW_MS);
  // Only the runner listens, and it runs only on a page that shows something to act on
  // (docs/ARCHITECTURE.md, 'Content script'): elsewhere nobody answers and there is nothing to fill.
  await ctx.notifyTab(tab.id, { type: 'bg:fill-now' }).catch(() => undefined);
  return true;
}

/**
 * Code requests from `tabId` count as the keyboard command's until `until`. Also used to carry
 * the command over a wait: a code with too little life left is handed out at the next period.
 */
export function allowManualFill(tabId: number, until: number): Promise<void> {
  return updateItem(fillCommandItem, (all) => {
    if ((all[tabId] ?? 0) >= until) return { value: all, result: undefined };
    return { value: { ...all, [tabId]: until }, result: undefined };
  });
}

/** True when the background itself saw the keyboard command for this tab recently enough. */
export async function sawFillCommand(tabId: number, now: number): Promise<boolean> {
  return ((await fillCommandItem.getValue())[tabId] ?? 0) >= now;
}

/** The tab is closed. */
export function forgetFillCommand(tabId: number): Promise<void> {
  return updateItem(fillCommandItem, (all) => {
    if (!(tabId in all)) return { value: all, result: undefined };
    const { [tabId]: _gone, ...rest } = all;
    return { value: rest, result: undefined };
  });
}
