import { looksLikeOtpauthLink } from '../otpauth-link';
import { looksLikeAegis } from './aegis';
import { looksLikeAuthenticatorExtension } from './authenticator-extension';
import { looksLikeBackup } from './backup';
import { looksLikeCsvHeader } from './entra-csv';
import { looksLikeMigrationLink } from './google-migration';
import type { JsonSyntaxError } from './json-syntax';
import { parseJson } from './json-values';
import { contentLines } from './otpauth-lines';
import type { ImportProblem } from './problems';
import type { ImportFormat } from './types';

export type Detection = { ok: true; format: ImportFormat; json?: unknown } | { ok: false; problem: ImportProblem };

const UNKNOWN: Detection = { ok: false, problem: { code: 'unknown-format' } };

function notJson(at: JsonSyntaxError | null): ImportProblem {
  return at ? { code: 'json', ...at } : { code: 'json-unlocated' };
}

/**
 * Decides the format from the content alone (file names lie: Excel saves "x.csv.txt").
 * JSON is parsed here once and handed on, so nothing is parsed twice.
 */
export function detectFormat(text: string): Detection {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    const json = parseJson(text);
    if (!json.ok) return { ok: false, problem: notJson(json.at) };
    if (looksLikeBackup(json.value)) return { ok: true, format: 'mfa-autofill-backup', json: json.value };
    if (looksLikeAegis(json.value)) return { ok: true, format: 'aegis', json: json.value };
    if (looksLikeAuthenticatorExtension(json.value)) {
      return { ok: true, format: 'authenticator-extension', json: json.value };
    }
    return UNKNOWN;
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
  return UNKNOWN;
}
