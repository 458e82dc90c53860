/**
 * Where the content script works at all: only an exact allowlisted https host, in the top frame,
 * and never the device-code page (docs/ARCHITECTURE.md, 'Fill rules'). Both stages check it
 * (docs/ARCHITECTURE.md, 'Content script').
 */
import { isSigninUrl } from '../signin/hosts';
import { isNeverFillUrl } from '../signin/never-fill';

export function mayAutofill(url: string, isTopFrame: boolean): boolean {
  return isTopFrame && isSigninUrl(url) && !isNeverFillUrl(url);
}
