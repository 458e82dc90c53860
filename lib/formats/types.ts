import type { AccountField, SubmitOverride, ValidAccount } from '../accounts';
import type { ImportNotice, ImportProblem, RowIssue } from './problems';

/** The formats `parseImport` reads (issue "Import and export", ways in). */
export type ImportFormat =
  | 'entra-csv'
  | 'otpauth-links'
  | 'google-migration'
  | 'aegis'
  | 'authenticator-extension'
  | 'mfa-autofill-backup';

/**
 * Where a row came from, as the user can find it: a 1-based line of the file (the CSV
 * header is line 1), a 1-based entry of a JSON file or of a migration link, or both for a
 * migration link on line N of a text with several. Empty for a QR code's single link.
 */
export interface RowLocation {
  line?: number;
  entry?: number;
}

export interface RowProblem {
  /** Our field the problem is about; null for the row as a whole (too few columns, HOTP, …). */
  field: AccountField | null;
  /** The file's own name for that field when it differs from the Add form's ("upn", "time interval"). */
  column?: string;
  /** What is wrong, as a code with parameters (`describe.ts` words it). */
  issue: RowIssue;
}

/** A row that passed the Add form's validation. `pinned` and the two overrides come only from our own backup. */
export interface IncomingAccount extends ValidAccount {
  where: RowLocation;
  pinned?: boolean;
  submitAfterFill?: SubmitOverride;
  codeInsteadOfPush?: SubmitOverride;
}

export interface InvalidRow {
  where: RowLocation;
  /** The entry's name, when the location alone does not identify it (JSON and migration entries). */
  label?: string;
  problems: RowProblem[];
}

/** A file's rows, sorted into those that passed validation and those that did not. */
export interface ParsedRows {
  ok: true;
  valid: IncomingAccount[];
  invalid: InvalidRow[];
  notices: ImportNotice[];
}

/** What one format's parser makes of a whole file: rows, or a problem with the file itself. */
export type FileParse = ParsedRows | { ok: false; problem: ImportProblem };

/**
 * The outcome of reading an import, before anything changes. Exactly one of: `error` set
 * (nothing to import), `needsPassphrase` with no error (our encrypted backup, ask for the
 * passphrase and parse again), or rows in `valid`/`invalid`.
 */
export interface ImportParse {
  /** null when the content was not recognised. */
  format: ImportFormat | null;
  /** A problem with the whole file (empty, too large, unknown, wrong passphrase); rows are then empty. */
  error: ImportProblem | null;
  /** Our encrypted backup without (or with the wrong) passphrase: show the "Backup passphrase" field. */
  needsPassphrase: boolean;
  valid: IncomingAccount[];
  invalid: InvalidRow[];
  /** Worth saying but not errors, e.g. that a Google export came in several QR codes and some are missing. */
  notices: ImportNotice[];
}
