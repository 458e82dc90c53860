import { looksLikeOtpauthLink } from '../otpauth-link';
import { looksLikeMigrationLink } from './google-migration';

/** Whether a QR code's text is something to import: an otpauth:// or otpauth-migration:// link. */
export function isAuthenticatorLink(text: string): boolean {
  const trimmed = text.trim();
  return looksLikeOtpauthLink(trimmed) || looksLikeMigrationLink(trimmed);
}
