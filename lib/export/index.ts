/**
 * The export side of "Import and export". Each function takes the accounts and returns the
 * file's text; the options page offers it as a download (`exportFile` names it).
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
export { type ExportKind, exportFile } from './file-names';
export { exportOtpauthLinks, type LinkExportAccount } from './otpauth-lines';
