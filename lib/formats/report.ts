import type { ImportSummary } from './merge';
import type { ImportParse, InvalidRow, RowLocation, RowProblem } from './types';

/** "Line 3", "Entry 2", "Line 2, entry 3"; empty for a QR code's single link. */
export function formatLocation(where: RowLocation): string {
  if (where.line !== undefined && where.entry !== undefined) return `Line ${where.line}, entry ${where.entry}`;
  if (where.line !== undefined) return `Line ${where.line}`;
  if (where.entry !== undefined) return `Entry ${where.entry}`;
  return '';
}

/**
 * The Add form's message, with the file's column named when the message does not already
 * name it: "Secret key has …" for the CSV's "secret key", but "time interval: Period must …".
 */
function formatProblem(problem: RowProblem): string {
  const { column, message } = problem;
  if (!column || message.toLowerCase().startsWith(column.toLowerCase())) return message;
  return `${column}: ${message}`;
}

/** One line per problem: "Line 3: Secret key has …", "Entry 2 (alice@contoso.com): HOTP …". */
export function formatRowProblems(row: InvalidRow): string[] {
  const location = formatLocation(row.where);
  const prefix = row.label ? `${location} (${row.label})` : location;
  return row.problems.map((p) => (prefix ? `${prefix}: ${formatProblem(p)}` : formatProblem(p)));
}

function byPosition(a: RowLocation, b: RowLocation): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.entry ?? 0) - (b.entry ?? 0);
}

/** Every message of a parse: the whole-file error, else each bad row's problems in file order. Plain text. */
export function formatImportErrors(parse: Pick<ImportParse, 'error' | 'invalid'>): string[] {
  if (parse.error) return [parse.error];
  return [...parse.invalid].sort((a, b) => byPosition(a.where, b.where)).flatMap(formatRowProblems);
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The outcome for the status line: "Added 3 accounts, replaced 1, skipped 2, 1 failed." */
export function formatImportSummary(summary: ImportSummary): string {
  const parts = [`Added ${count(summary.added, 'account')}`];
  if (summary.replaced > 0) parts.push(`replaced ${summary.replaced}`);
  if (summary.skipped > 0) parts.push(`skipped ${summary.skipped}`);
  if (summary.failed > 0) parts.push(`${summary.failed} failed`);
  return `${parts.join(', ')}.`;
}
