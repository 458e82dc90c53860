/**
 * The import side of "Import and export", for the background and the options page:
 * `parseImport` / `parseQrImage` → `previewImport` (show it, collect conflict choices) →
 * `mergeImport` (one vault write) → `formatImportSummary`. Nothing here touches storage.
 */

export { MAX_IMPORT_BYTES } from './file-content';
export {
  type ConflictChoice,
  type ConflictChoices,
  type ImportSummary,
  type MergeOptions,
  type MergeResult,
  mergeImport,
} from './merge';
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
