/**
 * How a screen report (screen-report.ts) keeps people's data out of what it says
 * (docs/SECURITY.md, 'Screen reports'): every e-mail address, phone number and digit run in a
 * heading or button label is masked; identifiers (ids, names, classes, `data-testid`) keep
 * their short numbers (`i0116`, `floatingLabelInput5`) but lose addresses, phone numbers and
 * any run of digits as long as a code.
 */

/** Anything around an `@` is an address, masked or not (`jo*****@fabrikam.com` too). */
const ADDRESS = /[^\s@<>()[\]"',;:]*@[^\s@<>()[\]"',;:]+/g;
/** Digits with the separators phone numbers are written with; seven digits or more make a phone number. */
const DIGIT_GROUP = /\+?\(?\d[\d\s().-]*\d/g;
const PHONE_DIGITS = 7;
const DIGITS = /\d/g;
/** As long as the shortest code a sign-in page asks for would be 6; 5 leaves a margin. */
const LONG_DIGIT_RUN = /\d{5,}/g;

export const MASKED_ADDRESS = '{email}';
export const MASKED_PHONE = '{phone}';
export const MASKED_DIGIT = '#';

/** Headings and labels are cut to this many characters: enough to recognise, too short for a paragraph. */
export const MAX_LABEL = 120;
const MAX_IDENTIFIER = 100;

function withoutAddressesAndPhones(text: string, accounts: readonly string[]): string {
  let masked = text;
  for (const account of accounts) {
    if (account.length >= 3) masked = masked.split(account).join(MASKED_ADDRESS);
  }
  return masked
    .replace(ADDRESS, MASKED_ADDRESS)
    .replace(DIGIT_GROUP, (group) => (group.replace(/\D/g, '').length >= PHONE_DIGITS ? MASKED_PHONE : group));
}

/**
 * A heading or button label as a report may hold it: addresses, phone numbers and every digit
 * masked, white space collapsed, cut to MAX_LABEL. `accounts` are names known to be on the page
 * (the banner, `$Config.sPOST_Username`), masked wherever they appear.
 */
export function maskLabel(text: string, accounts: readonly string[] = []): string | null {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed === '') return null;
  return withoutAddressesAndPhones(collapsed, accounts).replace(DIGITS, MASKED_DIGIT).slice(0, MAX_LABEL);
}

/** An id, name, class or other identifier: addresses, phone numbers and code-long digit runs masked. */
export function maskIdentifier(value: string, accounts: readonly string[] = []): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return withoutAddressesAndPhones(trimmed, accounts)
    .replace(LONG_DIGIT_RUN, (run) => MASKED_DIGIT.repeat(run.length))
    .slice(0, MAX_IDENTIFIER);
}

/** An enumeration value (`pgid`, `authMethodId`): a plain identifier, or nothing. */
export function enumerationValue(value: unknown): string | null {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(value) ? value : null;
}

/** A server page (`post.srf`, `login.aspx`) rather than a tenant's domain name in the path. */
const PAGE_FILE = /^[\w-]+\.(srf|aspx?|html?|php|jsp)$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function pathSegment(encoded: string): string {
  let segment: string;
  try {
    segment = decodeURIComponent(encoded);
  } catch {
    return '';
  }
  if (GUID.test(segment)) return '{tenant-id}';
  if (segment.includes('@') || (segment.includes('.') && !PAGE_FILE.test(segment))) return '{tenant}';
  return maskIdentifier(segment) ?? '';
}

/**
 * An https page's address as a report may hold it: scheme, host and path, a path segment that
 * names a tenant (a GUID, a domain) masked; never a query or a fragment. '' for anything else.
 */
export function reportedUrl(href: string | undefined): string {
  if (!href) return '';
  try {
    const url = new URL(href);
    if (url.protocol !== 'https:') return '';
    return `https://${url.host}${url.pathname.split('/').map(pathSegment).join('/')}`;
  } catch {
    return '';
  }
}
