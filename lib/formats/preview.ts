import type { Account } from '../accounts';
import { classifyRows } from './merge';
import type { ImportNotice, ImportProblem } from './problems';
import type { ImportFormat, ImportParse, InvalidRow, RowLocation } from './types';

export interface PreviewConflict {
  /** The row's index in `ImportParse.valid`: the key of its `ConflictChoices` entry. */
  row: number;
  /** Line and/or entry; empty for a QR code. */
  where: RowLocation;
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
  /** A problem with the whole file; nothing else is filled in then. */
  error: ImportProblem | null;
  needsPassphrase: boolean;
  notices: ImportNotice[];
  /** The rows with problems, in file order ("Line 3: Secret key has …" once worded). */
  invalidRows: InvalidRow[];
  validCount: number;
  invalidCount: number;
  /** Rows that will be added without a question. */
  newCount: number;
  /** Their names and issuers (never a secret), for a preview that lists them: the popup's QR scan. */
  newAccounts: { where: RowLocation; name: string; issuer: string }[];
  duplicates: { where: RowLocation; name: string; of: 'vault' | 'file' }[];
  conflicts: PreviewConflict[];
}

function byPosition(a: RowLocation, b: RowLocation): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.entry ?? 0) - (b.entry ?? 0);
}

export function previewImport(existing: readonly Account[], parse: ImportParse): ImportPreview {
  const preview: ImportPreview = {
    format: parse.format,
    error: parse.error,
    needsPassphrase: parse.needsPassphrase,
    notices: parse.notices,
    invalidRows: [...parse.invalid].sort((a, b) => byPosition(a.where, b.where)),
    validCount: parse.valid.length,
    invalidCount: parse.invalid.length,
    newCount: 0,
    newAccounts: [],
    duplicates: [],
    conflicts: [],
  };
  for (const [row, fate] of classifyRows(existing, parse.valid).entries()) {
    const { name, issuer, where } = parse.valid[row]!;
    if (fate.kind === 'add') {
      preview.newCount++;
      preview.newAccounts.push({ where, name, issuer });
    } else if (fate.kind === 'duplicate') preview.duplicates.push({ where, name, of: fate.of });
    else
      preview.conflicts.push({
        row,
        where,
        name,
        with: fate.with,
        existingName: fate.existingName,
      });
  }
  return preview;
}
