import { isSigninUrl } from '../signin/hosts';
import type { BackgroundContext } from './context';

/** The keyboard command "Fill verification code" (manifest `commands`), named once for both places. */
export const FILL_CODE_COMMAND = 'fill-code';

/**
 * Fills on demand in the active tab, also when automatic filling is off. Only a sign-in tab is
 * told; the content script then asks for the code like any fill, through the sender checks.
 */
export async function fillCodeInTab(
  ctx: BackgroundContext,
  tab: { id?: number; url?: string } | undefined,
): Promise<boolean> {
  if (typeof tab?.id !== 'number' || !isSigninUrl(tab.url)) return false;
  await ctx.notifyTab(tab.id, { type: 'bg:fill-now' });
  return true;
}
