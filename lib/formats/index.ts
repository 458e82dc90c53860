/**
 * "Import and export": every format's reader and writer (lib/formats/<format>.ts).
 * Import, for the background and the options page:
 * `parseImport` / `parseQrImage` → `previewImport` (show it, collect conflict choices) →
 * `mergeImport` (one vault write) → `formatImportSummary`. Export: each writer takes the
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
export { NOT_AN_AUTHENTICATOR_QR, type ParseImportOptions, parseImport, parseQrImage } from './parse-import';
export { type ImportPreview, type PreviewConflict, previewImport } from './preview';
export { NO_QR_CODE_MESSAGE, type Pixels } from './qr';
export { formatImportErrors, formatImportSummary, formatLocation, formatRowProblems } from './report';
export type {
  ImportFormat,
  ImportParse,
  IncomingAccount,
  InvalidRow,
  RowLocation,
  RowProblem,
} from './types';
export { IMPORT_FORMAT_NAMES } from './types';
