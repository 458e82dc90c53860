import { parseAegisJson } from './aegis';
import { parseAuthenticatorExtensionJson } from './authenticator-extension';
import { openEncryptedBackup } from './backup';
import { detectFormat } from './detect';
import { parseEntraCsv } from './entra-csv';
import { readImportContent } from './file-content';
import { parseLinkLines } from './otpauth-lines';
import type { ImportProblem } from './problems';
import { isAuthenticatorLink } from './qr-text';
import type { FileParse, ImportFormat, ImportParse, RowLocation } from './types';

export interface ParseImportOptions {
  /** For our encrypted backup; without it the parse asks for it (`needsPassphrase`). */
  backupPassphrase?: string;
}

function fileError(format: ImportFormat | null, error: ImportProblem, needsPassphrase = false): ImportParse {
  return { format, error, needsPassphrase, valid: [], invalid: [], notices: [] };
}

function fromFileParse(format: ImportFormat, parse: FileParse): ImportParse {
  if (!parse.ok) return fileError(format, parse.problem);
  if (parse.valid.length === 0 && parse.invalid.length === 0) return fileError(format, { code: 'no-accounts' });
  return { format, error: null, needsPassphrase: false, ...parse };
}

async function parseBackup(json: unknown, passphrase: string): Promise<ImportParse> {
  const opened = await openEncryptedBackup(json, passphrase);
  if (opened.ok) return fromFileParse('mfa-autofill-backup', opened);
  // Not an error yet: the options page shows the "Backup passphrase" field with this notice.
  if (opened.passphraseNeeded) {
    return {
      format: 'mfa-autofill-backup',
      error: null,
      needsPassphrase: true,
      valid: [],
      invalid: [],
      notices: [{ code: 'backup-passphrase-needed' }],
    };
  }
  return fileError('mfa-autofill-backup', opened.problem, opened.problem.code === 'backup-wrong-passphrase');
}

/**
 * Reads a whole import — a file's bytes, or text from a file, a paste or a QR code — and
 * validates every row; changes nothing. Show `previewImport(accounts, result)`, then merge
 * with `mergeImport`. Problems are codes (`problems.ts`), worded by the page that shows them.
 */
export async function parseImport(content: string | Uint8Array, opts: ParseImportOptions = {}): Promise<ImportParse> {
  const text = readImportContent(content);
  if (!text.ok) return fileError(null, text.problem);
  const detected = detectFormat(text.value);
  if (!detected.ok) return fileError(null, detected.problem);
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

/**
 * The text of a QR code (decoded in the page that has the image, `readQrImage`): read like a
 * pasted link, but rows carry no line number (there is one link); a migration code's entries
 * keep their numbers.
 */
export async function parseQrText(text: string): Promise<ImportParse> {
  if (!isAuthenticatorLink(text)) return fileError(null, { code: 'qr-not-authenticator' });
  const parse = await parseImport(text.trim());
  const withoutLine = <T extends { where: RowLocation }>(row: T): T => {
    const { line: _line, ...where } = row.where;
    return { ...row, where };
  };
  return { ...parse, valid: parse.valid.map(withoutLine), invalid: parse.invalid.map(withoutLine) };
}
