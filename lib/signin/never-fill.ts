/**
 * Pages on the sign-in hosts that have a code input that is not a TOTP prompt
 * (docs/ARCHITECTURE.md, 'Microsoft sign-in pages'): the device-code page asks for a code shown on
 * another device, and must never be filled.
 */
const NEVER_FILL_PATH = /\/oauth2\/(v2\.0\/)?deviceauth\b|^\/devicelogin\b/i;

export function isNeverFillUrl(url: string | URL): boolean {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return true;
  }
  return NEVER_FILL_PATH.test(parsed.pathname);
}
