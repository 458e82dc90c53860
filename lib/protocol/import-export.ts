/** Extension pages → background: check and apply an import; write a backup or a plain export. */
import type { ExportProblem, ImportPreview, ImportProblem, ImportSummary, LeftOut } from '../formats';
import { isStringArray } from './account-table';
import type { Failure, Reply, RequestsOf } from './common';
import { either, type Infer, isBoolean, isString, oneOf, optional, recordOf, shape } from './validate';

/**
 * A file's bytes (base64, so binary junk is seen as such), pasted text, or the text of a QR
 * code the page decoded from an image (the background never decodes images).
 */
export const isImportContent = either(
  either(shape({ base64: isString }), shape({ text: isString })),
  shape({ qr: isString }),
);
export type ImportContent = Infer<typeof isImportContent>;

export const isPlainExportKind = oneOf('otpauth-links', 'entra-csv');
export type PlainExportKind = Infer<typeof isPlainExportKind>;

export interface ExportedFile {
  text: string;
  fileName: string;
  type: string;
}

export const importExportRequests = {
  /** Parses and checks an import against the vault; changes nothing. */
  'import:preview': shape({ content: isImportContent, backupPassphrase: optional(isString) }),
  /** Parses again and merges, in one vault write. `choices` index the preview's rows. */
  'import:apply': shape({
    content: isImportContent,
    backupPassphrase: optional(isString),
    choices: recordOf(oneOf('keep', 'replace', 'rename')),
    importValidOnly: isBoolean,
  }),
  /** `ids`: only these accounts (the options page's selection); every account without. */
  'export:backup': shape({ passphrase: isString, confirmation: isString, ids: optional(isStringArray) }),
  /** Secrets in plain text: only with the vault passphrase and the warning acknowledged. */
  'export:plain': shape({
    kind: isPlainExportKind,
    vaultPassphrase: isString,
    acknowledged: isBoolean,
    ids: optional(isStringArray),
  }),
};

export type ImportExportRequest = RequestsOf<typeof importExportRequests>;

/**
 * An import or export refused for a reason the page words itself (lib/formats/describe.ts,
 * through _locales). `error` is the code again, for logs; never words for a person.
 */
export type ImportFailure = Failure & { problem: ImportProblem; field?: undefined };
export type ExportFailure = Failure & { problem: ExportProblem };

export interface ImportExportReplies {
  'import:preview': Reply<{ preview: ImportPreview }> | ImportFailure;
  'import:apply': Reply<{ summary: ImportSummary }> | ImportFailure;
  'export:backup': Reply<{ file: ExportedFile; count: number }> | ExportFailure;
  'export:plain': Reply<{ file: ExportedFile; count: number; leftOut: LeftOut[] }> | ExportFailure;
}
