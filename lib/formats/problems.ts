/**
 * What can be wrong with one row of an import, and what an import notes, as codes with
 * parameters: this is what crosses the message boundary (docs/ARCHITECTURE.md, 'Problems and
 * words'). Only the page that shows a problem turns it into words (`describe.ts`, through
 * _locales), so a German user reads German and nothing ever matches a regular expression against
 * a sentence. No parameter ever holds text from the file beyond an account's name: never a
 * secret, never the text around a fault (docs/ARCHITECTURE.md, 'Import and export formats').
 * The problems with a whole file or an export form are in lib/problems.ts, with every other kind.
 */
import type { FieldProblem, LinkIssueCode } from '../problems';

export type { ExportProblem, ImportProblem, ImportProblemCode } from '../problems';
export { isExportProblem } from '../problems';

export type MigrationIssue = 'start' | 'no-data' | 'not-base64' | 'damaged' | 'batch' | 'no-accounts';

export type UnsupportedKind = 'hotp' | 'steam' | 'motp' | 'yandex' | 'battle' | 'other';

/** What is wrong with one row (a line, an entry). */
export type RowIssue =
  | FieldProblem
  /** An otpauth:// link whose own parameter is wrong: "The otpauth:// link has a bad secret: …". */
  | { code: 'link-field'; issue: FieldProblem }
  | { code: 'link'; issue: LinkIssueCode }
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

/** An account a plain export left out: Entra OATH tokens make 6-digit SHA1 codes only. */
export interface LeftOut {
  name: string;
  digits: number;
  algorithm: string;
}
