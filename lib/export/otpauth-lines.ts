import type { Account } from '../accounts';
import { formatOtpauthLink } from '../import/otpauth-uri';

export type LinkExportAccount = Pick<Account, 'name' | 'issuer' | 'secret' | 'digits' | 'period' | 'algorithm'>;

/**
 * One otpauth:// link per line, which most authenticator apps and our own import read.
 * Notes and pins have no place in a link and are left out.
 */
export function exportOtpauthLinks(accounts: readonly LinkExportAccount[]): string {
  return accounts.map((a) => `${formatOtpauthLink(a)}\n`).join('');
}
