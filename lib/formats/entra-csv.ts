import Papa from 'papaparse';
import type { Account } from '../accounts';
import { ENTRA_CSV_COLUMNS, type EntraColumn } from './entra-csv-columns';
import type { ImportProblem, LeftOut } from './problems';
import { RowCollector } from './rows';
import { formatTokenNotes, parseTokenNotes } from './token-notes';
import type { FileParse } from './types';

export { ENTRA_CSV_COLUMNS, ENTRA_CSV_HEADER, type EntraColumn } from './entra-csv-columns';

/** Hardware-token seeds are Microsoft sign-ins by definition: the file is Entra's upload format. */
export const ENTRA_CSV_ISSUER = 'Microsoft';

/**
 * Cells a spreadsheet would read as a formula (OWASP "CSV Injection"): our export writes
 * them behind an apostrophe, and `unescapeFormula` takes it off on import.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

function normalizeHeaderName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

interface CsvRow {
  fields: string[];
  /** 1-based line of the file where the row starts. */
  line: number;
  /** Papaparse's complaint about the row's quotes, if any. */
  quoteError: boolean;
}

/**
 * Splits the CSV into rows with the line each starts on, so a quoted value spanning lines
 * still points the user at the right line. Blank lines are kept as rows (and skipped later)
 * so they count.
 */
function readRows(raw: string): CsvRow[] {
  // One kind of line break, so the line arithmetic below only has to count "\n".
  const text = raw.replace(/\r\n?/g, '\n');
  const firstLine = text.split('\n', 1)[0] ?? '';
  // Excel in European locales saves "CSV" with semicolons; Entra wants commas; we take either.
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const rows: CsvRow[] = [];
  let cursor = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    skipEmptyLines: false,
    step: (result) => {
      const row: CsvRow = {
        fields: result.data,
        line,
        quoteError: result.errors.some((e) => e.type === 'Quotes'),
      };
      for (let i = cursor; i < result.meta.cursor; i++) if (text.charCodeAt(i) === 10) line++;
      cursor = result.meta.cursor;
      rows.push(row);
    },
  });
  return rows;
}

/** Finds our columns by name (any order, any case); a whole-file message when the header is not Entra's. */
function readHeader(
  fields: readonly string[],
): { ok: true; column: Map<string, number> } | { ok: false; problem: ImportProblem } {
  const column = new Map<string, number>();
  for (const [index, raw] of fields.entries()) {
    const name = normalizeHeaderName(raw);
    if (name === '') continue;
    if (column.has(name)) {
      // Named only when it is one of ours: the file's own header text is not repeated.
      const ours = (ENTRA_CSV_COLUMNS as readonly string[]).includes(name);
      return {
        ok: false,
        problem: ours ? { code: 'csv-duplicate-column', column: name } : { code: 'csv-duplicate-column' },
      };
    }
    column.set(name, index);
  }
  const missing = ENTRA_CSV_COLUMNS.filter((c) => !column.has(c));
  if (missing.length === 0) return { ok: true, column };
  return { ok: false, problem: { code: 'csv-missing-columns', columns: [...missing] } };
}

/**
 * The Entra OATH token CSV (`upn,serial number,secret key,time interval,manufacturer,model`):
 * each row an account named by its UPN, the interval as its period, serial number,
 * manufacturer and model kept in its notes. The header is required.
 */
export function parseEntraCsv(text: string): FileParse {
  const [headerRow, ...rows] = readRows(text);
  if (!headerRow || headerRow.fields.every((f) => f.trim() === '')) {
    return { ok: false, problem: { code: 'csv-no-header' } };
  }
  const header = readHeader(headerRow.fields);
  if (!header.ok) return header;
  const width = headerRow.fields.length;

  const collector = new RowCollector({ name: 'upn', secret: 'secret key', period: 'time interval' });
  for (const { fields, line, quoteError } of rows) {
    if (fields.every((f) => f.trim() === '')) continue;
    const where = { line };
    if (quoteError) {
      collector.fail(where, [collector.problem(null, { code: 'csv-quote' })]);
      continue;
    }
    // Excel pads rows with trailing commas when some other row is longer: empty extras are harmless.
    const extras = fields.slice(width);
    if (fields.length < width || extras.some((f) => f.trim() !== '')) {
      collector.fail(where, [collector.problem(null, { code: 'csv-width', values: fields.length, columns: width })]);
      continue;
    }
    const get = (c: EntraColumn) => unescapeFormula(fields[header.column.get(c) ?? -1] ?? '').trim();
    const interval = get('time interval');
    collector.add(
      {
        name: get('upn'),
        secret: get('secret key'),
        // validatePeriod would say "not ." for an empty cell; the extra problem below says what is missing.
        period: interval === '' ? 30 : interval,
        issuer: ENTRA_CSV_ISSUER,
        notes: formatTokenNotes({
          serial: get('serial number'),
          manufacturer: get('manufacturer'),
          model: get('model'),
        }),
      },
      where,
      {
        extraProblems: interval === '' ? [collector.problem('period', { code: 'period-empty' })] : [],
      },
    );
  }
  return collector.result();
}

/**
 * Whether a first line is meant as a CSV header, Entra's or a wrong one (three or more
 * columns), so that the CSV parser's message about the header is the one the user sees.
 */
export function looksLikeCsvHeader(firstLine: string): boolean {
  return /[,;].*[,;]/.test(firstLine);
}

// ---------- writer ----------
export type CsvExportAccount = Pick<Account, 'id' | 'name' | 'secret' | 'digits' | 'period' | 'algorithm' | 'notes'>;

export interface CsvExport {
  text: string;
  /** Accounts the format cannot hold (Entra OATH tokens are 6-digit SHA1), to tell the user. */
  leftOut: LeftOut[];
}

/**
 * What an account added by hand (or from a file without them) gets in the columns Entra's upload
 * needs filled (README.md, 'Import and export'): the extension as its manufacturer, TOTP as its model.
 */
export const EXPORT_MANUFACTURER = 'MFA Autofill';
export const EXPORT_MODEL = 'TOTP';

/**
 * A serial number for an account that has none: "MFA" and 12 hex digits of a 64-bit FNV-1a hash
 * of the account's id. The same on every export of the account, different for every account in
 * practice (48 bits), and derived from nothing secret: the id is a random UUID, not the key.
 */
export function exportSerialNumber(accountId: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(accountId)) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  }
  return `MFA${hash.toString(16).padStart(16, '0').slice(0, 12).toUpperCase()}`;
}

/**
 * The Entra OATH token CSV, the format our import reads and Entra's upload takes. Serial
 * number, manufacturer and model come back from notes the CSV import wrote; where those are
 * empty, `exportSerialNumber`, EXPORT_MANUFACTURER and EXPORT_MODEL fill them, because Entra's
 * upload refuses a row without them.
 * A cell a spreadsheet would run as a formula (an account named "=HYPERLINK(…)" from some
 * imported file) is written with a leading apostrophe, as OWASP's "CSV Injection" advises;
 * the import takes it off again.
 */
export function exportEntraCsv(accounts: readonly CsvExportAccount[]): CsvExport {
  const rows: string[][] = [];
  const leftOut: CsvExport['leftOut'] = [];
  for (const account of accounts) {
    if (account.digits !== 6 || account.algorithm !== 'SHA1') {
      leftOut.push({ name: account.name, digits: account.digits, algorithm: account.algorithm });
      continue;
    }
    const token = parseTokenNotes(account.notes);
    rows.push([
      account.name,
      token?.serial || exportSerialNumber(account.id),
      account.secret,
      String(account.period),
      token?.manufacturer || EXPORT_MANUFACTURER,
      token?.model || EXPORT_MODEL,
    ]);
  }
  // CRLF, as Excel writes it and RFC 4180 specifies. Papaparse's own `escapeFormulae: true`
  // pattern (/^[=+\-@\t\r].*$/) misses a cell whose formula is followed by a line break.
  const text = Papa.unparse(
    { fields: [...ENTRA_CSV_COLUMNS], data: rows },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return { text: `${text}\r\n`, leftOut };
}
