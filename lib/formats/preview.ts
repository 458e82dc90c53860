import type { Account } from '../accounts';
import { classifyRows } from './merge';
import { formatImportErrors, formatLocation } from './report';
import { IMPORT_FORMAT_NAMES, type ImportFormat, type ImportParse } from './types';

export interface PreviewConflict {
  /** The row's index in `ImportParse.valid`: the key of its `ConflictChoices` entry. */
  row: number;
  /** "Line 3", "Entry 2", or empty for a QR code. */
  where: string;
  name: string;
  /** Whose name it shares: a vault account, or an earlier row of the same file. */
  with: 'vault' | 'file';
  existingName: string;
}

/**
 * What the options page shows before the user confirms, without a single secret, so the
 * background can send it to the page and keep the parsed rows to itself.
 */
export interface ImportPreview {
  format: ImportFormat | null;
  /** "Entra OATH token CSV", … */
  formatName: string | null;
  /** A problem with the whole file; nothing else is filled in then. */
  error: string | null;
  needsPassphrase: boolean;
  notices: string[];
  /** "Line 3: Secret key has …", one per problem, in file order. */
  rowErrors: string[];
  validCount: number;
  invalidCount: number;
  /** Rows that will be added without a question. */
  newCount: number;
  duplicates: { where: string; name: string; of: 'vault' | 'file' }[];
  conflicts: PreviewConflict[];
}

export function previewImport(existing: readonly Account[], parse: ImportParse): ImportPreview {
  const preview: ImportPreview = {
    format: parse.format,
    formatName: parse.format ? IMPORT_FORMAT_NAMES[parse.format] : null,
    error: parse.error,
    needsPassphrase: parse.needsPassphrase,
    notices: parse.notices,
    rowErrors: formatImportErrors({ error: null, invalid: parse.invalid }),
    validCount: parse.valid.length,
    invalidCount: parse.invalid.length,
    newCount: 0,
    duplicates: [],
    conflicts: [],
  };
  for (const [row, fate] of classifyRows(existing, parse.valid).entries()) {
    const { name, where } = parse.valid[row]!;
    if (fate.kind === 'add') preview.newCount++;
    else if (fate.kind === 'duplicate') preview.duplicates.push({ where: formatLocation(where), name, of: fate.of });
    else
      preview.conflicts.push({
        row,
        where: formatLocation(where),
        name,
        with: fate.with,
        existingName: fate.existingName,
      });
  }
  return preview;
}
