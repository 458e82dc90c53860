/**
 * Firefox MV3 treats host permissions as the user's to grant (Chromium grants them at install):
 * without them the content script is not injected and nothing is filled. Pages check and ask.
 */
import { SIGNIN_MATCH_PATTERNS } from './signin/hosts';

/** The slice of `browser.permissions` these functions use, so tests can pass their own. */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
}

const SIGNIN_ORIGINS = { origins: [...SIGNIN_MATCH_PATTERNS] };

export function hasSigninHostAccess(permissions: PermissionsApi): Promise<boolean> {
  return permissions.contains(SIGNIN_ORIGINS);
}

/** Must run in a user gesture (a click), or the browser refuses to ask. */
export function requestSigninHostAccess(permissions: PermissionsApi): Promise<boolean> {
  return permissions.request(SIGNIN_ORIGINS);
}
