import { browser } from 'wxt/browser';
import { hasSigninHostAccess, requestSigninHostAccess } from '@/lib/host-permissions';

/** Calls `onChange` with whether we may run on the sign-in pages, now and on every change; returns the unsubscribe. */
export function watchSigninHostAccess(onChange: (granted: boolean) => void): () => void {
  void hasSigninHostAccess(browser.permissions).then(onChange);
  const update = () => void hasSigninHostAccess(browser.permissions).then(onChange);
  browser.permissions.onAdded?.addListener(update);
  browser.permissions.onRemoved?.addListener(update);
  return () => {
    browser.permissions.onAdded?.removeListener(update);
    browser.permissions.onRemoved?.removeListener(update);
  };
}

/** Asks the user for the sign-in pages. Must run in a user gesture (a click). */
export function askSigninHostAccess(): Promise<boolean> {
  return requestSigninHostAccess(browser.permissions);
}
