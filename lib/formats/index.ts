/**
 * "Import and export": every format's reader and writer (lib/formats/<format>.ts).
 * Import, for the background and the options page:
 * `parseImport` / `parseQrText` → `previewImport` (show it, collect conflict choices) →
 * `mergeImport` (one vault write). Problems and outcomes are codes (`problems.ts`), worded by
 * the page that shows them (`describe.ts`). The QR decoder (`qr.ts`, jsQR) is not exported
 * here: only the pages that hold an image load it, never the background. Export: each writer takes the
 * accounts and returns the file's text; the options page offers it as a download
 * (`exportFile` names it). Nothing here touches storage.
 */

export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupAccount,
  type BackupOptions,
  createEncryptedBackup,
  MIN_BACKUP_PASSPHRASE_LENGTH,
  validateBackupPassphrase,
} from './backup';
export {
  describeExportProblem,
  describeFormat,
  describeImportErrors,
  describeImportProblem,
  describeImportSummary,
  describeInvalidRow,
  describeLeftOut,
  describeLocation,
  describeNotice,
  describeRowIssue,
} from './describe';
export { type CsvExport, type CsvExportAccount, exportEntraCsv } from './entra-csv';
export { MAX_IMPORT_BYTES } from './file-content';
export { type ExportKind, exportFile } from './file-names';
export {
  type ConflictChoice,
  type ConflictChoices,
  type ImportSummary,
  type MergeOptions,
  type MergeResult,
  mergeImport,
} from './merge';
export { exportOtpauthLinks, type LinkExportAccount } from './otpauth-lines';
export { type ParseImportOptions, parseImport, parseQrText } from './parse-import';
export { type ImportPreview, type PreviewConflict, previewImport } from './preview';
export type * from './problems';
export type {
  ImportFormat,
  ImportParse,
  IncomingAccount,
  InvalidRow,
  RowLocation,
  RowProblem,
} from './types';
export { list, type MessageKey, type PluralKey, plural, type Words, wordsFrom } from './words';
