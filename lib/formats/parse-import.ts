import { looksLikeOtpauthLink } from '../otpauth-link';
import { parseAegisJson } from './aegis';
import { parseAuthenticatorExtensionJson } from './authenticator-extension';
import { openEncryptedBackup } from './backup';
import { detectFormat } from './detect';
import { parseEntraCsv } from './entra-csv';
import { readImportContent } from './file-content';
import { looksLikeMigrationLink } from './google-migration';
import { parseLinkLines } from './otpauth-lines';
import { decodeQrCode, type Pixels } from './qr';
import type { FileParse, ImportFormat, ImportParse, RowLocation } from './types';

export interface ParseImportOptions {
  /** For our encrypted backup; without it the parse asks for it (`needsPassphrase`). */
  backupPassphrase?: string;
}

function fileError(format: ImportFormat | null, error: string, needsPassphrase = false): ImportParse {
  return { format, error, needsPassphrase, valid: [], invalid: [], notices: [] };
}

function fromFileParse(format: ImportFormat, parse: FileParse): ImportParse {
  if (!parse.ok) return fileError(format, parse.error);
  if (parse.valid.length === 0 && parse.invalid.length === 0) return fileError(format, 'The file holds no accounts.');
  return { format, error: null, needsPassphrase: false, ...parse };
}

async function parseBackup(json: unknown, passphrase: string): Promise<ImportParse> {
  const opened = await openEncryptedBackup(json, passphrase);
  if (opened.ok) return fromFileParse('mfa-autofill-backup', opened);
  // Not an error yet: the options page shows the "Backup passphrase" field with this notice.
  if (opened.reason === 'passphrase-needed') {
    return {
      format: 'mfa-autofill-backup',
      error: null,
      needsPassphrase: true,
      valid: [],
      invalid: [],
      notices: [opened.error],
    };
  }
  return fileError('mfa-autofill-backup', opened.error, opened.reason === 'wrong-passphrase');
}

/**
 * Reads a whole import — a file's bytes, or text from a file, a paste or a QR code — and
 * validates every row; changes nothing. Show `previewImport(accounts, result)`, then merge
 * with `mergeImport`. Everything in the result is plain text, never markup.
 */
export async function parseImport(content: string | Uint8Array, opts: ParseImportOptions = {}): Promise<ImportParse> {
  const text = readImportContent(content);
  if (!text.ok) return fileError(null, text.error);
  const detected = detectFormat(text.value);
  if (!detected.ok) return fileError(null, detected.error);
  const { format, json } = detected;
  switch (format) {
    case 'entra-csv':
      return fromFileParse(format, parseEntraCsv(text.value));
    case 'otpauth-links':
    case 'google-migration':
      return fromFileParse(format, parseLinkLines(text.value));
    case 'aegis':
      return fromFileParse(format, parseAegisJson(json));
    case 'authenticator-extension':
      return fromFileParse(format, parseAuthenticatorExtensionJson(json));
    case 'mfa-autofill-backup':
      return parseBackup(json, opts.backupPassphrase ?? '');
  }
}

export const NOT_AN_AUTHENTICATOR_QR =
  'The QR code holds something other than an authenticator link (otpauth:// or otpauth-migration://).';

/**
 * A QR code image — a capture of the registration page, a photo, a pasted or loaded image —
 * as RGBA pixels (an `ImageData`): decode it, then read its text like a pasted link. Rows
 * carry no line number (there is one link); a migration code's entries keep their numbers.
 */
export async function parseQrImage(image: Pixels): Promise<ImportParse> {
  const decoded = decodeQrCode(image);
  if (!decoded.ok) return fileError(null, decoded.error);
  const text = decoded.value.trim();
  if (!looksLikeOtpauthLink(text) && !looksLikeMigrationLink(text)) return fileError(null, NOT_AN_AUTHENTICATOR_QR);
  const parse = await parseImport(text);
  const withoutLine = <T extends { where: RowLocation }>(row: T): T => {
    const { line: _line, ...where } = row.where;
    return { ...row, where };
  };
  return { ...parse, valid: parse.valid.map(withoutLine), invalid: parse.invalid.map(withoutLine) };
}
