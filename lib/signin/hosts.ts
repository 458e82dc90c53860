/**
 * The Microsoft sign-in hosts we fill on (docs/ARCHITECTURE.md, 'Trust rules').
 * Exact names only: a look-alike such as login.microsoftonline.com.example.net never matches.
 */
export const SIGNIN_HOSTS = [
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
  'login.live.com',
] as const;

export type SigninHost = (typeof SIGNIN_HOSTS)[number];

/**
 * Personal (Microsoft account) sign-in: a newer React UI without the SAOTCC ids
 * (docs/ARCHITECTURE.md, 'Microsoft sign-in pages').
 */
export const LIVE_HOST: SigninHost = 'login.live.com';

/** True for an https URL whose host is exactly one of the sign-in hosts (default port only). */
export function isSigninUrl(url: string | URL | undefined | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    (SIGNIN_HOSTS as readonly string[]).includes(parsed.hostname)
  );
}

export const SIGNIN_MATCH_PATTERNS = SIGNIN_HOSTS.map((host) => `https://${host}/*`);
