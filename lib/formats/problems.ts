/**
 * What can be wrong with an import or export, as codes with parameters: this is what crosses
 * the message boundary (issue #14.11). Only the page that shows a problem turns it into words
 * (`describe.ts`, through _locales), so a German user reads German and nothing ever matches a
 * regular expression against a sentence. No parameter ever holds text from the file beyond an
 * account's name: never a secret, never the text around a fault (issue #14.3).
 */

/** A problem with the whole file: nothing in it can be imported. */
export type ImportProblem =
  | { code: 'too-large'; megabytes: string; limit: number }
  | { code: 'empty' }
  | { code: 'not-text' }
  | { code: 'utf16' }
  | { code: 'image' }
  | { code: 'unknown-format' }
  | { code: 'json'; line: number; column: number; problem: 'unexpected-character' | 'unexpected-end' }
  | { code: 'json-unlocated' }
  | { code: 'csv-no-header' }
  /** `column` is one of ours ("upn", …) or absent when the file repeats a column of its own. */
  | { code: 'csv-duplicate-column'; column?: string }
  | { code: 'csv-missing-columns'; columns: string[] }
  | { code: 'no-accounts' }
  | { code: 'not-aegis' }
  | { code: 'aegis-encrypted' }
  | { code: 'aegis-no-entries' }
  | { code: 'not-authenticator' }
  | { code: 'authenticator-encrypted' }
  | { code: 'backup-damaged' }
  | { code: 'backup-newer'; version: number }
  | { code: 'backup-wrong-passphrase' }
  | { code: 'backup-changed' }
  | { code: 'image-empty' }
  | { code: 'image-damaged' }
  | { code: 'image-too-large'; width: number; height: number }
  | { code: 'image-not-png-or-jpeg' }
  | { code: 'no-qr-code' }
  | { code: 'qr-not-authenticator' }
  /** The message carried nothing to import, or bytes that do not decode. */
  | { code: 'nothing-to-import' }
  | { code: 'unreadable' }
  /** "import:apply" of a file with bad rows, without "import only the valid ones". */
  | { code: 'rows-have-errors'; failed: number; valid: number };

export type ImportProblemCode = ImportProblem['code'];

/** What is wrong with one value, as the Add form's rules see it. */
export type FieldIssue =
  | { code: 'name-empty' }
  | { code: 'name-too-long'; length: number; max: number }
  | { code: 'secret-empty' }
  | { code: 'secret-not-base32'; count: number }
  | { code: 'secret-too-long'; length: number; max: number }
  | { code: 'secret-too-short'; length: number; min: number }
  /** `value` only when it is a short number: a value from the file is never repeated otherwise. */
  | { code: 'digits'; value?: number }
  | { code: 'period'; value?: number }
  | { code: 'period-empty' }
  | { code: 'algorithm'; value?: 'MD5' };

export type LinkIssue = 'not-url' | 'hotp' | 'not-totp' | 'label' | 'no-secret';

export type MigrationIssue = 'start' | 'no-data' | 'not-base64' | 'damaged' | 'batch' | 'no-accounts';

export type UnsupportedKind = 'hotp' | 'steam' | 'motp' | 'yandex' | 'battle' | 'other';

/** What is wrong with one row (a line, an entry). */
export type RowIssue =
  | FieldIssue
  /** An otpauth:// link whose own parameter is wrong: "The otpauth:// link has a bad secret: …". */
  | { code: 'link-field'; issue: FieldIssue }
  | { code: 'link'; issue: LinkIssue }
  | { code: 'secret-is-link' }
  | { code: 'csv-quote' }
  | { code: 'csv-width'; values: number; columns: number }
  | { code: 'not-an-account' }
  | { code: 'unsupported-type'; kind: UnsupportedKind }
  | { code: 'unknown-type'; type: number }
  | { code: 'hex-not-bytes' }
  | { code: 'migration'; issue: MigrationIssue }
  | { code: 'not-a-link' };

export type ImportNotice =
  /** Google split the export over `size` QR codes; `have` and `missing` are 1-based code numbers. */
  { code: 'missing-batch'; size: number; have: number[]; missing: number[] } | { code: 'backup-passphrase-needed' };

/** A problem of the export forms. */
export type ExportProblem =
  | { code: 'backup-passphrase-empty' }
  | { code: 'backup-passphrase-short'; length: number; min: number }
  | { code: 'backup-passphrase-mismatch' }
  | { code: 'plain-not-acknowledged' }
  | { code: 'plain-unknown-kind' }
  /** The options page's account table sent an empty selection. */
  | { code: 'nothing-selected' };

/** Every export problem's code, so a problem is told apart by its code alone (lib/problems.ts). */
const EXPORT_PROBLEM_CODES: Readonly<Record<ExportProblem['code'], true>> = {
  'backup-passphrase-empty': true,
  'backup-passphrase-short': true,
  'backup-passphrase-mismatch': true,
  'plain-not-acknowledged': true,
  'plain-unknown-kind': true,
  'nothing-selected': true,
};

export function isExportProblem(problem: { code: string }): problem is ExportProblem {
  return Object.hasOwn(EXPORT_PROBLEM_CODES, problem.code);
}

/** An account a plain export left out: Entra OATH tokens make 6-digit SHA1 codes only. */
export interface LeftOut {
  name: string;
  digits: number;
  algorithm: string;
}
