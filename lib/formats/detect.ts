import { looksLikeOtpauthLink } from '../otpauth-link';
import { looksLikeAegis } from './aegis';
import { looksLikeAuthenticatorExtension } from './authenticator-extension';
import { looksLikeBackup } from './backup';
import { looksLikeCsvHeader } from './entra-csv';
import { looksLikeMigrationLink } from './google-migration';
import type { JsonSyntaxError } from './json-syntax';
import { parseJson } from './json-values';
import { contentLines } from './otpauth-lines';
import type { ImportFormat } from './types';

export const UNKNOWN_FORMAT_MESSAGE =
  'MFA Autofill cannot read this file. It reads: an Entra OATH token CSV (first line upn,serial number,secret key,time interval,manufacturer,model); text with one otpauth:// link per line; Google Authenticator export links (otpauth-migration://); an unencrypted Aegis export; an Authenticator extension backup; an MFA Autofill backup.';

export type Detection = { ok: true; format: ImportFormat; json?: unknown } | { ok: false; error: string };

function notJsonMessage(at: JsonSyntaxError | null): string {
  if (!at) return 'This file looks like JSON but is not valid JSON.';
  const what =
    at.problem === 'unexpected-end' ? 'the file ends in the middle of a value' : 'a character that cannot be there';
  return `Line ${at.line}: this file looks like JSON but is not valid JSON (column ${at.column}: ${what}).`;
}

/**
 * Decides the format from the content alone (file names lie: Excel saves "x.csv.txt").
 * JSON is parsed here once and handed on, so nothing is parsed twice.
 */
export function detectFormat(text: string): Detection {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    const json = parseJson(text);
    if (!json.ok) return { ok: false, error: notJsonMessage(json.at) };
    if (looksLikeBackup(json.value)) return { ok: true, format: 'mfa-autofill-backup', json: json.value };
    if (looksLikeAegis(json.value)) return { ok: true, format: 'aegis', json: json.value };
    if (looksLikeAuthenticatorExtension(json.value)) {
      return { ok: true, format: 'authenticator-extension', json: json.value };
    }
    return { ok: false, error: UNKNOWN_FORMAT_MESSAGE };
  }

  const lines = contentLines(text);
  const first = lines[0]?.text ?? '';
  if (looksLikeOtpauthLink(first) || looksLikeMigrationLink(first)) {
    const onlyMigration = lines.every((l) => looksLikeMigrationLink(l.text));
    return { ok: true, format: onlyMigration ? 'google-migration' : 'otpauth-links' };
  }
  // Any other first line with commas is taken as a CSV header, right or wrong: the CSV
  // parser's "the first line must be …" helps more than "cannot read this file".
  if (looksLikeCsvHeader(first)) return { ok: true, format: 'entra-csv' };
  return { ok: false, error: UNKNOWN_FORMAT_MESSAGE };
}
